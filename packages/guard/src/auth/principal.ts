import { GuardRejection } from '../errors/guard-rejection.js';
import type { HttpRequestView } from '../sources/http-request.js';
import type { HttpSourceName } from '../sources/source-name.js';

/** The authentication schemes the guard implements. */
export type AuthScheme = 'jwt' | 'api-key' | 'hmac' | 'authorizer';

/** Who made the request, as established by one authenticator. Passed to the handler and the rate limiter. */
export interface Principal {
  /** Stable identifier: JWT `sub`, API key id, webhook sender, or authorizer principal id. */
  readonly id: string;
  readonly scheme: AuthScheme;
  /** Verified claims (JWT) or authorizer context; empty for API keys and webhooks. */
  readonly claims: Readonly<Record<string, unknown>>;
}

/** What an authenticator may look at. */
export interface AuthInput {
  readonly source: HttpSourceName;
  readonly request: HttpRequestView;
  /** The original event, for authenticators that read the platform's own context (authorizers). */
  readonly event: unknown;
}

/**
 * Establishes the principal of a request.
 *
 * Returns `null` when the request carries no credential for this scheme, so
 * that the next configured authenticator may try; throws an `AuthError` when a
 * credential is present but wrong, which stops the chain: a bad token must
 * not be rescued by a weaker scheme.
 */
export type Authenticator = (input: AuthInput) => Promise<Principal | null> | Principal | null;

/** A credential was presented and refused. The reason is logged, never returned. */
export class AuthError extends GuardRejection {
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super('auth_failed', 401, 'Unauthorized', { reason, ...details });
  }
}

/** Runs the authenticators in order; the first that recognises a credential decides. */
export async function authenticate(authenticators: readonly Authenticator[], input: AuthInput): Promise<Principal> {
  for (const authenticator of authenticators) {
    const principal = await authenticator(input);
    if (principal) return principal;
  }
  throw new AuthError('no credential');
}
