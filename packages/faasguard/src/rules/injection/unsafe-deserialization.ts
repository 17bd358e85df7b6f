import { INJECTION_SCALE, flowRule } from './flow-rule.js';

export const unsafeDeserialization = flowRule(
  {
    id: 'unsafe-deserialization',
    title: "Unsafe deserialization of event data",
    category: 'SAS-1',
    cwe: ['CWE-502'],
    severity: 'critical',
    description:
      "Event data is deserialized with a library that can rebuild functions or run code (`node-serialize`, `serialize-to-js`, `funcster`, `js-yaml` unsafe loaders or schemas). A crafted payload executes code during deserialization.",
    remediation:
      "Use `JSON.parse` for data, or the safe loader of a YAML library (`yaml.load` with the default schema in js-yaml 4), and validate the result against a schema.",
    example: {
      language: 'javascript',
      vulnerable: "const serialize = require('node-serialize');\nconst session = serialize.unserialize(event.body);",
      fixed: "const session = JSON.parse(event.body);\nconst parsed = SessionSchema.parse(session);",
    },
    references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/502.html'],
    judges: ['function code'],
  },
  'deserialization',
  INJECTION_SCALE,
  "a crafted payload runs code while it is deserialized.",
);
