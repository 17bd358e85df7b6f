import { eventSourceMappingFacts, mappingProperties, retriesWithoutBound } from '../../model/facts/event-source-mapping-facts.js';
import type { LambdaFunction, Trigger } from '../../model/app-model.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { ModelIndex } from '../../model/model-index.js';
import { sourceWords } from '../source-words.js';

/** Poll-based sources that retry a failing batch until its records expire. */
const STREAM_KINDS = new Set<Trigger['kind']>(['kinesis-stream', 'dynamodb-stream']);

export const streamRetriesUnbounded: Rule = {
  meta: {
    id: 'stream-retries-unbounded',
    title: 'Stream event source retried until records expire',
    category: 'SAS-8',
    cwe: ['CWE-400', 'CWE-835'],
    severity: 'medium',
    description:
      'A Kinesis or DynamoDB stream invokes the function and its event source sets neither `MaximumRetryAttempts` nor `MaximumRecordAgeInSeconds`; both default to -1, infinite. One record the function cannot process (a poison record, which anyone who can write to the stream or table can plant) makes Lambda retry its batch until the record expires, 24 hours to 365 days later, while every newer record of that shard waits: the pipeline stops and the retries are billed.\n\n' +
      'Severity: `medium`: a single bad record halts processing of a shard for up to the stream\'s retention.',
    remediation:
      'Set `MaximumRetryAttempts` (for example 3) or `MaximumRecordAgeInSeconds`, `BisectBatchOnFunctionError: true` to isolate the bad record, and a `DestinationConfig.OnFailure` destination to keep it for inspection. Report partial batch failures with `FunctionResponseTypes: [ReportBatchItemFailures]`.',
    example: {
      language: 'yaml',
      vulnerable: 'Events:\n  Changes:\n    Type: DynamoDB\n    Properties:\n      Stream: !GetAtt Table.StreamArn\n      StartingPosition: LATEST',
      fixed: 'Events:\n  Changes:\n    Type: DynamoDB\n    Properties:\n      Stream: !GetAtt Table.StreamArn\n      StartingPosition: LATEST\n      MaximumRetryAttempts: 3\n      BisectBatchOnFunctionError: true\n      DestinationConfig:\n        OnFailure:\n          Destination: !GetAtt FailedRecords.Arn',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html', 'https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html'],
    judges: ['AWS::Lambda::EventSourceMapping', 'AWS::Serverless::Function'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const t of model.triggers) {
      if (!STREAM_KINDS.has(t.kind)) continue;
      const fn = ModelIndex.of(model).function(t.functionId);
      if (!fn || !retriesWithoutBound(eventSourceMappingFacts(mappingProperties(model, t)))) continue;
      results.push(result(t, fn));
    }
    return results;
  },
};

function result(t: Trigger, fn: LambdaFunction): RuleResult {
  return {
    message: `The ${t.kind} event source of ${nameOf(fn)} retries a failing batch until its records expire: one poison record halts its shard for as long as the stream keeps data, and every retry is billed. ${sourceWords(t.loc.file).terraform ? 'Set maximum_retry_attempts or maximum_record_age_in_seconds, with a destination_config on_failure.' : 'Set MaximumRetryAttempts or MaximumRecordAgeInSeconds, with an OnFailure destination.'}`,
    location: t.loc,
    related: [{ loc: fn.loc, message: `function ${nameOf(fn)}` }],
    subject: subjectOf(fn),
    key: [fn.logicalId, t.id.split('/').pop() ?? t.id],
  };
}
