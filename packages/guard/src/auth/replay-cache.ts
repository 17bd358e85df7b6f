import { ExpiringLru } from '../memory/expiring-lru.js';

/**
 * Remembers signatures or delivery ids already accepted, so that a captured
 * request replayed within its validity window is refused.
 */
export interface ReplayCache {
  /** Records `id` for `ttlMs`; returns false when it was already recorded. */
  remember(id: string, ttlMs: number): boolean | Promise<boolean>;
}

/**
 * Per-instance replay cache. Each Lambda instance has its own, so a replay
 * that lands on another instance is only stopped by the timestamp tolerance;
 * pass a shared cache (Redis, DynamoDB) when that matters. It holds at most
 * `maxEntries` (the least recently accepted go first), with constant work per call.
 */
export class MemoryReplayCache implements ReplayCache {
  private readonly seen: ExpiringLru<true>;

  constructor(maxEntries = 10_000, private readonly now: () => number = Date.now) {
    this.seen = new ExpiringLru(maxEntries);
  }

  remember(id: string, ttlMs: number): boolean {
    const now = this.now();
    if (this.seen.get(id, now)) return false;
    this.seen.set(id, true, now + ttlMs, now);
    return true;
  }
}
