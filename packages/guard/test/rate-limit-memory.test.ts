import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiKeyAuth, AuthError, guard, hashApiKey, MemoryRateLimitStore, MemoryReplayCache } from '../src/index.js';
import { takeToken } from '../src/rate-limit/token-bucket.js';
import { captureLog, context, loadEvent, quiet, restEvent } from '../testkit/fixtures.js';


/** A store that allows everything and records the bucket keys it is asked for. */
function recordingStore(): { keys: string[]; store: { consume: (key: string) => Promise<{ allowed: boolean; remaining: number; retryAfterMs: number }> } } {
  const keys: string[] = [];
  return { keys, store: { consume: async (key: string) => (keys.push(key), { allowed: true, remaining: 1, retryAfterMs: 0 }) } };
}

describe('token bucket', () => {
  const rule = { limit: 3, intervalMs: 3000 };

  it('allows a burst of `limit`, then refuses with the time until the next token', () => {
    let state;
    const decisions = [];
    for (let i = 0; i < 4; i++) {
      const step = takeToken(state, rule, 1000);
      state = step.state;
      decisions.push(step.decision);
    }
    assert.deepEqual(decisions.map((d) => d.allowed), [true, true, true, false]);
    assert.deepEqual(decisions.map((d) => d.remaining), [2, 1, 0, 0]);
    assert.equal(decisions[3]?.retryAfterMs, 1000);
  });

  it('refills at limit per interval and never above limit', () => {
    const empty = { tokens: 0, updatedAt: 0 };
    assert.equal(takeToken(empty, rule, 999).decision.allowed, false);
    assert.equal(takeToken(empty, rule, 1000).decision.allowed, true);
    assert.equal(takeToken(empty, rule, 1_000_000).decision.remaining, 2);
  });

  it('does not mint tokens when the clock goes backwards', () => {
    assert.equal(takeToken({ tokens: 0, updatedAt: 5000 }, rule, 1000).decision.allowed, false);
  });
});

describe('in-memory store', () => {
  it('keeps one bucket per key', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore(100, () => now);
    const rule = { limit: 2, intervalMs: 60_000 };
    const results = [];
    for (const key of ['a', 'a', 'a', 'b']) results.push((await store.consume(key, rule)).allowed);
    assert.deepEqual(results, [true, true, false, true]);
    now = 30_000;
    assert.equal((await store.consume('a', rule)).allowed, true);
  });

  it('counts every one of many concurrent calls exactly once', async () => {
    const store = new MemoryRateLimitStore();
    const rule = { limit: 25, intervalMs: 3_600_000 };
    const decisions = await Promise.all(Array.from({ length: 60 }, () => store.consume('k', rule)));
    assert.equal(decisions.filter((d) => d.allowed).length, 25);
  });

  it('bounds its memory by forgetting the oldest buckets', async () => {
    const store = new MemoryRateLimitStore(10);
    const rule = { limit: 1, intervalMs: 3_600_000 };
    for (let i = 0; i < 50; i++) await store.consume(`k${i}`, rule);
    assert.equal((await store.consume('k49', rule)).allowed, false, 'recent key kept');
    assert.equal((await store.consume('k0', rule)).allowed, true, 'oldest key forgotten');
  });
});

/** Counts the entries visited by every Map iteration while `run` executes: a scan of a map shows up here. */
async function mapEntriesVisited(run: () => Promise<void>): Promise<number> {
  const iteratorPrototype = Object.getPrototypeOf(new Map().keys()) as { next: () => unknown };
  const next = iteratorPrototype.next;
  let visited = 0;
  iteratorPrototype.next = function (this: unknown) {
    visited++;
    return next.call(this);
  };
  try {
    await run();
  } finally {
    iteratorPrototype.next = next;
  }
  return visited;
}

describe('in-memory stores under address rotation (work per call)', () => {
  it('takes constant work per new key once the rate-limit store is full of live buckets', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore(10_000, () => now);
    const rule = { limit: 5, intervalMs: 3_600_000 };
    for (let i = 0; i < 10_000; i++) await store.consume(`ip:10.0.${i >> 8}.${i & 255}`, rule);
    const visited = await mapEntriesVisited(async () => {
      for (let i = 0; i < 1_000; i++) await store.consume(`ip:rotated-${i}`, rule);
    });
    assert.ok(visited <= 2_000, `${visited} map entries visited for 1,000 new keys`);
  });

  it('keeps the hard cap and forgets expired buckets first', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore(3, () => now);
    const rule = { limit: 1, intervalMs: 1_000 };
    await store.consume('a', rule);
    await store.consume('b', rule);
    now = 10_000; // a and b have expired
    await store.consume('c', rule);
    await store.consume('d', rule);
    await store.consume('e', rule);
    assert.equal(store.size, 3);
    assert.equal((await store.consume('e', rule)).allowed, false, 'the newest bucket is kept');
  });

  it('takes constant work per new delivery once the replay cache is full', async () => {
    const cache = new MemoryReplayCache(10_000, () => 0);
    for (let i = 0; i < 10_000; i++) cache.remember(`stripe:${i}`, 600_000);
    const visited = await mapEntriesVisited(async () => {
      for (let i = 0; i < 1_000; i++) cache.remember(`stripe:new-${i}`, 600_000);
    });
    assert.ok(visited <= 2_000, `${visited} map entries visited for 1,000 new deliveries`);
    assert.equal(cache.remember('stripe:new-999', 600_000), false, 'recent entries kept');
  });
});

describe('rate limiting through the guard', () => {
  it('answers 429 with Retry-After per source IP, and logs rate_limited', async () => {
    const log = captureLog();
    const handler = guard(async () => ({ statusCode: 200, body: 'ok' }), {
      allow: ['apigw-rest', 'alb'],
      rateLimit: { limit: 2, intervalMs: 60_000 },
      logger: log.options,
    });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push(((await handler(loadEvent('apigw-rest'), context())) as any).statusCode);
    assert.deepEqual(codes, [200, 200, 429]);
    const limited = (await handler(loadEvent('apigw-rest'), context())) as any;
    assert.equal(limited.headers['retry-after'], '30');
    assert.deepEqual(JSON.parse(limited.body), { error: 'Too Many Requests', correlationId: context().awsRequestId });
    // Another client (the ALB peer, not the forged first X-Forwarded-For entry) has its own bucket.
    assert.equal(((await handler(loadEvent('alb'), context())) as any).statusCode, 200);
    const [record] = log.records();
    assert.equal(record?.['event'], 'rate_limited');
    assert.equal(record?.['details'].key, 'ip:198.51.100.7');
  });

  it('keys buckets by principal when authenticated', async () => {
    const { keys, store } = recordingStore();
    const handler = guard(async () => ({ statusCode: 200 }), {
      allow: ['apigw-rest'],
      auth: () => ({ id: 'user-1', scheme: 'jwt', claims: {} }),
      rateLimit: { limit: 5, intervalMs: 1000, store },
    });
    await handler(restEvent({}), context());
    assert.deepEqual(keys, ['before-auth:ip:198.51.100.7', 'jwt:user-1']);
  });

  it('throttles key guessing from one address before authentication (429, not 401 for ever)', async () => {
    const log = captureLog();
    const handler = guard(async () => ({ statusCode: 200 }), {
      allow: ['apigw-rest'],
      auth: apiKeyAuth({ keys: [{ id: 'partner-a', sha256: hashApiKey('fg_live_the_real_key_0123456789abcdef') }] }),
      rateLimit: { limit: 5, intervalMs: 60_000 },
      logger: log.options,
    });
    const codes = [];
    for (let i = 0; i < 1000; i++) {
      codes.push(((await handler(restEvent({ 'x-api-key': `guess-${i}` }), context())) as any).statusCode);
    }
    assert.deepEqual(codes.slice(0, 6), [401, 401, 401, 401, 401, 429]);
    assert.equal(codes.filter((c) => c === 401).length, 5);
    const limited = log.records().find((r) => r['event'] === 'rate_limited');
    assert.equal(limited?.['details'].key, 'before-auth:ip:198.51.100.7');
  });

  it('spends no verification on a throttled caller (a flood of bad tokens runs the authenticator `limit` times)', async () => {
    let verifications = 0;
    const handler = guard(async () => ({ statusCode: 200 }), {
      allow: ['apigw-rest'],
      auth: () => { verifications++; throw new AuthError('invalid token'); },
      rateLimit: { limit: 3, intervalMs: 60_000 },
      logger: quiet,
    });
    for (let i = 0; i < 50; i++) await handler(restEvent({ authorization: `Bearer forged.${i}.sig` }), context());
    assert.equal(verifications, 3);
  });

  it('keys the limit before authentication on the presented credential when the platform gives no address', async () => {
    const { keys, store } = recordingStore();
    const handler = guard(async () => ({ statusCode: 200 }), {
      allow: ['apigw-rest'],
      auth: () => ({ id: 'user-1', scheme: 'jwt', claims: {} }),
      rateLimit: { limit: 5, intervalMs: 1000, store },
      logger: quiet,
    });
    const event = restEvent({ authorization: 'Bearer abc.def.ghi' });
    delete event['requestContext'].identity.sourceIp;
    await handler(event, context());
    assert.equal(keys.length, 2);
    assert.match(keys[0]!, /^before-auth:credential:[A-Za-z0-9_-]{43}$/);
    assert.ok(!keys[0]!.includes('abc'), 'the credential itself is not a key');
    assert.equal(keys[1], 'jwt:user-1');
  });

  it('lets the limit before authentication be tuned or turned off', async () => {
    const keys: string[] = [];
    const rules: number[] = [];
    const store = {
      consume: async (key: string, rule: { limit: number }) => (keys.push(key), rules.push(rule.limit), { allowed: true, remaining: 1, retryAfterMs: 0 }),
    };
    const principal = () => ({ id: 'user-1', scheme: 'jwt' as const, claims: {} });
    const tuned = guard(async () => ({ statusCode: 200 }), {
      allow: ['apigw-rest'], auth: principal, logger: quiet,
      rateLimit: { limit: 5, intervalMs: 1000, store, beforeAuth: { limit: 50, key: () => 'office' } },
    });
    await tuned(restEvent({}), context());
    assert.deepEqual(keys, ['before-auth:office', 'jwt:user-1']);
    assert.deepEqual(rules, [50, 5]);
    keys.length = 0;
    const off = guard(async () => ({ statusCode: 200 }), {
      allow: ['apigw-rest'], auth: principal, logger: quiet,
      rateLimit: { limit: 5, intervalMs: 1000, store, beforeAuth: false },
    });
    await off(restEvent({}), context());
    assert.deepEqual(keys, ['jwt:user-1']);
  });

  it('fails closed when the store fails', async () => {
    const log = captureLog();
    const store = { consume: async () => Promise.reject(new Error('connection refused: redis://:hunter2@cache:6379')) };
    const handler = guard(async () => ({ statusCode: 200 }), { allow: ['apigw-rest'], rateLimit: { limit: 5, intervalMs: 1000, store }, logger: log.options });
    const response = (await handler(restEvent({}), context())) as any;
    assert.equal(response.statusCode, 500);
    assert.ok(!response.body.includes('redis'));
    assert.equal(log.records()[0]?.['event'], 'guard_error');
    assert.ok(!log.lines[0]?.includes('hunter2'), 'credentials in error messages are redacted');
  });

  it('rejects a nonsensical rule at wrap time', () => {
    assert.throws(() => guard(async () => 1, { allow: ['apigw-rest'], rateLimit: { limit: 0, intervalMs: 1000 } }), /limit/);
  });
});
