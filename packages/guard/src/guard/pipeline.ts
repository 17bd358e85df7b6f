import { createHash } from 'node:crypto';
import { authenticate, type Authenticator, type Principal } from '../auth/principal.js';
import { GuardRejection, type SecurityEventType } from '../errors/guard-rejection.js';
import { errorResponse, GuardError, type HttpResponse } from '../errors/http-response.js';
import { createSecurityLogger, type SecurityLogger } from '../logging/security-logger.js';
import { MemoryRateLimitStore } from '../rate-limit/memory-store.js';
import { assertValidRule, type RateLimitStore } from '../rate-limit/rate-limit-store.js';
import { isCognitoTriggerSource } from '../sources/cognito-trigger.js';
import { detectShape, detectSource } from '../sources/detect-source.js';
import { parseSqsBody, sqsRecordSource } from '../sources/sqs-record.js';
import { readHttpRequest, type HttpRequestView } from '../sources/http-request.js';
import { isHttpSource, isPartialBatchSource, isTransformSource, type HttpSourceName, type RecordSourceName, type SourceName } from '../sources/source-name.js';
import { batchRecords, unwrapEvent, unwrapRecord, type BatchRecord, type EnvelopeMode } from '../validation/envelopes.js';
import { checkParsedPayload, type PayloadLimits } from '../validation/payload-limits.js';
import { isStandardSchema, type StandardSchemaV1 } from '../validation/standard-schema.js';
import { validateWith } from '../validation/validate.js';
import { assertHttpEnvelope } from '../validation/http-envelope.js';
import { assertParseMode, TextPayload, validateText, type ParseMode } from '../validation/text-payload.js';
import { correlationIdOf, type LambdaContextLike } from './correlation-id.js';
import { describeError } from './handler-failure.js';
import { serviceAnswer, type Failure, type FailureAnswer } from './service-answer.js';
import type { BeforeAuthRateLimit, GuardOptions, GuardRequest, RateLimitOptions, SchemaSpec } from './options.js';

/** What a source's payload is checked against, and how its text is read. */
interface Validation {
  readonly schema?: StandardSchemaV1;
  readonly envelope: EnvelopeMode;
  readonly parse: ParseMode;
}

/** Options resolved once, when the handler is wrapped, not on every invocation. */
export interface GuardConfig {
  readonly allow: ReadonlySet<SourceName>;
  readonly validations: ReadonlyMap<SourceName, Validation>;
  readonly limits: PayloadLimits;
  readonly authenticators: readonly Authenticator[];
  readonly rateLimit: (RateLimitOptions & { store: RateLimitStore }) | undefined;
  /** The limit taken before authentication; only when both `auth` and `rateLimit` are set. */
  readonly beforeAuthLimit: BeforeAuthLimit | undefined;
  readonly log: SecurityLogger;
  readonly exposeIssues: boolean;
  /** The Cognito trigger sources accepted; undefined: all. */
  readonly cognitoTriggers: ReadonlySet<string> | undefined;
  readonly customResourceResponseHosts: readonly string[];
}

export function resolveConfig(options: GuardOptions): GuardConfig {
  const allow: readonly SourceName[] = options.allow;
  if (!allow || allow.length === 0) throw new TypeError('guard: `allow` must list at least one source');
  if (options.rateLimit) assertValidRule(options.rateLimit);
  assertParseMode(options.parse);
  const validations = new Map<SourceName, Validation>();
  for (const source of allow) {
    const spec = options.schemas?.[source] ?? options.schema;
    validations.set(source, normaliseSpec(spec, options.parse ?? 'auto'));
  }
  const auth = options.auth;
  const authenticators = auth === undefined ? [] : typeof auth === 'function' ? [auth] : [...auth];
  const rateLimit = options.rateLimit && { ...options.rateLimit, store: options.rateLimit.store ?? new MemoryRateLimitStore() };
  return {
    allow: new Set(allow),
    validations,
    limits: options.limits ?? {},
    authenticators,
    rateLimit,
    beforeAuthLimit: authenticators.length > 0 && rateLimit ? resolveBeforeAuth(rateLimit) : undefined,
    log: typeof options.logger === 'function' ? options.logger : createSecurityLogger(options.logger),
    exposeIssues: options.exposeValidationIssues ?? false,
    cognitoTriggers: resolveCognitoTriggers(options.cognitoTriggers, allow),
    customResourceResponseHosts: options.customResourceResponseHosts ?? [],
  };
}

function resolveCognitoTriggers(triggers: readonly string[] | undefined, allow: readonly SourceName[]): ReadonlySet<string> | undefined {
  if (triggers === undefined) return undefined;
  if (!allow.includes('cognito-user-pool')) throw new TypeError('guard: `cognitoTriggers` needs `cognito-user-pool` in `allow`');
  for (const trigger of triggers) {
    if (!isCognitoTriggerSource(trigger)) throw new TypeError(`guard: unknown Cognito trigger source ${String(trigger)}`);
  }
  return new Set(triggers);
}

/** A rule, its store and its key, resolved from `rateLimit.beforeAuth`. */
interface BeforeAuthLimit {
  readonly rule: { readonly limit: number; readonly intervalMs: number };
  readonly store: RateLimitStore;
  readonly key: BeforeAuthRateLimit['key'];
}

function resolveBeforeAuth(options: RateLimitOptions & { store: RateLimitStore }): BeforeAuthLimit | undefined {
  if (options.beforeAuth === false) return undefined;
  const custom = options.beforeAuth ?? {};
  const rule = { limit: custom.limit ?? options.limit, intervalMs: custom.intervalMs ?? options.intervalMs };
  assertValidRule(rule);
  return { rule, store: options.store, key: custom.key };
}

function normaliseSpec(spec: SchemaSpec | undefined, parse: ParseMode): Validation {
  if (spec === undefined) return { envelope: 'payload', parse };
  if (isStandardSchema(spec)) return { schema: spec, envelope: 'payload', parse };
  // A schema the guard cannot run must stop the deployment, not let every event through.
  if (!isStandardSchema(spec.schema)) throw new TypeError('guard: schema is not a Standard Schema (v1) validator');
  if (spec.envelope !== undefined && spec.envelope !== 'payload' && spec.envelope !== 'raw') {
    throw new TypeError(`guard: unknown envelope ${String(spec.envelope)}`);
  }
  assertParseMode(spec.parse);
  return { schema: spec.schema, envelope: spec.envelope ?? 'payload', parse: spec.parse ?? parse };
}

/** The state of one invocation as it moves through the checks. */
export interface Invocation {
  readonly event: unknown;
  readonly correlationId: string;
  source: SourceName | 'unknown';
  principal?: Principal;
}

/** One record of a partial batch: validated, or refused with the reason. */
export type RecordOutcome =
  | { readonly ok: true; readonly itemId: string; readonly request: GuardRequest }
  | { readonly ok: false; readonly itemId: string; readonly rejection: GuardRejection; readonly record: Record<string, unknown> };

/** A checked event: one request, or the outcomes of every record of a batch (partial batch, or Firehose). */
export type Checked =
  | { readonly kind: 'single'; readonly request: GuardRequest }
  | { readonly kind: 'batch'; readonly records: readonly RecordOutcome[] }
  | { readonly kind: 'firehose'; readonly records: readonly RecordOutcome[] };

export function startInvocation(event: unknown, context: LambdaContextLike | undefined): Invocation {
  return { event, correlationId: correlationIdOf(context), source: 'unknown' };
}

/**
 * Runs every check in order: source, authentication, rate limit, payload.
 * Throws a GuardRejection on refusal. The result is a promise only when a
 * check is asynchronous (authentication, a rate-limit store, an async schema):
 * detection and synchronous validation cost no promise ticks.
 */
export function checkEvent(config: GuardConfig, inv: Invocation): Checked | Promise<Checked> {
  const source = detectShape(inv.event);
  inv.source = source;
  if (!acceptsShape(config.allow, source)) {
    // Refused whole: name it as detectSource does (an SQS batch of S3 notifications is s3-sqs).
    inv.source = detectSource(inv.event);
    throw new GuardRejection('unexpected_source', 403, 'Forbidden', { allowed: [...config.allow] });
  }
  if (source === 'cognito-user-pool' && config.cognitoTriggers) assertCognitoTrigger(config.cognitoTriggers, inv.event);
  if (isHttpSource(source)) {
    assertHttpEnvelope(inv.event, source);
    if (config.authenticators.length > 0 || config.rateLimit) {
      return admitRequest(config, inv, source).then(() => checkPayload(config, inv, source));
    }
  }
  return checkPayload(config, inv, source);
}

function checkPayload(config: GuardConfig, inv: Invocation, source: SourceName): Checked | Promise<Checked> {
  if (isPartialBatchSource(source) || isTransformSource(source)) {
    const kind = isTransformSource(source) ? 'firehose' : 'batch';
    const outcomes = checkRecords(config, inv, source, batchRecords(inv.event, source), 0, []);
    return outcomes instanceof Promise ? outcomes.then((records) => ({ kind, records })) : { kind, records: outcomes };
  }
  const validation = config.validations.get(source)!;
  const payload = unwrapEvent(inv.event, source, validation.envelope, config.limits, validation.parse);
  const data = validatePayload(validation, payload, config.limits);
  if (data instanceof Promise) return data.then((value) => ({ kind: 'single', request: makeRequest(inv, value) }));
  return { kind: 'single', request: makeRequest(inv, data) };
}

/**
 * Checks the records from `from` on, in order: order matters to FIFO queues
 * and streams, and an asynchronous schema is awaited record by record, never
 * run for the whole batch at once.
 */
function checkRecords(
  config: GuardConfig,
  inv: Invocation,
  source: RecordSourceName,
  records: readonly BatchRecord[],
  from: number,
  outcomes: RecordOutcome[],
): RecordOutcome[] | Promise<RecordOutcome[]> {
  for (let i = from; i < records.length; i++) {
    const { itemId, record } = records[i]!;
    const outcome = checkRecord(config, inv, source, itemId, record);
    if (outcome instanceof Promise) {
      return outcome.then((done) => {
        outcomes.push(done);
        return checkRecords(config, inv, source, records, i + 1, outcomes);
      });
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

function assertCognitoTrigger(allowed: ReadonlySet<string>, event: unknown): void {
  const triggerSource = (event as { triggerSource: string }).triggerSource;
  if (allowed.has(triggerSource)) return;
  throw new GuardRejection('unexpected_source', 403, 'Forbidden', { triggerSource, allowedTriggers: [...allowed] });
}

/** Authentication and rate limits; the headers are read and normalised only when one of them is configured. */
async function admitRequest(config: GuardConfig, inv: Invocation, source: HttpSourceName): Promise<void> {
  const request = readHttpRequest(inv.event, source);
  if (config.authenticators.length > 0) {
    // Before verifying anything: guessing keys and flooding signature checks must cost the caller too.
    if (config.beforeAuthLimit) await enforceBeforeAuth(config.beforeAuthLimit, request);
    inv.principal = await authenticate(config.authenticators, { source, request, event: inv.event });
  }
  if (config.rateLimit) await enforceRateLimit(config.rateLimit, inv.principal, request);
}

// An SQS batch may mix plain messages and notifications: its shape is accepted when any of its record sources is.
function acceptsShape(allow: ReadonlySet<SourceName>, shape: SourceName): boolean {
  if (shape === 'sqs') return allow.has('sqs') || allow.has('s3-sqs') || allow.has('sns-sqs');
  return allow.has(shape);
}

function checkRecord(
  config: GuardConfig,
  inv: Invocation,
  source: RecordSourceName,
  itemId: string,
  record: Record<string, unknown>,
): RecordOutcome | Promise<RecordOutcome> {
  let recordSource: SourceName;
  let data: unknown;
  try {
    const checked = recordPayload(config, source, record);
    recordSource = checked.recordSource;
    data = validatePayload(checked.validation, checked.payload, config.limits);
  } catch (error) {
    return refusedRecord(itemId, record, error);
  }
  if (data instanceof Promise) {
    return data.then(
      (value) => acceptedRecord(inv, itemId, record, recordSource, value),
      (error) => refusedRecord(itemId, record, error),
    );
  }
  return acceptedRecord(inv, itemId, record, recordSource, data);
}

function acceptedRecord(inv: Invocation, itemId: string, record: Record<string, unknown>, source: SourceName, data: unknown): RecordOutcome {
  return { ok: true, itemId, request: makeRequest(inv, data, record, source) };
}

function refusedRecord(itemId: string, record: Record<string, unknown>, error: unknown): RecordOutcome {
  return { ok: false, itemId, rejection: asRejection(error), record };
}

/** The record's own source (SQS records are classified one by one), how it is validated, and its payload. */
function recordPayload(
  config: GuardConfig,
  source: RecordSourceName,
  record: Record<string, unknown>,
): { recordSource: SourceName; validation: Validation; payload: unknown } {
  if (source !== 'sqs') {
    const validation = config.validations.get(source)!;
    return { recordSource: source, validation, payload: unwrapRecord(record, source, validation.envelope, config.limits) };
  }
  const body = parseSqsBody(record['body'], config.limits);
  const recordSource = sqsRecordSource(body);
  const validation = config.validations.get(recordSource);
  if (!validation) {
    throw new GuardRejection('unexpected_source', 403, 'Forbidden', { recordSource, allowed: [...config.allow] });
  }
  if (validation.envelope === 'raw') return { recordSource, validation, payload: checkParsedPayload(record, config.limits) };
  // SNS through SQS: what the publisher sent is the notification's Message, as text.
  if (body.kind === 'json' && recordSource === 'sns-sqs') {
    return { recordSource, validation, payload: new TextPayload((body.value as { Message: string }).Message) };
  }
  // The body was parsed once, to classify it: JSON-shaped text in `auto` mode is that parse's result.
  if (body.kind === 'text' || validation.parse !== 'auto') return { recordSource, validation, payload: new TextPayload(body.text) };
  if (body.kind === 'invalid') throw body.error;
  return { recordSource, validation, payload: body.value };
}

/** Runs the schema, reading a text payload as the parse mode and the schema ask. */
function validatePayload(validation: Validation, payload: unknown, limits: PayloadLimits): unknown {
  if (payload instanceof TextPayload) return validateText(payload.text, validation.parse, validation.schema, limits);
  return validation.schema ? validateWith(validation.schema, payload) : payload;
}

function makeRequest(inv: Invocation, data: unknown, record?: Record<string, unknown>, source?: SourceName): GuardRequest {
  const request: { -readonly [K in keyof GuardRequest]: GuardRequest[K] } = {
    source: source ?? (inv.source as SourceName),
    data,
    event: inv.event,
    correlationId: inv.correlationId,
  };
  if (record) request.record = record;
  if (inv.principal) request.principal = inv.principal;
  return request;
}

async function enforceRateLimit(
  options: RateLimitOptions & { store: RateLimitStore },
  principal: Principal | undefined,
  request: HttpRequestView,
): Promise<void> {
  const key = options.key?.(principal, request) ?? defaultRateLimitKey(principal, request);
  await consumeOrRefuse(options.store, key, options);
}

async function enforceBeforeAuth(limit: BeforeAuthLimit, request: HttpRequestView): Promise<void> {
  const key = `before-auth:${limit.key?.(request) ?? callerKey(request)}`;
  await consumeOrRefuse(limit.store, key, limit.rule);
}

// Headers that carry credentials; their digest keys the bucket only when the platform gives no address.
const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'stripe-signature', 'x-hub-signature-256'];

/** Who is calling, before anyone is authenticated: the address, else a digest of the presented credential. */
export function callerKey(request: HttpRequestView): string {
  if (request.sourceIp) return `ip:${request.sourceIp}`;
  const hash = createHash('sha256');
  let presented = false;
  for (const name of CREDENTIAL_HEADERS) {
    const value = request.headers[name];
    if (value === undefined) continue;
    hash.update(`${name}:${value}\n`);
    presented = true;
  }
  return presented ? `credential:${hash.digest('base64url')}` : 'anonymous';
}

async function consumeOrRefuse(store: RateLimitStore, key: string, rule: { limit: number; intervalMs: number }): Promise<void> {
  const decision = await store.consume(key, rule);
  if (decision.allowed) return;
  const retryAfter = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  throw new GuardRejection('rate_limited', 429, 'Too Many Requests', { key, retryAfterSeconds: retryAfter }, {
    'retry-after': String(retryAfter),
  });
}

/** Principal first; the source IP when unauthenticated; one shared bucket when neither is known. */
export function defaultRateLimitKey(principal: Principal | undefined, request: HttpRequestView): string {
  if (principal) return `${principal.scheme}:${principal.id}`;
  if (request.sourceIp) return `ip:${request.sourceIp}`;
  return 'anonymous';
}

/** Any error from inside the guard: a refusal as it is, anything else as a guard failure (fail closed). */
export function asRejection(error: unknown): GuardRejection {
  if (error instanceof GuardRejection) return error;
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : '';
  return new GuardRejection('guard_error', 500, 'Internal Server Error', { error: name, message });
}

/**
 * Logs a refusal and turns it into what the source expects: an HTTP error
 * response, `Unauthorized` for API Gateway authorizers (which API Gateway maps
 * to 401), a source's own failure answer (Lex, Bedrock agents, CloudFormation
 * custom resources), or a thrown error so that retries and dead-letter queues apply.
 */
export async function refuse(config: GuardConfig, inv: Invocation, rejection: GuardRejection): Promise<HttpResponse | FailureAnswer> {
  logEvent(config, inv, rejection.type, rejection.details);
  const source = inv.source;
  if (source !== 'unknown' && isHttpSource(source)) {
    const issues = config.exposeIssues && rejection.details['issues'] ? { issues: rejection.details['issues'] } : {};
    return errorResponse(source, rejection.status, rejection.publicMessage, inv.correlationId, rejection.headers, issues);
  }
  if (source === 'apigw-authorizer-token' || source === 'apigw-authorizer-request') {
    if (rejection.type !== 'guard_error') throw new Error('Unauthorized');
  }
  return failSource(config, inv, { event: rejection.type, status: rejection.status, publicMessage: rejection.publicMessage, correlationId: inv.correlationId });
}

/** A non-HTTP source's answer to a failure: its own answer when it has one, else the thrown `GuardError`. */
export async function failSource(config: GuardConfig, inv: Invocation, failure: Failure): Promise<FailureAnswer> {
  if (inv.source !== 'unknown') {
    try {
      const answered = await serviceAnswer(inv.source, inv.event, failure, config.customResourceResponseHosts);
      if (answered) return answered.answer;
    } catch (error) {
      logEvent(config, inv, 'guard_error', { reason: 'failure answer not sent', ...describeError(error) });
    }
  }
  throw new GuardError(failure.event, inv.correlationId);
}

export function logEvent(config: GuardConfig, inv: Invocation, type: SecurityEventType, details: unknown): void {
  config.log(type, {
    correlationId: inv.correlationId,
    source: inv.source,
    principal: inv.principal ? `${inv.principal.scheme}:${inv.principal.id}` : undefined,
    details,
  });
}
