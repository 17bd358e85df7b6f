import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { guard, hmacAuth, MemoryReplayCache, signHmacSha256, type AuthInput } from '../src/index.js';
import { captureLog, context, loadEvent } from '../testkit/fixtures.js';

const SECRET = 'whsec_test_5f3c1e9a7b2d4c6e8f0a1b3c5d7e9f1a';
const BODY = JSON.stringify({ action: 'opened', number: 7, repository: { full_name: 'example/orders' } });
const NOW = Date.parse('2024-03-12T19:03:58Z');

function input(headers: Record<string, string>, rawBody = BODY): AuthInput {
  return { source: 'function-url', event: {}, request: { headers, rawBody, method: 'POST', path: '/webhook', sourceIp: undefined } };
}

async function refused(promise: unknown, reason: string): Promise<void> {
  await assert.rejects(Promise.resolve(promise), (e: any) => e.status === 401 && e.details.reason === reason);
}

describe('GitHub webhook signatures (X-Hub-Signature-256)', () => {
  const github = (headers: Record<string, string> = {}, body = BODY) =>
    input({ 'x-hub-signature-256': `sha256=${signHmacSha256(SECRET, body)}`, 'x-github-delivery': crypto.randomUUID(), ...headers }, body);

  it('accepts a valid signature', async () => {
    const auth = hmacAuth({ scheme: 'github', secret: SECRET });
    assert.deepEqual(await auth(github()), { id: 'webhook:github', scheme: 'hmac', claims: {} });
  });

  it('refuses a tampered body', async () => {
    const auth = hmacAuth({ scheme: 'github', secret: SECRET });
    const signed = github();
    await refused(auth({ ...signed, request: { ...signed.request, rawBody: BODY.replace('opened', 'closed') } }), 'bad signature');
  });

  it('refuses a signature made with another secret', async () => {
    const auth = hmacAuth({ scheme: 'github', secret: SECRET });
    await refused(auth(github({ 'x-hub-signature-256': `sha256=${signHmacSha256('wrong', BODY)}` })), 'bad signature');
  });

  it('refuses the wrong algorithm (a SHA-1 signature in the SHA-256 header)', async () => {
    const auth = hmacAuth({ scheme: 'github', secret: SECRET });
    const sha1 = createHmac('sha1', SECRET).update(BODY).digest('hex');
    await refused(auth(github({ 'x-hub-signature-256': `sha1=${sha1}` })), 'malformed signature header');
  });

  it('refuses a replayed delivery', async () => {
    const auth = hmacAuth({ scheme: 'github', secret: SECRET });
    const delivery = github({ 'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958' });
    assert.ok(await auth(delivery));
    await refused(auth(delivery), 'replayed request');
  });

  it('refuses a replay that only changes X-GitHub-Delivery, which the signature does not cover', async () => {
    const auth = hmacAuth({ scheme: 'github', secret: SECRET });
    assert.ok(await auth(github({ 'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958' })));
    await refused(auth(github({ 'x-github-delivery': 'a-fresh-delivery-id-chosen-by-the-attacker' })), 'replayed request');
  });

  it('remembers a delivery for the whole replay window, not twice the Stripe tolerance', async () => {
    let now = NOW;
    const auth = hmacAuth({
      scheme: 'github',
      secret: SECRET,
      replayWindowSeconds: 86_400,
      replayCache: new MemoryReplayCache(10_000, () => now),
    });
    assert.ok(await auth(github()));
    now += 601_000;
    await refused(auth(github()), 'replayed request');
    now += 86_400_000;
    assert.ok(await auth(github()), 'forgotten after the configured window');
  });

  it('ignores requests without the signature header, so other schemes may apply', async () => {
    const auth = hmacAuth({ scheme: 'github', secret: SECRET });
    assert.equal(await auth(input({})), null);
  });

  it('accepts either secret during a rotation', async () => {
    const auth = hmacAuth({ scheme: 'github', secret: ['new-secret-value', SECRET] });
    assert.ok(await auth(github()));
  });
});

describe('Stripe webhook signatures (Stripe-Signature)', () => {
  const stripeHeader = (t: number, body = BODY, secret = SECRET) => `t=${t},v1=${signHmacSha256(secret, `${t}.${body}`)},v0=0000`;
  const make = () => hmacAuth({ scheme: 'stripe', secret: SECRET, now: () => NOW });
  const t = Math.floor(NOW / 1000);

  it('accepts a valid, fresh signature', async () => {
    assert.equal((await make()(input({ 'stripe-signature': stripeHeader(t - 10) })))?.id, 'webhook:stripe');
  });

  it('refuses an expired timestamp (outside the 5 minute tolerance)', async () => {
    await refused(make()(input({ 'stripe-signature': stripeHeader(t - 301) })), 'signature timestamp outside tolerance');
    await refused(make()(input({ 'stripe-signature': stripeHeader(t + 301) })), 'signature timestamp outside tolerance');
  });

  it('refuses a tampered body or timestamp', async () => {
    await refused(make()(input({ 'stripe-signature': stripeHeader(t) }, BODY + ' ')), 'bad signature');
    const header = stripeHeader(t).replace(`t=${t}`, `t=${t - 1}`);
    await refused(make()(input({ 'stripe-signature': header })), 'bad signature');
  });

  it('refuses the wrong algorithm: only the v1 (HMAC-SHA256) scheme counts', async () => {
    const v0only = `t=${t},v0=${signHmacSha256(SECRET, `${t}.${BODY}`)}`;
    await refused(make()(input({ 'stripe-signature': v0only })), 'malformed signature header');
    const sha512 = createHmac('sha512', SECRET).update(`${t}.${BODY}`).digest('hex');
    await refused(make()(input({ 'stripe-signature': `t=${t},v1=${sha512}` })), 'malformed signature header');
  });

  it('refuses a replay of the same signed request within the tolerance', async () => {
    const auth = make();
    const header = stripeHeader(t);
    assert.ok(await auth(input({ 'stripe-signature': header })));
    await refused(auth(input({ 'stripe-signature': header })), 'replayed request');
  });

  it('refuses a replay with an unverified v1 entry prepended to the header', async () => {
    const auth = make();
    const header = stripeHeader(t);
    assert.ok(await auth(input({ 'stripe-signature': header })));
    for (let i = 0; i < 3; i++) {
      const decoy = `v1=${randomBytes(32).toString('hex')}`;
      const forged = header.replace(`t=${t},`, `t=${t},${decoy},`);
      await refused(auth(input({ 'stripe-signature': forged })), 'replayed request');
    }
  });

  it('accepts any of several v1 signatures (secret rotation on the sender side)', async () => {
    const header = `t=${t},v1=${signHmacSha256('old-secret', `${t}.${BODY}`)},v1=${signHmacSha256(SECRET, `${t}.${BODY}`)}`;
    assert.ok(await make()(input({ 'stripe-signature': header })));
  });

  it('verifies the exact bytes of a base64-encoded body through the guard', async () => {
    const log = captureLog();
    const handler = guard(async (req) => ({ statusCode: 200, body: req.principal?.id ?? '' }), {
      allow: ['function-url'],
      auth: hmacAuth({ scheme: 'stripe', secret: SECRET }),
      logger: log.options,
    });
    const now = Math.floor(Date.now() / 1000);
    const event = loadEvent('function-url');
    event.body = Buffer.from(BODY).toString('base64');
    event.isBase64Encoded = true;
    event.headers['stripe-signature'] = stripeHeader(now);
    assert.equal(((await handler(event, context())) as any).statusCode, 200);
    assert.equal(((await handler(event, context())) as any).statusCode, 401);
    assert.equal(log.records()[0]?.['details'].reason, 'replayed request');
  });
});
