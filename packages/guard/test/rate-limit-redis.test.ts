import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { guard } from '../src/index.js';
import { RedisRateLimitStore } from '../src/redis.js';
import { captureLog, context, restEvent } from '../testkit/fixtures.js';
import { redisUnavailable, startRedis, type RedisServer } from '../testkit/redis-server.js';

const skip = redisUnavailable();
if (skip) console.log(`# skipping Redis rate-limit tests: ${skip}`);

describe('Redis rate-limit store (real redis-server)', { skip }, () => {
  let redis: RedisServer;
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    await redis?.stop();
  });

  it('allows exactly `limit` of many concurrent requests from several instances', async () => {
    // Four clients stand for four warm Lambda instances sharing one limit.
    const stores = Array.from({ length: 4 }, () => new RedisRateLimitStore({ client: redis.client() }));
    const rule = { limit: 50, intervalMs: 3_600_000 };
    const decisions = await Promise.all(
      Array.from({ length: 200 }, (_, i) => stores[i % stores.length]!.consume('user:concurrent', rule)),
    );
    assert.equal(decisions.filter((d) => d.allowed).length, 50);
    const refused = decisions.filter((d) => !d.allowed);
    assert.equal(refused.length, 150);
    assert.ok(refused.every((d) => d.retryAfterMs > 0 && d.retryAfterMs <= 72_000));
  });

  it('counts each request exactly once: 30 concurrent, then the remaining 20, then none', async () => {
    const store = new RedisRateLimitStore({ client: redis.client() });
    const rule = { limit: 50, intervalMs: 3_600_000 };
    const first = await Promise.all(Array.from({ length: 30 }, () => store.consume('user:exact', rule)));
    assert.ok(first.every((d) => d.allowed));
    assert.equal(Math.min(...first.map((d) => d.remaining)), 20);
    const second = await Promise.all(Array.from({ length: 20 }, () => store.consume('user:exact', rule)));
    assert.ok(second.every((d) => d.allowed));
    assert.equal((await store.consume('user:exact', rule)).allowed, false);
  });

  it('keeps separate buckets per key and expires idle ones', async () => {
    const client = redis.client();
    const store = new RedisRateLimitStore({ client, prefix: 'test:' });
    const rule = { limit: 1, intervalMs: 60_000 };
    assert.equal((await store.consume('a', rule)).allowed, true);
    assert.equal((await store.consume('a', rule)).allowed, false);
    assert.equal((await store.consume('b', rule)).allowed, true);
    const ttl = await client.pttl('test:a');
    assert.ok(ttl > 0 && ttl <= 61_000, `ttl ${ttl}`);
  });

  it('reloads the script after SCRIPT FLUSH (EVALSHA falls back to EVAL)', async () => {
    const client = redis.client();
    const store = new RedisRateLimitStore({ client });
    const rule = { limit: 3, intervalMs: 60_000 };
    await store.consume('flush', rule);
    await client.script('FLUSH');
    assert.equal((await store.consume('flush', rule)).remaining, 1);
  });

  it('answers 429 with Retry-After through the guard', async () => {
    const log = captureLog();
    const handler = guard(async () => ({ statusCode: 200, body: 'ok' }), {
      allow: ['apigw-rest'],
      rateLimit: { limit: 2, intervalMs: 10_000, store: new RedisRateLimitStore({ client: redis.client(), prefix: 'guard:' }) },
      logger: log.options,
    });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push(((await handler(restEvent({}), context())) as any).statusCode);
    assert.deepEqual(codes, [200, 200, 429]);
    const limited = (await handler(restEvent({}), context())) as any;
    assert.equal(limited.headers['retry-after'], '5');
  });
});
