import type { RateLimitDecision, RateLimitRule } from './rate-limit-store.js';

/** A bucket as stored: fractional tokens, and when they were counted. */
export interface BucketState {
  readonly tokens: number;
  readonly updatedAt: number;
}

/**
 * Refills the bucket for the time elapsed, then takes one token if there is
 * one. Pure, so that every store (memory, DynamoDB) shares the arithmetic the
 * Redis script mirrors.
 */
export function takeToken(
  state: BucketState | undefined,
  rule: RateLimitRule,
  now: number,
): { state: BucketState; decision: RateLimitDecision } {
  const refillPerMs = rule.limit / rule.intervalMs;
  const previous = state ?? { tokens: rule.limit, updatedAt: now };
  // A clock that steps back must not mint tokens.
  const elapsed = Math.max(0, now - previous.updatedAt);
  const tokens = Math.min(rule.limit, previous.tokens + elapsed * refillPerMs);
  if (tokens >= 1) {
    const left = tokens - 1;
    const decision = { allowed: true, remaining: Math.floor(left), retryAfterMs: 0 };
    return { state: { tokens: left, updatedAt: now }, decision };
  }
  const retryAfterMs = Math.ceil((1 - tokens) / refillPerMs);
  return { state: { tokens, updatedAt: now }, decision: { allowed: false, remaining: 0, retryAfterMs } };
}

/** How long an idle bucket must be kept before it is full again and can be forgotten. */
export function bucketTtlMs(rule: RateLimitRule): number {
  return Math.ceil(rule.intervalMs) + 1000;
}
