import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { HttpRequestView } from '../sources/http-request.js';
import { AuthError, type Authenticator } from './principal.js';
import { MemoryReplayCache, type ReplayCache } from './replay-cache.js';

/** What a signed webhook request carries, read by a {@link WebhookScheme}. */
export interface SignedRequest {
  /** Candidate signatures (several during a sender's secret rotation), as raw bytes. */
  readonly signatures: readonly Buffer[];
  /** Unix seconds the sender signed at, when the scheme signs a timestamp. */
  readonly timestamp?: number;
  /**
   * The exact bytes the sender signed. Replays are recognised by its digest:
   * only what the signature covers can identify a delivery, since anything
   * else in the request can be changed by whoever replays it.
   */
  readonly signedPayload: string;
}

/** How one provider signs its webhooks. */
export interface WebhookScheme {
  readonly name: string;
  /** Header whose presence marks the request as signed with this scheme (lower case). */
  readonly header: string;
  /** Reads the signature; returns null when the header is malformed. */
  parse(request: HttpRequestView): SignedRequest | null;
}

export interface HmacOptions {
  /** `github`, `stripe`, or a custom scheme. */
  readonly scheme: 'github' | 'stripe' | WebhookScheme;
  /** Signing secret; several during a rotation. */
  readonly secret: string | readonly string[];
  /** Largest accepted age (and clock skew) of a signed timestamp, in seconds. Default 300. */
  readonly toleranceSeconds?: number;
  /**
   * How long accepted deliveries are remembered when the scheme signs no
   * timestamp (GitHub), in seconds. Such a signature never expires, so this
   * window is the only bound on replays. Default 86 400 (one day).
   */
  readonly replayWindowSeconds?: number;
  /** Where accepted deliveries are remembered. Default: a per-instance memory cache. */
  readonly replayCache?: ReplayCache;
  /** Principal id of the sender. Default `webhook:<scheme name>`. */
  readonly principalId?: string;
  /** Clock, in milliseconds; for tests. */
  readonly now?: () => number;
}

function hexBytes(value: string): Buffer | null {
  return /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : null;
}

/**
 * GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>`. GitHub
 * signs neither a timestamp nor `X-GitHub-Delivery`, so replays are caught by
 * remembering the body's digest.
 */
export const githubScheme: WebhookScheme = {
  name: 'github',
  header: 'x-hub-signature-256',
  parse(request) {
    const header = request.headers['x-hub-signature-256'] ?? '';
    const signature = header.startsWith('sha256=') ? hexBytes(header.slice(7)) : null;
    if (!signature) return null;
    return { signatures: [signature], signedPayload: request.rawBody };
  },
};

/**
 * Stripe: `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]` over
 * `<t>.<body>`. Older `v0` entries are ignored on purpose.
 */
export const stripeScheme: WebhookScheme = {
  name: 'stripe',
  header: 'stripe-signature',
  parse(request) {
    const header = request.headers['stripe-signature'] ?? '';
    let timestamp: number | undefined;
    const signatures: Buffer[] = [];
    for (const part of header.split(',')) {
      const [key, value = ''] = part.trim().split('=', 2);
      if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
      if (key === 'v1') {
        const bytes = hexBytes(value);
        if (bytes) signatures.push(bytes);
      }
    }
    if (timestamp === undefined || signatures.length === 0) return null;
    return { signatures, timestamp, signedPayload: `${timestamp}.${request.rawBody}` };
  },
};

/** Computes a hex HMAC-SHA256 signature, as senders do; useful to sign test requests. */
export function signHmacSha256(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
}

/** Authenticates webhooks signed with a shared secret (HMAC-SHA256), with replay protection. */
export function hmacAuth(options: HmacOptions): Authenticator {
  const scheme =
    options.scheme === 'github' ? githubScheme : options.scheme === 'stripe' ? stripeScheme : options.scheme;
  const secrets = typeof options.secret === 'string' ? [options.secret] : [...options.secret];
  if (secrets.length === 0 || secrets.some((s) => s.length === 0)) {
    throw new TypeError('hmacAuth: a non-empty secret is required');
  }
  const toleranceMs = (options.toleranceSeconds ?? 300) * 1000;
  const unsignedTimeWindowMs = (options.replayWindowSeconds ?? 86_400) * 1000;
  if (!(unsignedTimeWindowMs > 0)) throw new RangeError('hmacAuth: replayWindowSeconds must be positive');
  const replayCache = options.replayCache ?? new MemoryReplayCache();
  const now = options.now ?? Date.now;
  const principalId = options.principalId ?? `webhook:${scheme.name}`;

  return async ({ request }) => {
    if (request.headers[scheme.header] === undefined) return null;
    const signed = scheme.parse(request);
    if (!signed) throw new AuthError('malformed signature header', { scheme: scheme.name });
    if (signed.timestamp !== undefined && Math.abs(now() - signed.timestamp * 1000) > toleranceMs) {
      throw new AuthError('signature timestamp outside tolerance', { scheme: scheme.name });
    }
    if (!matchesAny(secrets, signed)) throw new AuthError('bad signature', { scheme: scheme.name });
    // A signed timestamp is accepted for `tolerance` either side of now, so its entry must outlive 2 × tolerance.
    const keepMs = signed.timestamp === undefined ? unsignedTimeWindowMs : toleranceMs * 2;
    // Remember only verified deliveries (unsigned noise must not fill the cache), by what was verified.
    if (!(await replayCache.remember(replayKey(scheme.name, signed), keepMs))) {
      throw new AuthError('replayed request', { scheme: scheme.name });
    }
    return { id: principalId, scheme: 'hmac', claims: {} };
  };
}

function replayKey(scheme: string, signed: SignedRequest): string {
  return `${scheme}:${createHash('sha256').update(signed.signedPayload, 'utf8').digest('base64url')}`;
}

function matchesAny(secrets: readonly string[], signed: SignedRequest): boolean {
  let ok = false;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(signed.signedPayload, 'utf8').digest();
    for (const candidate of signed.signatures) {
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) ok = true;
    }
  }
  return ok;
}
