import { CATEGORY_REASON, suppressionRule } from './suppression-rule.js';

export const suppressionUnknownRule = suppressionRule({
  id: 'suppression-unknown-rule',
  title: 'Suppression of a rule that does not exist',
  category: 'SAS-5',
  cwe: ['CWE-1164'],
  severity: 'low',
  description:
    'A suppression names no rule, or a rule id faasguard does not have (a typo, a rule renamed, an id from another tool), or one of the rules about suppressions, which cannot be suppressed. It suppresses nothing: the finding it was meant for is still reported, and the comment misleads its readers into thinking a risk was reviewed.\n\n' +
    `Severity: \`low\`. ${CATEGORY_REASON}`,
  remediation: 'Use the rule id the finding shows (`faasguard rules` lists them all), or remove the suppression.',
  example: {
    language: 'yaml',
    vulnerable: '# faasguard-ignore function-url-no-auth: verified by its HMAC signature\nWebhookFunction:\n  Type: AWS::Serverless::Function',
    fixed: '# faasguard-ignore function-url-without-auth: verified by its HMAC signature\nWebhookFunction:\n  Type: AWS::Serverless::Function',
  },
});
