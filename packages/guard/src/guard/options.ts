import type { Authenticator, Principal } from '../auth/principal.js';
import type { SecurityLogger, SecurityLoggerOptions } from '../logging/security-logger.js';
import type { RateLimitRule, RateLimitStore } from '../rate-limit/rate-limit-store.js';
import type { HttpRequestView } from '../sources/http-request.js';
import type { CognitoTriggerSource } from '../sources/cognito-trigger.js';
import type { SourceName } from '../sources/source-name.js';
import type { EnvelopeMode } from '../validation/envelopes.js';
import type { ParseMode } from '../validation/text-payload.js';
import type { PayloadLimits } from '../validation/payload-limits.js';
import type { InferOutput, StandardSchemaV1 } from '../validation/standard-schema.js';

/** A schema for one source, with the envelope it applies to (default `payload`). */
export interface SourceValidation<S extends StandardSchemaV1 = StandardSchemaV1> {
  readonly schema: S;
  readonly envelope?: EnvelopeMode;
  /** How a text payload (HTTP body, SQS body, SNS message, record data) is read. Default `auto`. */
  readonly parse?: ParseMode;
}

/** A schema alone (validating the unwrapped payload) or with its envelope. */
export type SchemaSpec = StandardSchemaV1 | SourceValidation;

/**
 * The limit taken before authentication, so that credential guessing and
 * floods of signature verifications are throttled too. Unset fields take the
 * main rule's values.
 */
export interface BeforeAuthRateLimit extends Partial<RateLimitRule> {
  /** Custom bucket key; return undefined for the default (caller address, else the presented credential's digest). */
  readonly key?: (request: HttpRequestView) => string | undefined;
}

/** Rate limiting of HTTP requests, per principal, or per source IP when there is none. */
export interface RateLimitOptions extends RateLimitRule {
  /** Default: a per-instance {@link MemoryRateLimitStore}. */
  readonly store?: RateLimitStore;
  /** Custom bucket key, e.g. per tenant; return undefined to fall back to the default key. */
  readonly key?: (principal: Principal | undefined, request: HttpRequestView) => string | undefined;
  /**
   * When `auth` is configured, a limit keyed on the caller (not the principal)
   * is taken before authentication. Default: the same rule; `false` turns it off.
   */
  readonly beforeAuth?: BeforeAuthRateLimit | false;
}

/** Everything the guard can enforce. Only `allow` is required: the rest is opt-in, one line each. */
export interface GuardOptions<A extends SourceName = SourceName> {
  /** The sources this function accepts; any other event is refused and logged. */
  readonly allow: readonly A[];
  /** One schema for every allowed source, applied to the unwrapped payload. */
  readonly schema?: SchemaSpec;
  /** A schema per source. A source without one gets the limits and key checks only. */
  readonly schemas?: { readonly [K in A]?: SchemaSpec };
  /** Size and depth limits applied before parsing. */
  readonly limits?: PayloadLimits;
  /**
   * How text payloads are read, for every source (a per-source schema may
   * override it): `auto` (default) parses text that starts with `{` or `[`
   * as JSON and keeps other text as a string; `json` always parses; `text`
   * never does.
   */
  readonly parse?: ParseMode;
  /**
   * Authentication of HTTP sources: the first authenticator that finds its
   * credential decides; a request with none is refused. Other sources are
   * authenticated by IAM (the trigger's permission to invoke) and skip this.
   */
  readonly auth?: Authenticator | readonly Authenticator[];
  readonly rateLimit?: RateLimitOptions;
  /** A logger, or options for the built-in JSON logger. */
  readonly logger?: SecurityLogger | SecurityLoggerOptions;
  /**
   * Cognito user pool triggers this function accepts, by `triggerSource`
   * (`PreSignUp_SignUp`, `PostConfirmation_ConfirmSignUp`...). Any other
   * trigger is refused as `unexpected_source`. Default: every trigger of
   * `cognito-user-pool`, when it is allowed.
   */
  readonly cognitoTriggers?: readonly CognitoTriggerSource[];
  /**
   * Hosts, besides CloudFormation's response buckets (https, `*.amazonaws.com`),
   * to which a refused custom resource's `FAILED` response may be sent, over
   * http or https: a local emulator's host, for instance.
   */
  readonly customResourceResponseHosts?: readonly string[];
  /**
   * Return validation issues (paths and the schema library's messages) in 400
   * responses. Default false: some libraries quote the received value.
   */
  readonly exposeValidationIssues?: boolean;
}

type SpecOutput<X> = X extends SourceValidation<infer S> ? InferOutput<S> : InferOutput<X>;

/** What the handler receives for one event, or one record of a batch. */
export interface GuardRequest<S extends SourceName = SourceName, D = unknown> {
  /** The detected source. */
  readonly source: S;
  /** The validated payload (the schema's output), or the unwrapped payload when no schema applies. */
  readonly data: D;
  /** The event as the platform delivered it. */
  readonly event: unknown;
  /** For batch sources, the record `data` came from. */
  readonly record?: Readonly<Record<string, unknown>>;
  /** Set when HTTP authentication is configured. */
  readonly principal?: Principal;
  readonly correlationId: string;
}

/** The request type a handler receives for given options: typed by source when schemas differ by source. */
export type GuardRequestFor<A extends SourceName, O> = O extends { readonly schema: infer S }
  ? GuardRequest<A, SpecOutput<S>>
  : O extends { readonly schemas: infer V }
    ? { [K in A]: GuardRequest<K, K extends keyof V ? SpecOutput<NonNullable<V[K]>> : unknown> }[A]
    : GuardRequest<A, unknown>;
