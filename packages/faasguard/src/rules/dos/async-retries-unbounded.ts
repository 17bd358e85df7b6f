import type { AppModel, LambdaFunction, Trigger } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { logGroupWriter } from '../../model/facts/log-group-facts.js';
import { computeExposure } from '../../analysis/exposure.js';
import { asNumber, type Value } from '../../model/value.js';
import { asyncTriggers, triggerKindsText, triggersRelated } from '../../analysis/async-triggers.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { sourceWords } from '../source-words.js';

/** Lambda's defaults for asynchronous invocation, which are also its maximums. */
const MAX_RETRIES = 2;
const MAX_EVENT_AGE_SECONDS = 21600;

export const asyncRetriesUnbounded: Rule = {
  meta: {
    id: 'async-retries-unbounded',
    title: 'Asynchronous invocation with retries and event age left at their maximum',
    category: 'SAS-8',
    cwe: ['CWE-400'],
    severity: 'low',
    description:
      'The function is invoked asynchronously (S3, SNS, EventBridge …) and does not bound how failing events are retried: `MaximumRetryAttempts` and `MaximumEventAgeInSeconds` are unset or at their maximum, so Lambda runs each event that makes the function fail three times (one minute, then two minutes apart) and keeps an event that is throttled or meets a Lambda error for up to 6 hours, retrying it. An attacker who can inject events that make the function fail (a malformed object, a crafted message) triples the cost of each, and a burst of them fills the function\'s concurrency with retries, so that events throttled behind them wait, for hours at worst.\n\n' +
      'Severity: `low`: the retries are bounded by Lambda (two retries, six hours) and the amplification is at most threefold. Only functions with asynchronous triggers are checked (a custom resource\'s request does not count: CloudFormation waits for its answer), and not those only a schedule invokes (its input is written in the template) or a log subscription of a function nothing outside reaches (its lines are what that function writes): no one outside can make them fail on purpose.',
    remediation:
      'Set `EventInvokeConfig` (SAM) or an `AWS::Lambda::EventInvokeConfig` with `MaximumRetryAttempts` (0 or 1 for work that is not worth retrying) and a `MaximumEventAgeInSeconds` matching how long an event stays useful, plus an on-failure destination to keep what is dropped.',
    example: {
      language: 'yaml',
      vulnerable: 'Events:\n  Upload:\n    Type: S3',
      fixed: 'EventInvokeConfig:\n  MaximumRetryAttempts: 1\n  MaximumEventAgeInSeconds: 600\nEvents:\n  Upload:\n    Type: S3',
    },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-configure.html'],
    judges: ['AWS::Serverless::Function', 'AWS::Lambda::Function', 'AWS::Lambda::EventInvokeConfig'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    for (const fn of model.functions) {
      const triggers = asyncTriggers(model, fn).filter((t) => outsidersMayShape(model, t));
      if (triggers.length === 0 || isBounded(fn)) continue;
      results.push({
        message: `Function ${nameOf(fn)} is invoked asynchronously (${triggerKindsText(triggers)}) with retries and event age at their maximum: each event that makes it fail runs three times (the retries a minute, then two minutes apart), and one throttled or met by a Lambda error is kept and retried for up to six hours. ${sourceWords(fn.loc.file).terraform ? 'Set maximum_retry_attempts and maximum_event_age_in_seconds in an aws_lambda_function_event_invoke_config.' : 'Set MaximumRetryAttempts and MaximumEventAgeInSeconds.'}`,
        location: fn.asyncConfig?.loc ?? fn.loc,
        related: triggersRelated(triggers),
        subject: subjectOf(fn),
        key: [fn.logicalId],
      });
    }
    return results;
  },
};

/**
 * Whether someone outside the app may shape the trigger's events: not a schedule's (its input is
 * written in the template), nor a log subscription's whose group is the log of a function that
 * nothing outside reaches (its lines are what that function writes).
 */
function outsidersMayShape(model: AppModel, t: Trigger): boolean {
  if (t.kind === 'eventbridge-scheduled') return false;
  if (t.kind !== 'cloudwatch-logs') return true;
  const writer = logGroupWriter(model, t.sourceId === undefined ? undefined : ModelIndex.of(model).resource(t.sourceId));
  return writer === undefined || computeExposure(model).get(writer.id)?.level !== 'internal';
}

function isBounded(fn: LambdaFunction): boolean {
  const config = fn.asyncConfig;
  if (!config) return false;
  return below(config.maxRetryAttempts, MAX_RETRIES) || below(config.maxEventAgeSeconds, MAX_EVENT_AGE_SECONDS);
}

/** Set below the maximum; a value known only at deploy time is given the benefit of the doubt. */
function below(v: Value | undefined, max: number): boolean {
  if (v === undefined || v === null) return false;
  const n = asNumber(v);
  return n === undefined || n < max;
}
