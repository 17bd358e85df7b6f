import { BROWSER_SCALE, flowRule } from './flow-rule.js';

export const xss = flowRule(
  {
    id: 'xss',
    title: "Cross-site scripting: event data is written into an HTML response",
    category: 'SAS-1',
    cwe: ['CWE-79'],
    severity: 'high',
    description:
      "The function returns HTML (by its `Content-Type` or markup) that contains event data without encoding. A link with a crafted parameter runs the attacker's script in the victim's browser, on the API's origin.",
    remediation:
      "Encode data for HTML before writing it into markup (an escaping library such as `escape-html`, or a template engine that escapes by default), or return JSON and render on the client.",
    example: {
      language: 'javascript',
      vulnerable: "return { statusCode: 200, headers: { 'Content-Type': 'text/html' }, body: `<h1>Hello ${event.queryStringParameters.name}</h1>` };",
      fixed: "return { statusCode: 200, headers: { 'Content-Type': 'text/html' }, body: `<h1>Hello ${escapeHtml(event.queryStringParameters.name)}</h1>` };",
    },
    references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/79.html'],
    judges: ['function code'],
  },
  'xss',
  BROWSER_SCALE,
  "a crafted link runs the attacker's script in the victim's browser.",
);
