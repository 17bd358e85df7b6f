import { isWritten } from '../code/written-event-logs.js';
import { codeFactsFor } from '../../code/code-facts.js';
import type { AppModel, LambdaFunction } from '../../model/app-model.js';
import { carriesCredentials } from '../code/event-logged.js';
import { codeScope } from '../code-scope.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { logGroupWriters } from './log-group-writers.js';
import type { CodeEvent } from '../../code/taint/analyze-function.js';

export const logGroupWithoutKmsKey: Rule = {
  meta: {
    id: 'log-group-without-kms-key',
    title: 'Log group of sensitive data without a KMS key',
    category: 'SAS-5',
    cwe: ['CWE-311', 'CWE-532'],
    severity: 'low',
    description:
      "The log group keeps the logs of a function whose code writes its caller's request, or a credential field of it (an `Authorization` header, a password, a token), to its logs (see `event-logged`), and the group names no `KmsKeyId`. CloudWatch Logs encrypts every group at rest with a key AWS owns: anyone allowed `logs:GetLogEvents` or `logs:FilterLogEvents` on the account reads the tokens in clear. A customer managed key adds a second gate (`kms:Decrypt` in the key policy), lets you audit each read of the data in CloudTrail and revoke access by disabling the key.\n\n" +
      'Only groups that hold such data are reported: a careful reviewer does not ask for a customer managed key on logs that hold no secrets and no personal data, where the default encryption is enough. Severity: `low`; the fix for the logging itself is reported by `event-logged`.',
    remediation: 'Stop logging credentials (see `event-logged`), and set `KmsKeyId` on the log group to a customer managed key whose policy allows the `logs.<region>.amazonaws.com` service principal to use it for this group.',
    example: { language: 'yaml', vulnerable: 'OrdersLogs:\n  Type: AWS::Logs::LogGroup\n  Properties:\n    LogGroupName: !Sub /aws/lambda/${Orders}\n    RetentionInDays: 90', fixed: 'OrdersLogs:\n  Type: AWS::Logs::LogGroup\n  Properties:\n    LogGroupName: !Sub /aws/lambda/${Orders}\n    RetentionInDays: 90\n    KmsKeyId: !GetAtt LogsKey.Arn' },
    references: ['https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html'],
    judges: ['AWS::Logs::LogGroup', 'function code'],
    peerChecks: ['Checkov CKV_AWS_158', 'cfn-nag W84'],
  },
  check(ctx) {
    const scope = codeScope(ctx);
    if (!scope) return [];
    const { model } = ctx;
    const facts = codeFactsFor(model, scope);
    const results: RuleResult[] = [];
    for (const w of logGroupWriters(model)) {
      const r = w.group.resource;
      if (w.group.kmsKeyId !== undefined) continue;
      const logged = w.functions.map((fn) => ({ fn, event: sensitiveLog(fn, facts.byFunction.get(fn.id)?.analysis?.eventLogs ?? [], model) })).find((x) => x.event);
      if (!logged?.event) continue;
      const what = logged.event.field ? `${logged.event.field} from its event` : 'its whole event';
      results.push({
        message: `Log group ${nameOf(r)} keeps the logs of function ${nameOf(logged.fn)}, which logs ${what} at ${logged.event.loc.file}:${logged.event.loc.line}, and has no KmsKeyId: anyone allowed to read the account's logs reads those credentials. Encrypt the group with a customer managed key.`,
        location: r.loc,
        related: [{ loc: logged.event.loc, message: `${nameOf(logged.fn)} logs ${what}` }],
        subject: subjectOf(r),
        key: [r.logicalId],
      });
    }
    return results;
  },
};

/** A log of the event that `event-logged` reports: a credential field, or a whole request. */
function sensitiveLog(fn: LambdaFunction, logs: CodeEvent[], model: AppModel): CodeEvent | undefined {
  const written = logs.filter((e) => isWritten(e, fn));
  return written.find((e) => e.field) ?? (carriesCredentials(fn, model) ? written[0] : undefined);
}
