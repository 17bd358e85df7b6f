import { CATEGORY_REASON, suppressionRule } from './suppression-rule.js';

export const staleSuppression = suppressionRule({
  id: 'stale-suppression',
  title: 'Suppression that matches no finding',
  category: 'SAS-5',
  cwe: ['CWE-1164'],
  severity: 'info',
  description:
    'A suppression covers no finding of the rule it names: the problem was fixed, the resource or the code moved, or the comment is not where it takes effect (a blank line between it and what it should cover, a line of code that has no such finding). A stale suppression is worse than none: when the problem comes back at that place, it is hidden without anyone having accepted it again.\n\n' +
    `Severity: \`info\`: nothing is hidden today. ${CATEGORY_REASON}`,
  remediation:
    'Remove the suppression, or move it where it takes effect: a comment at the end of a line covers that line (in a template, the block that starts there); a comment alone on its line covers the next line that is not a comment (`faasguard-ignore-next-line` says so explicitly); a Metadata entry covers its resource.',
  example: {
    language: 'yaml',
    vulnerable: 'Handler:\n  Type: AWS::Serverless::Function\n  Properties:\n    # faasguard-ignore runtime-deprecated: upgrade planned in OPS-42\n    Runtime: nodejs22.x',
    fixed: 'Handler:\n  Type: AWS::Serverless::Function\n  Properties:\n    Runtime: nodejs22.x',
  },
});
