import { INJECTION_SCALE, flowRule } from './flow-rule.js';

export const pathTraversal = flowRule(
  {
    id: 'path-traversal',
    title: "Path traversal: event data names a file",
    category: 'SAS-1',
    cwe: ['CWE-22'],
    severity: 'high',
    description:
      "Event data is used as (part of) a file system path (`fs.readFile`, `writeFile`, `createReadStream`, `unlink` \u2026). With `../` the attacker reads or overwrites files outside the intended folder: the function's code, `/proc/self/environ` with its credentials, or files other invocations left in `/tmp`.",
    remediation:
      "Reduce the name to its last segment (`path.basename`) or check it against an allow-list or an anchored pattern, and resolve the final path and check that it stays inside the intended folder.",
    example: {
      language: 'javascript',
      vulnerable: "const data = fs.readFileSync(`/tmp/reports/${event.queryStringParameters.name}`);",
      fixed: "const name = path.basename(event.queryStringParameters.name);\nconst data = fs.readFileSync(path.join('/tmp/reports', name));",
    },
    references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/22.html'],
    judges: ['function code'],
  },
  'path',
  INJECTION_SCALE,
  "an attacker who controls this data reads or writes files outside the intended folder.",
);
