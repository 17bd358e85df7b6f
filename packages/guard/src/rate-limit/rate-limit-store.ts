/**
 * A token bucket per key: `limit` requests may burst at once, and the bucket
 * refills continuously at `limit` per `intervalMs`.
 */
export interface RateLimitRule {
  readonly limit: number;
  readonly intervalMs: number;
}

/** The outcome of one request against its bucket. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Whole tokens left after this request. */
  readonly remaining: number;
  /** When refused: time until one token is back, in milliseconds. 0 when allowed. */
  readonly retryAfterMs: number;
}

/** Where buckets live. Each call takes one token atomically or refuses. */
export interface RateLimitStore {
  consume(key: string, rule: RateLimitRule): Promise<RateLimitDecision>;
}

export function assertValidRule(rule: RateLimitRule): void {
  if (!Number.isInteger(rule.limit) || rule.limit < 1) throw new RangeError('rate limit: limit must be a positive integer');
  if (!(rule.intervalMs > 0)) throw new RangeError('rate limit: intervalMs must be positive');
}
