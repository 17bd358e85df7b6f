import { INJECTION_SCALE, flowRule } from './flow-rule.js';

export const codeInjection = flowRule(
  {
    id: 'code-injection',
    title: "Code injection: event data is evaluated as code",
    category: 'SAS-1',
    cwe: ['CWE-94', 'CWE-95'],
    severity: 'critical',
    description:
      "Data from the function's event is evaluated as JavaScript (`eval`, `new Function`, the `vm` module, or a string passed to `setTimeout`/`setInterval`). The attacker's code runs inside the function with its role and environment.",
    remediation:
      "Never evaluate event data. Parse data with `JSON.parse`, look operations up in a fixed table of functions, and validate input against a schema. The `vm` module is not a security boundary.",
    example: {
      language: 'javascript',
      vulnerable: "const result = eval(body.expression);",
      fixed: "const OPS = { add: (a, b) => a + b };\nconst op = OPS[body.op];\nif (!op) return { statusCode: 400 };\nconst result = op(Number(body.a), Number(body.b));",
    },
    references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/94.html'],
    judges: ['function code'],
  },
  'code',
  INJECTION_SCALE,
  "an attacker who controls this data runs code with the function's permissions.",
);
