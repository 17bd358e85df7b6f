import type { RateLimitDecision, RateLimitRule, RateLimitStore } from './rate-limit-store.js';
import { bucketTtlMs, takeToken, type BucketState } from './token-bucket.js';

/**
 * Buckets in this instance's memory: the default. Each Lambda instance keeps
 * its own buckets, so with N warm instances a client may get up to N times
 * the limit. Use the Redis or DynamoDB store for a limit shared by all.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new Map<string, BucketState & { expiresAt: number }>();

  constructor(private readonly maxKeys = 10_000, private readonly now: () => number = Date.now) {}

  async consume(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    const now = this.now();
    const current = this.buckets.get(key);
    const live = current && current.expiresAt > now ? current : undefined;
    const { state, decision } = takeToken(live, rule, now);
    if (!current && this.buckets.size >= this.maxKeys) this.sweep(now);
    // Delete first so that Map order tracks recency for the sweep.
    this.buckets.delete(key);
    this.buckets.set(key, { ...state, expiresAt: now + bucketTtlMs(rule) });
    return decision;
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.expiresAt <= now) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}
