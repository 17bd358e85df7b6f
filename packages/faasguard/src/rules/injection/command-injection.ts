import { INJECTION_SCALE, flowRule } from './flow-rule.js';

export const commandInjection = flowRule(
  {
    id: 'command-injection',
    title: "Command injection: event data reaches a shell command",
    category: 'SAS-1',
    cwe: ['CWE-78'],
    severity: 'critical',
    description:
      "Data from the function's event (an object key, a request body, a message) is built into a command that a shell runs (`exec`, `execSync`, `spawn` with `shell: true`, `execa` with `shell`). Shell metacharacters in the data (`;`, `$( )`, backquotes, `|`) run the attacker's own commands with the function's role: reading its environment and credentials, and calling every AWS API the role allows.",
    remediation:
      "Do not build shell commands from event data. Run the program directly with an argument array (`execFileSync('convert', [input, output])`, `spawn` without `shell`), reduce the data to what is expected first (`path.basename`, an allow-list or an anchored pattern), and quote with a shell-quoting library only when a shell is unavoidable.",
    example: {
      language: 'javascript',
      vulnerable: "const key = record.s3.object.key;\nexecSync(`convert /tmp/${key} /tmp/thumb-${key}`);",
      fixed: "const key = path.basename(record.s3.object.key);\nif (!/^[\\w.-]+\\.(png|jpe?g)$/i.test(key)) return;\nexecFileSync('convert', [`/tmp/${key}`, `/tmp/thumb-${key}`]);",
    },
    references: ['https://owasp.org/www-project-serverless-top-10/', 'https://cwe.mitre.org/data/definitions/78.html'],
    judges: ['function code'],
  },
  'command',
  INJECTION_SCALE,
  "an attacker who controls this data runs commands with the function's permissions.",
);
