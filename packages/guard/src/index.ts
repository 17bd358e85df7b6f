export {
  SOURCE_NAMES,
  HTTP_SOURCES,
  PARTIAL_BATCH_SOURCES,
  isHttpSource,
  isPartialBatchSource,
  isSourceName,
} from './sources/source-name.js';
export type { SourceName, HttpSourceName, PartialBatchSourceName } from './sources/source-name.js';
export { detectSource } from './sources/detect-source.js';
export { readHttpRequest } from './sources/http-request.js';
export type { HttpRequestView } from './sources/http-request.js';

export type { StandardSchemaV1, StandardResult, StandardIssue, InferOutput } from './validation/standard-schema.js';
export { parseJsonSafely, jsonTextDepth, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from './validation/payload-limits.js';
export type { PayloadLimits } from './validation/payload-limits.js';
export type { EnvelopeMode } from './validation/envelopes.js';
export type { PublicIssue } from './validation/validate.js';

export { AuthError, authenticate } from './auth/principal.js';
export type { Principal, AuthScheme, AuthInput, Authenticator } from './auth/principal.js';
export { apiKeyAuth, hashApiKey } from './auth/api-key.js';
export type { ApiKeyOptions, StoredApiKey } from './auth/api-key.js';
export { hmacAuth, githubScheme, stripeScheme, signHmacSha256 } from './auth/hmac-signature.js';
export type { HmacOptions, WebhookScheme, SignedRequest } from './auth/hmac-signature.js';
export { MemoryReplayCache } from './auth/replay-cache.js';
export type { ReplayCache } from './auth/replay-cache.js';
export { authorizerContext } from './auth/authorizer-context.js';

export { MemoryRateLimitStore } from './rate-limit/memory-store.js';
export type { RateLimitStore, RateLimitRule, RateLimitDecision } from './rate-limit/rate-limit-store.js';

export { createSecurityLogger } from './logging/security-logger.js';
export type {
  SecurityLogger,
  SecurityLoggerOptions,
  SecurityLogRecord,
  SecurityEventInput,
} from './logging/security-logger.js';
export { redact, redactText, REDACTED } from './logging/redact.js';

export { ClientError } from './errors/client-error.js';
export { GuardRejection } from './errors/guard-rejection.js';
export type { SecurityEventType } from './errors/guard-rejection.js';
export { GuardError } from './errors/http-response.js';
export type { HttpResponse } from './errors/http-response.js';

export { guard } from './guard/guard.js';
export type { GuardedHandler, LambdaHandler } from './guard/guard.js';
export { guardMiddleware } from './guard/middleware.js';
export type { GuardMiddleware, GuardBatchItem, MiddyRequestLike } from './guard/middleware.js';
export type {
  GuardOptions,
  GuardRequest,
  GuardRequestFor,
  RateLimitOptions,
  SchemaSpec,
  SourceValidation,
} from './guard/options.js';
export { COGNITO_TRIGGER_FAMILIES } from './sources/cognito-trigger.js';
export type { CognitoTriggerFamily, CognitoTriggerSource } from './sources/cognito-trigger.js';
export type { FailureAnswer } from './guard/service-answer.js';
export type { BatchResponse } from './guard/batch-response.js';
export type { FirehoseRecordResult, FirehoseResponse } from './guard/firehose-response.js';
export type { LambdaContextLike } from './guard/correlation-id.js';
