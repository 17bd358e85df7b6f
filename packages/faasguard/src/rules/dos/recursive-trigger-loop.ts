import { functionWrites } from '../../analysis/function-writes.js';
import { codeWriteInto } from '../../code/aws-calls/code-writes.js';
import { codeScope } from '../code-scope.js';
import { ModelIndex } from '../../model/model-index.js';
import type { CodeWriteVerdict } from '../../code/aws-calls/code-writes.js';
import type { LambdaFunction, Resource } from '../../model/app-model.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';

export const recursiveTriggerLoop: Rule = {
  meta: {
    id: 'recursive-trigger-loop',
    title: 'Function can trigger itself (recursive loop)',
    category: 'SAS-8',
    cwe: ['CWE-674', 'CWE-400'],
    severity: 'high',
    description:
      "The function is triggered by a bucket, queue, topic, table or stream that its own role lets it write into, and its code writes there (or to a target it takes from the event or elsewhere, which may be that source). One write that triggers the function again (a processed file saved back to the upload bucket, a retried message re-sent to its queue) starts a loop that runs until something breaks, scaling concurrency and cost — one event from an attacker is enough to start it. Lambda stops some loops after 16 iterations, not all (not S3). When the code is in the repository but cannot be analyzed (a code folder without the handler's file, a language the analysis does not read), the role alone is reported, at medium severity. When the code is not in the repository at all (in S3, a container image, a folder not checked out), nothing is reported: the scan's handler-not-found note says the function's code was not judged.",
    remediation:
      'Write outputs to a different bucket, queue or topic than the one that triggers the function, or restrict the trigger with a prefix/suffix filter that outputs never match and limit the role to that output location. Set reserved concurrency as a brake.',
    example: {
      language: 'yaml',
      vulnerable: 'Policies:\n  - S3CrudPolicy:\n      BucketName: !Ref Images\nEvents:\n  Upload:\n    Type: S3\n    Properties:\n      Bucket: !Ref Images\n      Events: s3:ObjectCreated:*',
      fixed: 'Policies:\n  - S3ReadPolicy:\n      BucketName: !Ref Images\n  - S3WritePolicy:\n      BucketName: !Ref Thumbnails\nEvents:\n  Upload:\n    Type: S3\n    Properties:\n      Bucket: !Ref Images\n      Events: s3:ObjectCreated:*',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html'],
    judges: ['AWS::Serverless::Function', 'AWS::Lambda::Function', 'AWS::IAM::Role', 'function code'],
  },
  check(ctx) {
    const model = ctx.model;
    const scope = codeScope(ctx);
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const fn of model.functions) {
      const writes = functionWrites(fn, index);
      for (const t of index.triggersOf(fn)) {
        const grant = writes.find((w) => w.covers(t));
        const source = index.resource(t.sourceId);
        if (!grant || !source) continue;
        const code = codeWriteInto(model, scope, fn, source);
        if (code.kind === 'no-write' || code.kind === 'absent') continue;
        const related = [
          { loc: grant.loc, message: `${nameOf(fn)}'s role can write to ${nameOf(source)}` },
          { loc: source.loc, message: `${source.kind} ${nameOf(source)}` },
        ];
        if (code.kind === 'writes') related.push({ loc: code.loc, message: `${code.what} ${code.named ? `into ${nameOf(source)}` : 'to a target the template does not name'}` });
        results.push({
          message: loopMessage(fn, source, code),
          location: t.loc,
          related,
          ...(code.kind === 'not-analyzed' ? { severity: 'medium' as const } : {}),
          subject: subjectOf(fn),
          key: [fn.logicalId, source.logicalId],
        });
      }
    }
    return results;
  },
};

function loopMessage(fn: LambdaFunction, source: Resource, code: Exclude<CodeWriteVerdict, { kind: 'no-write' | 'absent' }>): string {
  const head = `${nameOf(fn)} is triggered by ${nameOf(source)} and its role can write into ${nameOf(source)}`;
  if (code.kind === 'not-analyzed') return `${head}; its code could not be analyzed (${code.reason}), so whether it writes back is not known: one write back would start a loop that keeps invoking it.`;
  const where = `${code.loc.file}:${code.loc.line}`;
  if (code.named) return `${head}, and its code writes there (${code.what} at ${where}): one write back starts a loop that keeps invoking it.`;
  return `${head}, and its code writes to a ${source.kind} the template does not name (${code.what} at ${where}), which may be ${nameOf(source)}: one write back starts a loop that keeps invoking it.`;
}
