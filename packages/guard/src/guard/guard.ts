import type { HttpResponse } from '../errors/http-response.js';
import type { FailureAnswer } from './service-answer.js';
import type { SourceName } from '../sources/source-name.js';
import { isOrderedBatch, type BatchResponse } from './batch-response.js';
import type { LambdaContextLike } from './correlation-id.js';
import { processingFailed, readRecordResult, type FirehoseResponse } from './firehose-response.js';
import { describeError, handlerFailure } from './handler-failure.js';
import type { GuardOptions, GuardRequest, GuardRequestFor } from './options.js';
import {
  asRejection,
  checkEvent,
  logEvent,
  refuse,
  resolveConfig,
  startInvocation,
  type GuardConfig,
  type Invocation,
  type RecordOutcome,
} from './pipeline.js';

/** A handler as the guard calls it: with the checked, typed request. */
export type GuardedHandler<Req, R, C> = (request: Req, context: C) => Promise<R> | R;

/** The Lambda handler the guard returns. */
export type LambdaHandler<R, C> = (
  event: unknown,
  context: C,
) => Promise<R | HttpResponse | BatchResponse | FirehoseResponse | FailureAnswer>;

/**
 * Wraps a handler with every check configured in `options`.
 *
 * The handler runs only for events that pass: from an allowed source,
 * authenticated and within the rate limit (HTTP), valid against the schema.
 * For SQS, Kinesis and DynamoDB Streams it runs once per valid record, and the
 * guard answers with `batchItemFailures` for the records that were invalid or
 * whose handler threw. For a Firehose transformation it runs once per valid
 * record and returns that record's `{ result, data }`; the guard answers with
 * every record's result, `ProcessingFailed` for the invalid ones and those
 * whose handler threw. Any error inside the guard refuses the event.
 */
export function guard<
  const A extends SourceName,
  const O extends GuardOptions<A>,
  R,
  C extends LambdaContextLike = LambdaContextLike,
>(
  handler: GuardedHandler<GuardRequestFor<A, O>, R, C>,
  options: O & { readonly allow: readonly A[] },
): LambdaHandler<R, C> {
  const config = resolveConfig(options as GuardOptions);
  const run = handler as GuardedHandler<GuardRequest, R, C>;
  return async (event, context) => {
    const inv = startInvocation(event, context);
    let checked;
    try {
      const pending = checkEvent(config, inv);
      checked = pending instanceof Promise ? await pending : pending;
    } catch (error) {
      return refuse(config, inv, asRejection(error));
    }
    if (checked.kind === 'batch') return runBatch(config, inv, checked.records, run, context);
    if (checked.kind === 'firehose') return runFirehose(config, inv, checked.records, run, context);
    try {
      return await run(checked.request, context);
    } catch (error) {
      return handlerFailure(config, inv, error);
    }
  };
}

async function runBatch<R, C>(
  config: GuardConfig,
  inv: Invocation,
  records: readonly RecordOutcome[],
  run: GuardedHandler<GuardRequest, R, C>,
  context: C,
): Promise<BatchResponse> {
  const ordered = isOrderedBatch(inv.source, inv.event);
  const failures: Array<{ itemIdentifier: string }> = [];
  for (const outcome of records) {
    if (ordered && failures.length > 0) {
      failures.push({ itemIdentifier: outcome.itemId });
      continue;
    }
    if (!outcome.ok) {
      logEvent(config, inv, outcome.rejection.type, { itemId: outcome.itemId, ...outcome.rejection.details });
      failures.push({ itemIdentifier: outcome.itemId });
      continue;
    }
    try {
      await run(outcome.request, context);
    } catch (error) {
      logEvent(config, inv, 'handler_error', { itemId: outcome.itemId, ...describeError(error) });
      failures.push({ itemIdentifier: outcome.itemId });
    }
  }
  return { batchItemFailures: failures };
}

async function runFirehose<R, C>(
  config: GuardConfig,
  inv: Invocation,
  records: readonly RecordOutcome[],
  run: GuardedHandler<GuardRequest, R, C>,
  context: C,
): Promise<FirehoseResponse> {
  const results = [];
  for (const outcome of records) {
    const original = String((outcome.ok ? outcome.request.record : outcome.record)?.['data'] ?? '');
    if (!outcome.ok) {
      logEvent(config, inv, outcome.rejection.type, { itemId: outcome.itemId, ...outcome.rejection.details });
      results.push(processingFailed(outcome.itemId, original));
      continue;
    }
    try {
      const result = readRecordResult(await run(outcome.request, context), outcome.itemId, original);
      if (!result) throw new TypeError('the handler returned no Firehose record result ({ result, data })');
      results.push(result);
    } catch (error) {
      logEvent(config, inv, 'handler_error', { itemId: outcome.itemId, ...describeError(error) });
      results.push(processingFailed(outcome.itemId, original));
    }
  }
  return { records: results };
}
