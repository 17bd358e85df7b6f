import { authenticate, type Authenticator, type Principal } from '../auth/principal.js';
import { GuardRejection, type SecurityEventType } from '../errors/guard-rejection.js';
import { errorResponse, GuardError, type HttpResponse } from '../errors/http-response.js';
import { createSecurityLogger, type SecurityLogger } from '../logging/security-logger.js';
import { MemoryRateLimitStore } from '../rate-limit/memory-store.js';
import { assertValidRule, type RateLimitStore } from '../rate-limit/rate-limit-store.js';
import { detectSource } from '../sources/detect-source.js';
import { readHttpRequest, type HttpRequestView } from '../sources/http-request.js';
import { isHttpSource, isPartialBatchSource, type PartialBatchSourceName, type SourceName } from '../sources/source-name.js';
import { batchRecords, unwrapEvent, unwrapRecord, type EnvelopeMode } from '../validation/envelopes.js';
import type { PayloadLimits } from '../validation/payload-limits.js';
import { isStandardSchema, type StandardSchemaV1 } from '../validation/standard-schema.js';
import { validateWith } from '../validation/validate.js';
import { correlationIdOf, type LambdaContextLike } from './correlation-id.js';
import type { GuardOptions, GuardRequest, RateLimitOptions, SchemaSpec } from './options.js';

/** Options resolved once, when the handler is wrapped, not on every invocation. */
export interface GuardConfig {
  readonly allow: ReadonlySet<SourceName>;
  readonly validations: ReadonlyMap<SourceName, { schema?: StandardSchemaV1; envelope: EnvelopeMode }>;
  readonly limits: PayloadLimits;
  readonly authenticators: readonly Authenticator[];
  readonly rateLimit: (RateLimitOptions & { store: RateLimitStore }) | undefined;
  readonly log: SecurityLogger;
  readonly exposeIssues: boolean;
}

export function resolveConfig(options: GuardOptions): GuardConfig {
  const allow: readonly SourceName[] = options.allow;
  if (!allow || allow.length === 0) throw new TypeError('guard: `allow` must list at least one source');
  if (options.rateLimit) assertValidRule(options.rateLimit);
  const validations = new Map<SourceName, { schema?: StandardSchemaV1; envelope: EnvelopeMode }>();
  for (const source of allow) {
    const spec = options.schemas?.[source] ?? options.schema;
    validations.set(source, normaliseSpec(spec));
  }
  const auth = options.auth;
  return {
    allow: new Set(allow),
    validations,
    limits: options.limits ?? {},
    authenticators: auth === undefined ? [] : typeof auth === 'function' ? [auth] : [...auth],
    rateLimit: options.rateLimit && { ...options.rateLimit, store: options.rateLimit.store ?? new MemoryRateLimitStore() },
    log: typeof options.logger === 'function' ? options.logger : createSecurityLogger(options.logger),
    exposeIssues: options.exposeValidationIssues ?? false,
  };
}

function normaliseSpec(spec: SchemaSpec | undefined): { schema?: StandardSchemaV1; envelope: EnvelopeMode } {
  if (spec === undefined) return { envelope: 'payload' };
  if (isStandardSchema(spec)) return { schema: spec, envelope: 'payload' };
  // A schema the guard cannot run must stop the deployment, not let every event through.
  if (!isStandardSchema(spec.schema)) throw new TypeError('guard: schema is not a Standard Schema (v1) validator');
  if (spec.envelope !== undefined && spec.envelope !== 'payload' && spec.envelope !== 'raw') {
    throw new TypeError(`guard: unknown envelope ${String(spec.envelope)}`);
  }
  return { schema: spec.schema, envelope: spec.envelope ?? 'payload' };
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
  | { readonly ok: false; readonly itemId: string; readonly rejection: GuardRejection };

/** A checked event: one request, or the outcomes of every record of a batch. */
export type Checked =
  | { readonly kind: 'single'; readonly request: GuardRequest }
  | { readonly kind: 'batch'; readonly records: readonly RecordOutcome[] };

export function startInvocation(event: unknown, context: LambdaContextLike | undefined): Invocation {
  return { event, correlationId: correlationIdOf(context), source: 'unknown' };
}

/** Runs every check in order: source, authentication, rate limit, payload. Throws a GuardRejection on refusal. */
export async function checkEvent(config: GuardConfig, inv: Invocation): Promise<Checked> {
  const source = detectSource(inv.event);
  inv.source = source;
  if (!config.allow.has(source)) {
    throw new GuardRejection('unexpected_source', 403, 'Forbidden', { allowed: [...config.allow] });
  }
  if (isHttpSource(source)) {
    const request = readHttpRequest(inv.event, source);
    if (config.authenticators.length > 0) {
      inv.principal = await authenticate(config.authenticators, { source, request, event: inv.event });
    }
    if (config.rateLimit) await enforceRateLimit(config.rateLimit, inv.principal, request);
  }
  const validation = config.validations.get(source)!;
  if (isPartialBatchSource(source)) {
    const outcomes: RecordOutcome[] = [];
    // Sequential on purpose: validation is CPU-bound, and order matters to FIFO queues and streams.
    for (const { itemId, record } of batchRecords(inv.event, source)) {
      outcomes.push(await checkRecord(config, inv, source, validation, itemId, record));
    }
    return { kind: 'batch', records: outcomes };
  }
  const payload = unwrapEvent(inv.event, source, validation.envelope, config.limits);
  const data = validation.schema ? await validateWith(validation.schema, payload) : payload;
  return { kind: 'single', request: makeRequest(inv, data) };
}

async function checkRecord(
  config: GuardConfig,
  inv: Invocation,
  source: PartialBatchSourceName,
  validation: { schema?: StandardSchemaV1; envelope: EnvelopeMode },
  itemId: string,
  record: Record<string, unknown>,
): Promise<RecordOutcome> {
  try {
    const payload = unwrapRecord(record, source, validation.envelope, config.limits);
    const data = validation.schema ? await validateWith(validation.schema, payload) : payload;
    return { ok: true, itemId, request: makeRequest(inv, data, record) };
  } catch (error) {
    return { ok: false, itemId, rejection: asRejection(error) };
  }
}

function makeRequest(inv: Invocation, data: unknown, record?: Record<string, unknown>): GuardRequest {
  return {
    source: inv.source as SourceName,
    data,
    event: inv.event,
    correlationId: inv.correlationId,
    ...(record ? { record } : {}),
    ...(inv.principal ? { principal: inv.principal } : {}),
  };
}

async function enforceRateLimit(
  options: RateLimitOptions & { store: RateLimitStore },
  principal: Principal | undefined,
  request: HttpRequestView,
): Promise<void> {
  const key = options.key?.(principal, request) ?? defaultRateLimitKey(principal, request);
  const decision = await options.store.consume(key, options);
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
 * to 401), or a thrown error so that retries and dead-letter queues apply.
 */
export function refuse(config: GuardConfig, inv: Invocation, rejection: GuardRejection): HttpResponse {
  logEvent(config, inv, rejection.type, rejection.details);
  const source = inv.source;
  if (source !== 'unknown' && isHttpSource(source)) {
    const issues = config.exposeIssues && rejection.details['issues'] ? { issues: rejection.details['issues'] } : {};
    return errorResponse(source, rejection.status, rejection.publicMessage, inv.correlationId, rejection.headers, issues);
  }
  if (source === 'apigw-authorizer-token' || source === 'apigw-authorizer-request') {
    if (rejection.type !== 'guard_error') throw new Error('Unauthorized');
  }
  throw new GuardError(rejection.type, inv.correlationId);
}

export function logEvent(config: GuardConfig, inv: Invocation, type: SecurityEventType, details: unknown): void {
  config.log(type, {
    correlationId: inv.correlationId,
    source: inv.source,
    principal: inv.principal ? `${inv.principal.scheme}:${inv.principal.id}` : undefined,
    details,
  });
}
