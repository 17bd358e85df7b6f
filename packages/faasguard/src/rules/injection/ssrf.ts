import { INJECTION_SCALE, flowRule } from './flow-rule.js';

export const ssrf = flowRule(
  {
    id: 'ssrf',
    title: "Server-side request forgery: event data chooses where the function connects",
    category: 'SAS-1',
    cwe: ['CWE-918'],
    severity: 'high',
    description:
      "Event data decides the address of an outbound request (`fetch`, `http(s).request`, `axios`, `got`, `request`). The attacker makes the function call internal services, other accounts' endpoints reachable from its network, or the Lambda runtime API, with the function's network position and sometimes its credentials.",
    remediation:
      "Keep the scheme and host constant in code and put event data only in the path or query, encoded (`encodeURIComponent`). When the host must vary, check it against an allow-list of hosts.",
    example: {
      language: 'javascript',
      vulnerable: "const res = await fetch(body.webhookUrl);",
      fixed: "const res = await fetch(`https://hooks.example.com/notify/${encodeURIComponent(body.id)}`);",
    },
    references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/918.html'],
    judges: ['function code'],
  },
  'ssrf',
  INJECTION_SCALE,
  "an attacker who controls this data makes the function send requests wherever they choose.",
);
