import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { logGroupWriters, writersText } from './log-group-writers.js';
import { logRetentionWords } from './log-retention-words.js';

export const logGroupWithoutRetention: Rule = {
  meta: {
    id: 'log-group-without-retention',
    title: 'Log group without retention',
    category: 'SAS-5',
    cwe: ['CWE-779'],
    severity: 'low',
    description:
      "An `AWS::Logs::LogGroup` has no `RetentionInDays`: CloudWatch Logs keeps its events forever. Whatever is logged there (callers' addresses and identities in API access logs, tokens or personal data a function prints) accumulates indefinitely and stays readable by everyone allowed to read the account's logs, and nobody decided how long the evidence of an incident is kept. The log group of a function is reported by `function-without-log-retention`, with the function; this rule judges every other log group, whether or not anything in the template writes into it.\n\n" +
      'Severity: `low`: nothing is exposed by itself, but data is kept beyond any need.',
    remediation: 'Set `RetentionInDays` to what your incident response and privacy rules require (for example 90 or 365 days).',
    example: { language: 'yaml', vulnerable: 'ApiLogs:\n  Type: AWS::Logs::LogGroup', fixed: 'ApiLogs:\n  Type: AWS::Logs::LogGroup\n  Properties:\n    RetentionInDays: 90' },
    references: ['https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-logs-loggroup.html'],
    judges: ['AWS::Logs::LogGroup'],
    peerChecks: ['Checkov CKV_AWS_66', 'cfn-nag W86'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const w of logGroupWriters(model)) {
      if (w.group.hasRetention || w.functions.length > 0) continue;
      const r = w.group.resource;
      results.push({
        message: `Log group ${nameOf(r)}${writersText(w)} has no ${logRetentionWords(r.loc.file).retention}: its events are kept forever. Set a retention period.`,
        location: r.loc,
        related: w.stages.map((s) => ({ loc: s.stage.loc, message: `access logs of stage of API ${nameOf(s.api)}` })),
        subject: subjectOf(r),
        key: [r.logicalId],
      });
    }
    return results;
  },
};
