import { CATEGORY_REASON, suppressionRule } from './suppression-rule.js';

export const suppressionWithoutReason = suppressionRule({
  id: 'suppression-without-reason',
  title: 'Suppression without a reason',
  category: 'SAS-5',
  cwe: ['CWE-223'],
  severity: 'low',
  description:
    'A `faasguard-ignore` comment or a `Metadata.faasguard.ignore` entry gives no reason. A suppression is a decision to accept a risk, and the next reader (a reviewer, an auditor, the team a year later) needs to know why it was accepted to tell whether it still holds. Without a reason faasguard does not apply it: the finding it names is still reported.\n\n' +
    `Severity: \`low\`: nothing is hidden, but the intended decision is not recorded. ${CATEGORY_REASON}`,
  remediation:
    'Write the reason after a colon: `# faasguard-ignore <rule-id>: <why the risk is accepted>` in YAML and Python, `// faasguard-ignore-next-line <rule-id>: <why>` in JavaScript and TypeScript, or a `reason` beside the `rule` of a Metadata entry. Say what makes the risk acceptable (a compensating control, the data involved, a ticket), not that it is accepted.',
  example: {
    language: 'yaml',
    vulnerable: 'WebhookFunction:  # faasguard-ignore function-url-without-auth\n  Type: AWS::Serverless::Function',
    fixed: 'WebhookFunction:  # faasguard-ignore function-url-without-auth: every request is verified by its HMAC signature\n  Type: AWS::Serverless::Function',
  },
});
