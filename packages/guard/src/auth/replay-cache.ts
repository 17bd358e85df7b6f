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
 * pass a shared cache (Redis, DynamoDB) when that matters.
 */
export class MemoryReplayCache implements ReplayCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly maxEntries = 10_000, private readonly now: () => number = Date.now) {}

  remember(id: string, ttlMs: number): boolean {
    const now = this.now();
    const expiry = this.seen.get(id);
    if (expiry !== undefined && expiry > now) return false;
    if (this.seen.size >= this.maxEntries) this.evict(now);
    this.seen.set(id, now + ttlMs);
    return true;
  }

  private evict(now: number): void {
    for (const [id, expiry] of this.seen) {
      if (expiry <= now) this.seen.delete(id);
    }
    // Still full: drop the oldest entries (Map keeps insertion order).
    for (const id of this.seen.keys()) {
      if (this.seen.size < this.maxEntries) break;
      this.seen.delete(id);
    }
  }
}
