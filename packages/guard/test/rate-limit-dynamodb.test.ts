import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guard } from '../src/index.js';
import { DynamoDBRateLimitStore, RateLimitContentionError } from '../src/dynamodb.js';
import { captureLog, context, restEvent } from '../testkit/fixtures.js';
import { FakeDynamoDB } from '../testkit/fake-dynamodb.js';

describe('DynamoDB rate-limit store (conditional writes, fake client)', () => {
  it('allows `limit` requests, then refuses without writing', async () => {
    const db = new FakeDynamoDB();
    const store = new DynamoDBRateLimitStore({ client: db, tableName: 'rate-limits', now: () => 1_000_000 });
    const rule = { limit: 3, intervalMs: 60_000 };
    const allowed = [];
    for (let i = 0; i < 4; i++) allowed.push((await store.consume('user-1', rule)).allowed);
    assert.deepEqual(allowed, [true, true, true, false]);
    assert.equal(db.calls.put, 3);
    const item = db.items.get('faasguard:rl:user-1');
    assert.equal(item?.['v']?.N, '3');
    assert.equal(item?.['expiresAt']?.N, String(Math.ceil((1_000_000 + 61_000) / 1000)));
  });

  it('loses no request and counts none twice under concurrent calls', async () => {
    const db = new FakeDynamoDB();
    const store = new DynamoDBRateLimitStore({ client: db, tableName: 'rate-limits', maxAttempts: 100 });
    const rule = { limit: 15, intervalMs: 3_600_000 };
    const decisions = await Promise.all(Array.from({ length: 40 }, () => store.consume('user-2', rule)));
    assert.equal(decisions.filter((d) => d.allowed).length, 15);
    assert.ok(db.calls.conflicts > 0, 'the calls did contend');
    assert.equal(db.items.get('faasguard:rl:user-2')?.['v']?.N, '15');
  });

  it('gives up after maxAttempts and the guard refuses the request (fails closed)', async () => {
    const db = new FakeDynamoDB();
    const store = new DynamoDBRateLimitStore({ client: db, tableName: 'rate-limits', maxAttempts: 1 });
    const rule = { limit: 100, intervalMs: 60_000 };
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => store.consume('user-3', rule)));
    assert.ok(results.some((r) => r.status === 'rejected' && r.reason instanceof RateLimitContentionError));

    const log = captureLog();
    const handler = guard(async () => ({ statusCode: 200 }), {
      allow: ['apigw-rest'],
      rateLimit: { ...rule, store: { consume: () => Promise.reject(new RateLimitContentionError('contended')) } },
      logger: log.options,
    });
    assert.equal(((await handler(restEvent({}), context())) as any).statusCode, 500);
  });

  it('mints no tokens when instances disagree on the time (6 s skew)', async () => {
    const db = new FakeDynamoDB();
    let real = 1_000_000;
    const ahead = new DynamoDBRateLimitStore({ client: db, tableName: 'rate-limits', now: () => real });
    const behind = new DynamoDBRateLimitStore({ client: db, tableName: 'rate-limits', now: () => real - 6_000 });
    const rule = { limit: 10, intervalMs: 60_000 };
    let allowed = 0;
    for (let i = 0; i < 200; i++) {
      if ((await (i % 2 === 0 ? ahead : behind).consume('user-skew', rule)).allowed) allowed++;
      real += 10;
    }
    // 2 s of real time refill a third of a token; one step across the skew may refill one more.
    assert.ok(allowed <= 11, `${allowed} of 200 requests allowed against a limit of 10`);
    const stored = Number(db.items.get('faasguard:rl:user-skew')?.['ts']?.N);
    assert.ok(stored >= 1_000_000, `the stored time (${stored}) never went below the first write`);
  });

  it('keeps the stored time when an instance whose clock is behind writes', async () => {
    const db = new FakeDynamoDB();
    const rule = { limit: 5, intervalMs: 60_000 };
    await new DynamoDBRateLimitStore({ client: db, tableName: 'rate-limits', now: () => 2_000_000 }).consume('k', rule);
    await new DynamoDBRateLimitStore({ client: db, tableName: 'rate-limits', now: () => 1_994_000 }).consume('k', rule);
    const item = db.items.get('faasguard:rl:k');
    assert.equal(item?.['ts']?.N, '2000000');
    assert.equal(item?.['tokens']?.N, '3');
  });

  it('treats an item past its TTL as a full bucket', async () => {
    const db = new FakeDynamoDB();
    let now = 0;
    const store = new DynamoDBRateLimitStore({ client: db, tableName: 'rate-limits', now: () => now });
    const rule = { limit: 1, intervalMs: 10_000 };
    assert.equal((await store.consume('k', rule)).allowed, true);
    assert.equal((await store.consume('k', rule)).allowed, false);
    now = 12_000;
    assert.equal((await store.consume('k', rule)).allowed, true);
  });
});
