import { GetItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RateLimitDecision, RateLimitRule, RateLimitStore } from './rate-limit-store.js';
import { bucketTtlMs, takeToken, type BucketState } from './token-bucket.js';

/** The one method of `DynamoDBClient` the store calls. */
export type DynamoDBSender = Pick<DynamoDBClient, 'send'>;

export interface DynamoDBStoreOptions {
  readonly client: DynamoDBSender;
  /** Table with a string partition key; enable TTL on the `expiresAt` attribute to purge idle buckets. */
  readonly tableName: string;
  /** Partition key attribute name. Default `pk`. */
  readonly partitionKey?: string;
  /** Optimistic attempts before giving up under contention. Default 8. */
  readonly maxAttempts?: number;
  /** Prefix of every bucket key. Default `faasguard:rl:`. */
  readonly prefix?: string;
  /** Clock, for tests: Unix milliseconds. */
  readonly now?: () => number;
}

/** Thrown when contention outlasts `maxAttempts`; the guard then refuses the request (fails closed). */
export class RateLimitContentionError extends Error {
  override readonly name = 'RateLimitContentionError';
}

/**
 * Rate-limit buckets in DynamoDB. Each decision reads the bucket with a
 * strongly consistent read and writes it back only if its version has not
 * moved and its stored time is not later than the one written (a conditional
 * write); a concurrent writer makes the condition fail and the decision is
 * taken again from fresh state, so no request is lost or counted twice.
 * Refusals write nothing. The stored time only moves forward: an instance
 * whose clock is behind refills nothing until its clock catches up.
 */
export class DynamoDBRateLimitStore implements RateLimitStore {
  private readonly client: DynamoDBSender;
  private readonly table: string;
  private readonly pk: string;
  private readonly maxAttempts: number;
  private readonly prefix: string;
  private readonly now: () => number;

  constructor(options: DynamoDBStoreOptions) {
    this.client = options.client;
    this.table = options.tableName;
    this.pk = options.partitionKey ?? 'pk';
    this.maxAttempts = options.maxAttempts ?? 8;
    this.prefix = options.prefix ?? 'faasguard:rl:';
    this.now = options.now ?? Date.now;
  }

  async consume(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    const id = this.prefix + key;
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      const { state, version } = await this.read(id);
      // Instances' clocks disagree: time never runs backwards for a bucket, or the next reader would refill the gap.
      const now = Math.max(this.now(), state?.updatedAt ?? 0);
      const { state: next, decision } = takeToken(state, rule, now);
      if (!decision.allowed) return decision;
      if (await this.writeIfUnchanged(id, next, version, now + bucketTtlMs(rule))) return decision;
    }
    throw new RateLimitContentionError(`rate limit: bucket still contended after ${this.maxAttempts} attempts`);
  }

  private async read(id: string): Promise<{ state: BucketState | undefined; version: number }> {
    const result = await this.client.send(
      new GetItemCommand({ TableName: this.table, Key: { [this.pk]: { S: id } }, ConsistentRead: true }),
    );
    const item = result.Item;
    const version = Number(item?.['v']?.N ?? 0);
    if (!item) return { state: undefined, version };
    // An idle bucket refills to full by itself, so `expiresAt` is only for TTL deletion: comparing it with
    // this instance's clock would hand a clock that runs ahead a full bucket early.
    return { state: { tokens: Number(item['tokens']?.N), updatedAt: Number(item['ts']?.N) }, version };
  }

  private async writeIfUnchanged(id: string, state: BucketState, version: number, expiresAtMs: number): Promise<boolean> {
    // The time condition keeps the stored time monotonic even against a writer that does not bump the version.
    const condition = version === 0 ? 'attribute_not_exists(#pk)' : '#v = :v AND #ts <= :ts';
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: {
            [this.pk]: { S: id },
            tokens: { N: String(state.tokens) },
            ts: { N: String(state.updatedAt) },
            v: { N: String(version + 1) },
            expiresAt: { N: String(Math.ceil(expiresAtMs / 1000)) },
          },
          ConditionExpression: condition,
          ExpressionAttributeNames: version === 0 ? { '#pk': this.pk } : { '#v': 'v', '#ts': 'ts' },
          ...(version === 0
            ? {}
            : { ExpressionAttributeValues: { ':v': { N: String(version) }, ':ts': { N: String(state.updatedAt) } } }),
        }),
      );
      return true;
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}
