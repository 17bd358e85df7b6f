import type { LambdaFunction } from '../../model/app-model.js';
import { asyncTriggers, triggerKindsText, triggersRelated } from '../../analysis/async-triggers.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { sourceWords } from '../source-words.js';

export const asyncTriggerWithoutFailureDestination: Rule = {
  meta: {
    id: 'async-trigger-without-failure-destination',
    title: 'Asynchronously invoked function without a dead-letter queue or on-failure destination',
    category: 'SAS-5',
    cwe: ['CWE-778', 'CWE-755'],
    severity: 'medium',
    description:
      'Services such as S3, SNS, EventBridge and CloudWatch Logs invoke the function asynchronously, and the function has neither a dead-letter queue (`DeadLetterQueue` / `DeadLetterConfig`) nor an on-failure destination (`EventInvokeConfig.DestinationConfig.OnFailure`). When it fails on an event, Lambda retries twice and then drops the event: only the errors in the function\'s logs and the `AsyncEventsDropped` metric remain, not the event, so it cannot be looked at or processed again. An attacker who can shape events (an object key, a message body) makes the function fail on purpose and the lost work goes unnoticed unless someone watches those errors, and real failures lose data.\n\n' +
      'Severity: `medium`: events are lost for good and nothing records that they were. Only functions with asynchronous triggers are checked; a custom resource\'s request does not count (CloudFormation waits for the answer, and one that never comes fails the stack operation where the deployer sees it). Checkov (CKV_AWS_116) asks for a dead-letter queue on every function; faasguard does not, on purpose: a function invoked only synchronously (an API, a Function URL) or through an event-source mapping (SQS, Kinesis, DynamoDB streams) never sends anything to a dead-letter queue. The caller gets the error, or the mapping retries and the queue\'s redrive policy or the mapping\'s on-failure destination keeps the event (sqs-source-without-redrive, stream-retries-unbounded); a dead-letter queue there is configuration that never runs.',
    remediation:
      'Add an on-failure destination (SQS queue, SNS topic, EventBridge bus or another function) with `EventInvokeConfig.DestinationConfig.OnFailure`, or a dead-letter queue; alarm on its depth, and replay or inspect what lands there.',
    example: {
      language: 'yaml',
      vulnerable: 'Events:\n  Upload:\n    Type: S3',
      fixed: 'EventInvokeConfig:\n  DestinationConfig:\n    OnFailure:\n      Type: SQS\n      Destination: !GetAtt FailedEvents.Arn\nEvents:\n  Upload:\n    Type: S3',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html'],
    judges: ['AWS::Serverless::Function', 'AWS::Lambda::Function', 'AWS::Lambda::EventInvokeConfig'],
    peerChecks: ['Checkov CKV_AWS_116', 'KICS Serverless Function Without Dead Letter Queue', 'KICS Lambda Function Without Dead Letter Queue'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const fn of model.functions) {
      const triggers = asyncTriggers(model, fn);
      if (triggers.length === 0 || hasFailureTarget(fn)) continue;
      results.push({
        message: `Function ${nameOf(fn)} is invoked asynchronously (${triggerKindsText(triggers)}) and has no dead-letter queue or on-failure destination: events it fails on are dropped after two retries, and only the errors in its logs remain, not the events. ${sourceWords(fn.loc.file).terraform ? 'Add a destination_config on_failure in an aws_lambda_function_event_invoke_config.' : 'Add an OnFailure destination.'}`,
        location: fn.asyncConfig?.loc ?? fn.loc,
        related: triggersRelated(triggers),
        subject: subjectOf(fn),
        key: [fn.logicalId],
      });
    }
    return results;
  },
};

function hasFailureTarget(fn: LambdaFunction): boolean {
  return isSet(fn.deadLetterTarget) || isSet(fn.asyncConfig?.onFailure);
}

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '';
}
