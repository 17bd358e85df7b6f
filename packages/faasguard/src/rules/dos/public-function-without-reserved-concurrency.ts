import type { AppModel, LambdaFunction, TriggerKind } from '../../model/app-model.js';
import type { EntryPath } from '../../analysis/exposure-types.js';
import { exposureSteps, exposureText, publicFunctions, unscopedPermissionText, type PublicFunction } from './public-functions.js';
import { routeThrottle, type RouteThrottle } from './route-throttle.js';
import { ModelIndex } from '../../model/model-index.js';
import { isRequestTrigger } from '../../model/trigger-kind.js';
import { asNumber } from '../../model/value.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { inServerlessService, sourceWords } from '../source-words.js';
import { countText } from '../../util/count-text.js';

export const publicFunctionWithoutReservedConcurrency: Rule = {
  meta: {
    id: 'public-function-without-reserved-concurrency',
    title: 'Public function without reserved concurrency',
    category: 'SAS-8',
    cwe: ['CWE-770'],
    severity: 'medium',
    description:
      "Anyone on the internet can make the function run, and it has no `ReservedConcurrentExecutions`. Its concurrency is then limited only by the account's regional pool (1,000 by default), shared with every other function: a flood of requests scales it up to the whole pool, which throttles every other function of the account (denial of service beyond this application), and every invocation is billed (denial of wallet).\n\n" +
      'Severity: `medium`: no data is exposed, but one unauthenticated caller can take down unrelated workloads and run up the bill. Only functions the exposure analysis finds public are checked, and not those whose every public way in is a REST API route its stages throttle too tightly for the function to take the pool (at most rate × timeout + burst run at once: 50 requests a second to a function with a 3-second timeout, burst 25, stay under 200). Checkov (CKV_AWS_115) and cfn-nag (W92) ask for reserved concurrency on every function; faasguard does not, on purpose: a function that only the application\'s own services invoke (a queue, a stream, a schedule) is driven at the pace its event source sets (batch sizes, the maximum concurrency of its event-source mapping), and reserving concurrency for it takes capacity out of the shared pool for nothing. The cap matters where strangers set the pace. So a function whose every public way in ends in a DynamoDB or Kinesis stream (a route or function anyone reaches writes to the table or stream) is not reported either, unless its mapping sets a `ParallelizationFactor` above 1: Lambda runs one batch per shard at a time, and a flood of writes lengthens the stream\'s backlog rather than the function\'s concurrency (an SQS queue\'s poller, by contrast, scales the function up to its mapping\'s maximum concurrency). A `GET` route whose every stage caches it for all callers (no path parameters, no cache keys) runs the function once per time to live whatever is sent, and does not count as a way in here. A Lambda@Edge association does not count either: CloudFront runs replicas of the function in the Regions near its viewers, whose concurrency, metrics and logs are those Regions\', not governed by the function\'s own settings in the Region it is made in.',
    remediation:
      'Set `ReservedConcurrentExecutions` to the highest concurrency the function legitimately needs: it caps the function and guarantees it that share. Put throttling in front of it too (API Gateway stage or usage-plan limits, WAF rate-based rules). For a function an SQS queue triggers, the event source mapping\'s `ScalingConfig.MaximumConcurrency` caps it too, and leaves the messages it cannot take waiting in the queue, where throttling by reserved concurrency returns them to be received again (and, after the queue\'s `maxReceiveCount`, moved to its dead-letter queue).',
    example: { language: 'yaml', vulnerable: 'Webhook:\n  Type: AWS::Serverless::Function', fixed: 'Webhook:\n  Type: AWS::Serverless::Function\n  Properties:\n    ReservedConcurrentExecutions: 20' },
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html'],
    judges: ['AWS::Serverless::Function', 'AWS::Lambda::Function'],
    peerChecks: ['Checkov CKV_AWS_115', 'cfn-nag W92'],
  },
  check({ model }) {
    const results: RuleResult[] = [];
    const index = ModelIndex.of(model);
    for (const found of publicFunctions(model)) {
      if (found.fn.reservedConcurrency !== undefined && found.fn.reservedConcurrency !== null) continue;
      const pf = { ...found, paths: found.paths.filter((p) => !shardPaced(found.fn, p, index)) };
      if (pf.paths.length === 0) continue;
      const held = throttledAtOnce(pf, index);
      if (held?.every((h) => h.atOnce < ACCOUNT_POOL)) continue;
      results.push({
        message: `Function ${nameOf(pf.fn)} is public (${exposureText(pf)}) and has no reserved concurrency: ${floodText(pf, index)} scales it to the account's whole concurrency pool, throttling every other function and billing every call.${looseThrottleText(held)} ${reservedConcurrencyFix(pf.fn, model)}${queueCapText(pf, index)}${unscopedPermissionText(pf, model)}`,
        location: pf.fn.loc,
        related: exposureSteps(pf),
        subject: subjectOf(pf.fn),
        key: [pf.fn.logicalId],
      });
    }
    return results;
  },
};

/** Stream triggers whose poller runs one batch per shard at a time, unless a parallelization factor says more. */
const SHARD_PACED: ReadonlySet<TriggerKind> = new Set<TriggerKind>(['dynamodb-stream', 'kinesis-stream']);

/**
 * A way in that ends in a DynamoDB or Kinesis stream (a route or function anyone reaches writes to
 * the table or stream) without a `ParallelizationFactor` above 1: Lambda runs one batch per shard
 * at once, so a flood of writes lengthens the stream's backlog rather than the function's
 * concurrency.
 */
function shardPaced(fn: LambdaFunction, p: EntryPath, index: ModelIndex): boolean {
  const last = p.via.split('->').pop();
  const t = index.triggersOf(fn).find((x) => x.id === last);
  if (!t || !SHARD_PACED.has(t.kind)) return false;
  const factor = t.details['ParallelizationFactor'];
  return factor === undefined || asNumber(factor) === 1;
}

/** The regional concurrency pool of an account, unless AWS raised it. */
const ACCOUNT_POOL = 1000;

/** Lambda's timeout when the template sets none. */
const DEFAULT_TIMEOUT_SECONDS = 3;

/** A throttled way in: how many runs of the function its limit lets start before the first ends. */
interface HeldWayIn {
  limit: RouteThrottle;
  timeout: number;
  /** rate × timeout + burst */
  atOnce: number;
}

/**
 * Each public way in when every one is a REST route that API Gateway throttles (undefined when one
 * is not, or the timeout is unknown): at most `rate` requests start each second and each ends by
 * the timeout, so no more than rate × timeout + burst run at once.
 */
function throttledAtOnce(pf: PublicFunction, index: ModelIndex): HeldWayIn[] | undefined {
  const timeout = pf.fn.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : asNumber(pf.fn.timeout);
  if (timeout === undefined) return undefined;
  const triggers = new Map(index.triggersOf(pf.fn).map((t) => [t.id, t]));
  const held: HeldWayIn[] = [];
  for (const p of pf.paths) {
    const route = index.route(triggers.get(p.via)?.routeId);
    const api = index.api(route?.apiId);
    const limit = route && api ? routeThrottle(route, api) : undefined;
    if (limit === undefined) return undefined;
    held.push({ limit, timeout, atOnce: limit.rate * timeout + limit.burst });
  }
  return held;
}

/**
 * Where every way in is throttled, why that is not enough: the loosest limit, and how many runs it
 * lets start at once (a reviewer reading the stage's limits would otherwise take them for a cap).
 */
function looseThrottleText(held: readonly HeldWayIn[] | undefined): string {
  if (held === undefined || held.length === 0) return '';
  const { limit, timeout, atOnce } = held.reduce((a, b) => (b.atOnce > a.atOnce ? b : a));
  return ` Its API's throttling (${countText(limit.rate)} requests a second, burst ${countText(limit.burst)}) does not hold it below the pool of ${countText(ACCOUNT_POOL)}: with its ${countText(timeout)}-second timeout, up to ${countText(atOnce)} runs can be under way at once.`;
}

/**
 * What a stranger floods it with: requests, unless every public way in is an event source (a bucket
 * anyone writes to, the mail anyone sends), whose events are what a flood is made of.
 */
function floodText(pf: PublicFunction, index: ModelIndex): string {
  const triggers = new Map(index.triggersOf(pf.fn).map((t) => [t.id, t]));
  const events = pf.paths.every((p) => {
    const t = triggers.get(p.via);
    return t !== undefined && !isRequestTrigger(t.kind);
  });
  return events ? 'a flood of events' : 'a request flood';
}

/**
 * Where every public way in ends in an SQS queue that triggers the function (written by anyone,
 * or by a route or function anyone reaches), the mapping itself can cap the function: at its
 * maximum concurrency the poller stops taking messages, which wait in the queue, where throttling
 * by reserved concurrency hands them back to be received again and, after the queue's
 * `maxReceiveCount`, moved to its dead-letter queue.
 */
function queueCapText(pf: PublicFunction, index: ModelIndex): string {
  const triggers = new Map(index.triggersOf(pf.fn).map((t) => [t.id, t]));
  const throughQueues = pf.paths.every((p) => triggers.get(p.via.split('->').pop() ?? '')?.kind === 'sqs');
  if (!throughQueues) return '';
  return ` Or cap its SQS event source mapping instead (${queueCapSetting(pf.fn, index.model)}): at that concurrency the messages wait in the queue rather than being returned, received again and moved to a dead-letter queue.`;
}

/** The maximum concurrency of an SQS event source mapping, as the function's source spells it. */
function queueCapSetting(fn: LambdaFunction, model: AppModel): string {
  if (sourceWords(fn.loc.file).terraform) return 'scaling_config { maximum_concurrency }';
  if (fn.constructPath) return 'maxConcurrency of its SqsEventSource';
  if (inServerlessService(model, fn)) return 'maximumConcurrency on its sqs event';
  return 'ScalingConfig: { MaximumConcurrency }';
}

/** The setting as the function's source spells it. */
function reservedConcurrencyFix(fn: LambdaFunction, model: AppModel): string {
  if (sourceWords(fn.loc.file).terraform) return 'Set reserved_concurrent_executions.';
  if (fn.constructPath) return 'Set reservedConcurrentExecutions on the function.';
  if (inServerlessService(model, fn)) return 'Set reservedConcurrency on the function.';
  return 'Set ReservedConcurrentExecutions.';
}
