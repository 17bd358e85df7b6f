import {
  createLocalJWKSet,
  createRemoteJWKSet,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { GuardRejection } from '../errors/guard-rejection.js';
import { AuthError, type Authenticator } from './principal.js';
import type { ReplayCache } from './replay-cache.js';

/** Asymmetric algorithms for keys from a JWKS; symmetric ones for a shared secret. */
export type JwtAlgorithm =
  | 'RS256' | 'RS384' | 'RS512'
  | 'PS256' | 'PS384' | 'PS512'
  | 'ES256' | 'ES384' | 'ES512'
  | 'EdDSA'
  | 'HS256' | 'HS384' | 'HS512';

/** Where verification keys come from: exactly one of these. */
export type JwtKeySource =
  | { readonly jwksUri: string; readonly jwksCacheMaxAgeMs?: number; readonly jwksTimeoutMs?: number }
  | { readonly jwks: JSONWebKeySet }
  | { readonly secret: string };

export type JwtOptions = JwtKeySource & {
  /**
   * Accepted algorithms. Required, with no default: the allow-list is what
   * stops `alg: none` and algorithm confusion (an RS256 public key used as
   * an HS256 secret). Symmetric and asymmetric algorithms cannot be mixed.
   */
  readonly algorithms: readonly JwtAlgorithm[];
  /** Expected `iss`. */
  readonly issuer: string | readonly string[];
  /** Expected `aud`. */
  readonly audience: string | readonly string[];
  /** Reject tokens without `exp`. Default true. */
  readonly requireExp?: boolean;
  /** Allowed clock skew for `exp`/`nbf`/`iat`, in seconds. Default 30. */
  readonly clockToleranceSeconds?: number;
  /** Header carrying `Bearer <token>`. Default `authorization`. */
  readonly header?: string;
  /** Claim used as principal id. Default `sub`. */
  readonly principalClaim?: string;
  /**
   * Makes tokens single-use: each `jti` is accepted once until its `exp`.
   * For one-time tokens (links, step-up); ordinary access tokens are meant to be reused.
   */
  readonly replayCache?: ReplayCache;
  /**
   * With `replayCache` and `requireExp: false`: how long, in seconds, a `jti`
   * of a token without `exp` is remembered. Such a token must carry `iat`
   * and is refused once older than this window, when its `jti` is forgotten.
   * Tokens with `exp` are remembered until `exp` as usual.
   */
  readonly replayWindowSeconds?: number;
  /** Clock, for tests: Unix milliseconds. */
  readonly now?: () => number;
};

const SYMMETRIC = /^HS/;

function keyResolver(options: JwtOptions): JWTVerifyGetKey | Uint8Array {
  if ('secret' in options) {
    if (!options.algorithms.every((a) => SYMMETRIC.test(a))) {
      throw new TypeError('jwtAuth: a shared secret only works with HS* algorithms');
    }
    return new TextEncoder().encode(options.secret);
  }
  if (options.algorithms.some((a) => SYMMETRIC.test(a))) {
    throw new TypeError('jwtAuth: HS* algorithms need a shared secret, not a key set');
  }
  if ('jwks' in options) return createLocalJWKSet(options.jwks);
  // jose caches the fetched key set and refetches on an unknown `kid`, at most once per cooldown.
  const remote = createRemoteJWKSet(new URL(options.jwksUri), {
    cacheMaxAge: options.jwksCacheMaxAgeMs ?? 10 * 60_000,
    timeoutDuration: options.jwksTimeoutMs ?? 2_000,
  });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') throw error;
      // The key set could not be fetched or read: our outage, not the caller's fault.
      throw new GuardRejection('guard_error', 503, 'Service Unavailable', {
        reason: 'jwks unavailable',
        code: typeof code === 'string' ? code : 'fetch failed',
      });
    }
  };
}

/** Authenticates `Authorization: Bearer <JWT>` against a JWKS or a shared secret, with `jose`. */
export function jwtAuth(options: JwtOptions): Authenticator {
  if (options.algorithms.length === 0) throw new TypeError('jwtAuth: algorithms must not be empty');
  const key = keyResolver(options);
  const header = (options.header ?? 'authorization').toLowerCase();
  const principalClaim = options.principalClaim ?? 'sub';
  const replay = replayPolicy(options);
  const verifyOptions = {
    algorithms: [...options.algorithms],
    issuer: typeof options.issuer === 'string' ? options.issuer : [...options.issuer],
    audience: typeof options.audience === 'string' ? options.audience : [...options.audience],
    requiredClaims: [...(options.requireExp === false ? [] : ['exp']), ...(replay ? replay.requiredClaims : [])],
    clockTolerance: options.clockToleranceSeconds ?? 30,
  };

  return async ({ request }) => {
    const value = request.headers[header];
    if (value === undefined) return null;
    const match = /^Bearer\s+([A-Za-z0-9_\-.]+)$/i.exec(value.trim());
    if (!match) throw new AuthError('malformed bearer token');
    const payload = await verify(match[1]!, key, {
      ...verifyOptions,
      ...(options.now ? { currentDate: new Date(options.now()) } : {}),
    });
    const id = payload[principalClaim];
    if (typeof id !== 'string' || id === '') throw new AuthError('token has no principal claim', { claim: principalClaim });
    if (replay) await rememberOnce(replay, payload, (options.now ?? Date.now)());
    return { id, scheme: 'jwt', claims: payload };
  };
}

async function verify(
  token: string,
  key: JWTVerifyGetKey | Uint8Array,
  options: Parameters<typeof jwtVerify>[2],
): Promise<JWTPayload> {
  try {
    const result =
      key instanceof Uint8Array ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
    return result.payload;
  } catch (error) {
    if (error instanceof GuardRejection) throw error;
    const code = (error as { code?: unknown }).code;
    throw new AuthError('invalid token', { code: typeof code === 'string' ? code : 'unknown' });
  }
}

/** How single-use tokens are remembered: until `exp` (plus tolerance), or for a window after `iat`. */
interface ReplayPolicy {
  readonly cache: ReplayCache;
  readonly toleranceMs: number;
  readonly windowMs: number | undefined;
  readonly requiredClaims: readonly string[];
}

function replayPolicy(options: JwtOptions): ReplayPolicy | undefined {
  if (!options.replayCache) return undefined;
  const toleranceMs = (options.clockToleranceSeconds ?? 30) * 1000;
  if (options.requireExp !== false) {
    return { cache: options.replayCache, toleranceMs, windowMs: undefined, requiredClaims: ['jti'] };
  }
  // A token without exp never expires: a jti forgotten too early could be replayed for ever.
  const window = options.replayWindowSeconds;
  if (window === undefined || !(window > 0)) {
    throw new TypeError('jwtAuth: replayCache with requireExp: false needs replayWindowSeconds');
  }
  return { cache: options.replayCache, toleranceMs, windowMs: window * 1000, requiredClaims: ['jti'] };
}

async function rememberOnce(policy: ReplayPolicy, payload: JWTPayload, now: number): Promise<void> {
  const ttlMs = replayTtlMs(policy, payload, now);
  if (!(await policy.cache.remember(`jwt:${String(payload.jti)}`, ttlMs))) throw new AuthError('replayed token');
}

// The jti must be remembered for as long as the token itself would be accepted.
function replayTtlMs(policy: ReplayPolicy, payload: JWTPayload, now: number): number {
  if (payload.exp !== undefined) return Math.max(1, payload.exp * 1000 + policy.toleranceMs - now);
  // Without exp, only iat bounds the token's age: without either, single use cannot be promised.
  if (payload.iat === undefined) throw new AuthError('token without exp or iat');
  const acceptedUntil = payload.iat * 1000 + policy.windowMs! + policy.toleranceMs;
  if (acceptedUntil <= now) throw new AuthError('token older than the replay window');
  return acceptedUntil - now;
}
