import { createHash, timingSafeEqual } from 'node:crypto';
import { AuthError, type Authenticator } from './principal.js';

/** An API key as stored: an id (the principal) and the SHA-256 of the key, never the key itself. */
export interface StoredApiKey {
  readonly id: string;
  /** Hex SHA-256 of the key, as returned by {@link hashApiKey}. */
  readonly sha256: string;
  /** After this instant the key is refused (rotation, temporary access). */
  readonly expiresAt?: Date;
}

export interface ApiKeyOptions {
  readonly keys: readonly StoredApiKey[];
  /** Header carrying the key. Default `x-api-key`. */
  readonly header?: string;
  /** Clock, for tests: Unix milliseconds. */
  readonly now?: () => number;
}

/**
 * Hashes an API key for storage. A fast hash is the right tool here: API keys
 * are long random strings, so there is nothing to brute-force, unlike passwords.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Authenticates requests by API key. Every stored hash is compared, in
 * constant time, whatever matches first: the response time says nothing
 * about which key, or how much of one, was right.
 */
export function apiKeyAuth(options: ApiKeyOptions): Authenticator {
  const header = (options.header ?? 'x-api-key').toLowerCase();
  const now = options.now ?? Date.now;
  if (options.keys.some((k) => !/^[0-9a-f]{64}$/i.test(k.sha256))) {
    throw new TypeError('apiKeyAuth: every sha256 must be 64 hex characters');
  }
  const stored = options.keys.map((k) => ({
    id: k.id,
    digest: Buffer.from(k.sha256, 'hex'),
    expiresAt: k.expiresAt?.getTime(),
  }));
  return ({ request }) => {
    const presented = request.headers[header];
    if (presented === undefined || presented === '') return null;
    const digest = createHash('sha256').update(presented, 'utf8').digest();
    let match: (typeof stored)[number] | undefined;
    for (const key of stored) {
      if (timingSafeEqual(key.digest, digest) && match === undefined) match = key;
    }
    if (match === undefined) throw new AuthError('unknown api key');
    if (match.expiresAt !== undefined && match.expiresAt <= now()) {
      throw new AuthError('expired api key', { keyId: match.id });
    }
    return { id: match.id, scheme: 'api-key', claims: {} };
  };
}
