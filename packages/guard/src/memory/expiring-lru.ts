interface Node<V> {
  readonly key: string;
  value: V;
  expiresAt: number;
  prev: Node<V> | undefined;
  next: Node<V> | undefined;
}

/**
 * Entries that expire, at most `maxEntries` of them, in the order they were
 * last written. Every operation does constant work: a write drops up to two
 * expired entries from the old end (each entry is dropped once, so expiry
 * keeps pace with writes), then the oldest entries while the cap is reached.
 *
 * A linked list, not `Map` order: deleting a `Map`'s first entry leaves a
 * hole that every later iteration from the front skips again, which makes
 * "look at the oldest" linear in V8.
 */
export class ExpiringLru<V> {
  private readonly nodes = new Map<string, Node<V>>();
  private oldest: Node<V> | undefined;
  private newest: Node<V> | undefined;

  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  }

  get size(): number {
    return this.nodes.size;
  }

  /** The value of `key` while it is live; an expired entry is dropped. */
  get(key: string, now: number): V | undefined {
    const node = this.nodes.get(key);
    if (node === undefined) return undefined;
    if (node.expiresAt > now) return node.value;
    this.remove(node);
    return undefined;
  }

  /** Writes `key` as the newest entry. */
  set(key: string, value: V, expiresAt: number, now: number): void {
    const existing = this.nodes.get(key);
    if (existing !== undefined) this.remove(existing);
    for (let i = 0; i < 2 && this.oldest !== undefined && this.oldest.expiresAt <= now; i++) this.remove(this.oldest);
    while (this.nodes.size >= this.maxEntries && this.oldest !== undefined) this.remove(this.oldest);
    const node: Node<V> = { key, value, expiresAt, prev: this.newest, next: undefined };
    if (this.newest) this.newest.next = node;
    else this.oldest = node;
    this.newest = node;
    this.nodes.set(key, node);
  }

  private remove(node: Node<V>): void {
    this.nodes.delete(node.key);
    if (node.prev) node.prev.next = node.next;
    else this.oldest = node.next;
    if (node.next) node.next.prev = node.prev;
    else this.newest = node.prev;
  }
}
