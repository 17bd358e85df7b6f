import { ExpiringLru } from '../memory/expiring-lru.js';
import type { RateLimitDecision, RateLimitRule, RateLimitStore } from './rate-limit-store.js';
import { bucketTtlMs, takeToken, type BucketState } from './token-bucket.js';

/**
 * Buckets in this instance's memory: the default. Each Lambda instance keeps
 * its own buckets, so with N warm instances a client may get up to N times
 * the limit. Use the Redis or DynamoDB store for a limit shared by all.
 *
 * At most `maxKeys` buckets are kept, and each decision does constant work
 * however many keys exist: a client rotating addresses cannot make the
 * limiter scan its buckets. Past the cap the least recently used bucket is
 * forgotten (it comes back full).
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets: ExpiringLru<BucketState>;

  constructor(maxKeys = 10_000, private readonly now: () => number = Date.now) {
    this.buckets = new ExpiringLru(maxKeys);
  }

  /** Buckets held, live or not yet dropped. */
  get size(): number {
    return this.buckets.size;
  }

  async consume(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    const now = this.now();
    const { state, decision } = takeToken(this.buckets.get(key, now), rule, now);
    this.buckets.set(key, state, now + bucketTtlMs(rule), now);
    return decision;
  }
}
