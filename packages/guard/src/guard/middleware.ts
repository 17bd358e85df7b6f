import { GuardError, type HttpResponse } from '../errors/http-response.js';
import type { SourceName } from '../sources/source-name.js';
import { processingFailed, type FirehoseRecordResult, type FirehoseResponse } from './firehose-response.js';
import { isOrderedBatch, type BatchResponse } from './batch-response.js';
import type { LambdaContextLike } from './correlation-id.js';
import { handlerFailure } from './handler-failure.js';
import type { FailureAnswer } from './service-answer.js';
import type { GuardOptions, GuardRequest } from './options.js';
import {
  asRejection,
  checkEvent,
  logEvent,
  refuse,
  resolveConfig,
  startInvocation,
  type Checked,
  type Invocation,
  type RecordOutcome,
} from './pipeline.js';

/** The parts of a middy request the middleware touches (middy itself is not a dependency). */
export interface MiddyRequestLike<C = LambdaContextLike> {
  event: unknown;
  context: C;
  response: unknown;
  error: unknown;
}

/** The middleware object middy's `.use()` takes. */
export interface GuardMiddleware<C = LambdaContextLike> {
  /** Synchronous when every check is (the common case); a promise when one is not, or on a refusal. */
  before: (request: MiddyRequestLike<C>) => Promise<HttpResponse | FailureAnswer | undefined> | undefined;
  after: (request: MiddyRequestLike<C>) => void;
  onError: (request: MiddyRequestLike<C>) => Promise<void>;
}

/** One valid record of a batch, as the middy handler receives it in `request.event.data`. */
export interface GuardBatchItem {
  readonly itemId: string;
  /** The record's own source: in an SQS batch, `s3-sqs` for an S3 notification among plain messages. */
  readonly source: SourceName;
  readonly data: unknown;
  readonly record?: Readonly<Record<string, unknown>>;
}

interface State {
  readonly inv: Invocation;
  readonly failedIds: string[];
  /** Firehose: the refused records, answered `ProcessingFailed` with their original data. */
  readonly failedRecords: FirehoseRecordResult[];
}

/**
 * The guard as a middy middleware: `middy(handler).use(guardMiddleware({...}))`.
 *
 * On success `request.event` becomes a {@link GuardRequest}. For batch sources
 * its `data` is the list of valid records ({@link GuardBatchItem}); the handler
 * returns `batchItemFailures` for its own failures and the middleware adds the
 * records it refused. Refusals end the chain early (HTTP) or throw.
 */
export function guardMiddleware<const A extends SourceName, C extends LambdaContextLike = LambdaContextLike>(
  options: GuardOptions<A>,
): GuardMiddleware<C> {
  const config = resolveConfig(options as GuardOptions);
  // This middleware's state for one request, kept on the request itself: a WeakMap of
  // short-lived requests costs more in garbage collection than the checks themselves.
  const stateKey = Symbol('guard state');
  const stateOf = (request: MiddyRequestLike<C>): State | undefined => (request as unknown as Record<symbol, State | undefined>)[stateKey];

  const before = (request: MiddyRequestLike<C>): Promise<HttpResponse | FailureAnswer | undefined> | undefined => {
    const inv = startInvocation(request.event, request.context);
    const refused = (error: unknown) => refuse(config, inv, asRejection(error));
    try {
      const checked = checkEvent(config, inv);
      if (checked instanceof Promise) return checked.then((done) => accept(request, inv, done), refused);
      return accept(request, inv, checked);
    } catch (error) {
      return refused(error);
    }
  };

  const accept = (request: MiddyRequestLike<C>, inv: Invocation, checked: Checked): undefined => {
    const failedIds: string[] = [];
    const failedRecords: FirehoseRecordResult[] = [];
    (request as unknown as Record<symbol, State>)[stateKey] = { inv, failedIds, failedRecords };
    if (checked.kind === 'single') {
      request.event = checked.request;
      return undefined;
    }
    const firehose = checked.kind === 'firehose';
    const items = splitBatch(checked.records, !firehose && isOrderedBatch(inv.source, inv.event), failedIds, (outcome) => {
      logEvent(config, inv, outcome.rejection.type, { itemId: outcome.itemId, ...outcome.rejection.details });
      if (firehose) failedRecords.push(processingFailed(outcome.itemId, String(outcome.record['data'] ?? '')));
    });
    const batchRequest: GuardRequest<SourceName, GuardBatchItem[]> = {
      source: inv.source as SourceName,
      data: items,
      event: inv.event,
      correlationId: inv.correlationId,
      ...(inv.principal ? { principal: inv.principal } : {}),
    };
    request.event = batchRequest;
    return undefined;
  };

  const after = (request: MiddyRequestLike<C>): void => {
    const state = stateOf(request);
    if (!state || state.failedIds.length === 0) return;
    if (state.failedRecords.length > 0) {
      const response = (request.response ?? {}) as Partial<FirehoseResponse>;
      const own = Array.isArray(response.records) ? response.records : [];
      request.response = { ...response, records: [...own, ...state.failedRecords] };
      return;
    }
    const response = (request.response ?? {}) as Partial<BatchResponse>;
    const own = Array.isArray(response.batchItemFailures) ? response.batchItemFailures : [];
    const refused = state.failedIds.map((itemIdentifier) => ({ itemIdentifier }));
    request.response = { ...response, batchItemFailures: [...refused, ...own] };
  };

  const onError = async (request: MiddyRequestLike<C>): Promise<void> => {
    // The guard's own refusals are already logged and safe.
    if (request.error instanceof GuardError || request.response !== undefined) return;
    const state = stateOf(request);
    if (!state) return;
    try {
      request.response = await handlerFailure(config, state.inv, request.error);
    } catch (safeError) {
      request.error = safeError;
    }
  };

  return { before, after, onError };
}

function splitBatch(
  records: readonly RecordOutcome[],
  ordered: boolean,
  failedIds: string[],
  onRefused: (outcome: Extract<RecordOutcome, { ok: false }>) => void,
): GuardBatchItem[] {
  const items: GuardBatchItem[] = [];
  for (const outcome of records) {
    if (ordered && failedIds.length > 0) {
      failedIds.push(outcome.itemId);
      continue;
    }
    if (!outcome.ok) {
      onRefused(outcome);
      failedIds.push(outcome.itemId);
      continue;
    }
    const { data, record, source } = outcome.request;
    items.push({ itemId: outcome.itemId, source, data, ...(record ? { record } : {}) });
  }
  return items;
}
