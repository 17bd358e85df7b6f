import { BROWSER_SCALE, flowRule } from './flow-rule.js';

export const openRedirect = flowRule(
  {
    id: 'open-redirect',
    title: "Open redirect: event data chooses where a response redirects",
    category: 'SAS-1',
    cwe: ['CWE-601'],
    severity: 'medium',
    description:
      "The function answers with a redirect (301, 302, 303, 307, 308) whose `Location` comes from the request. Links on the trusted domain then send users to the attacker's site, for phishing or to steal tokens passed in the URL.",
    remediation:
      "Redirect to relative paths of the application or to hosts from an allow-list; ignore a target that does not match.",
    example: {
      language: 'javascript',
      vulnerable: "return { statusCode: 302, headers: { Location: event.queryStringParameters.next } };",
      fixed: "const next = ALLOWED_PATHS.includes(event.queryStringParameters.next) ? event.queryStringParameters.next : '/';\nreturn { statusCode: 302, headers: { Location: next } };",
    },
    references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/601.html'],
    judges: ['function code'],
  },
  'redirect',
  BROWSER_SCALE,
  "a link on the trusted domain sends users to a site the attacker chooses.",
);
