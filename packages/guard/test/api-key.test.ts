import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiKeyAuth, guard, hashApiKey, type AuthInput } from '../src/index.js';
import { captureLog, context, restEvent } from '../testkit/fixtures.js';

const KEY = 'fg_live_6f1c0a8e4b2d4e7f9a3c5b1d2e8f0a7c';
const OTHER = 'fg_live_0b9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c';

function input(headers: Record<string, string>): AuthInput {
  return { source: 'apigw-http', event: {}, request: { headers, rawBody: '', method: 'GET', path: '/', sourceIp: undefined } };
}

const keys = [
  { id: 'partner-a', sha256: hashApiKey(KEY) },
  { id: 'partner-b', sha256: hashApiKey(OTHER), expiresAt: new Date('2024-01-01T00:00:00Z') },
];

async function refused(call: () => unknown, reason: string): Promise<void> {
  await assert.rejects(async () => call(), (e: any) => e.status === 401 && e.details.reason === reason);
}

describe('API keys', () => {
  const auth = apiKeyAuth({ keys });

  it('stores keys as SHA-256 hashes', () => {
    assert.match(hashApiKey(KEY), /^[0-9a-f]{64}$/);
    assert.notEqual(hashApiKey(KEY), hashApiKey(OTHER));
  });

  it('accepts a valid key and names its owner', async () => {
    assert.deepEqual(await auth(input({ 'x-api-key': KEY })), { id: 'partner-a', scheme: 'api-key', claims: {} });
  });

  it('refuses a tampered key (one character changed)', async () => {
    await refused(() => auth(input({ 'x-api-key': KEY.slice(0, -1) + 'd' })), 'unknown api key');
  });

  it('refuses an expired key', async () => {
    await refused(() => auth(input({ 'x-api-key': OTHER })), 'expired api key');
    const later = apiKeyAuth({ keys, now: () => Date.parse('2023-06-01T00:00:00Z') });
    assert.equal((await later(input({ 'x-api-key': OTHER })))?.id, 'partner-b');
  });

  it('ignores a key sent in another header (no credential for this scheme)', async () => {
    assert.equal(await auth(input({ authorization: `Bearer ${KEY}` })), null);
  });

  it('reads a custom header', async () => {
    const custom = apiKeyAuth({ keys, header: 'X-Partner-Key' });
    assert.equal((await custom(input({ 'x-partner-key': KEY })))?.id, 'partner-a');
  });

  it('refuses stored keys that are not SHA-256 hex digests', () => {
    assert.throws(() => apiKeyAuth({ keys: [{ id: 'x', sha256: 'md5:0cc175b9c0f1b6a831c399e269772661' }] }), /64 hex/);
  });

  it('answers 401 through the guard and reads multi-value headers', async () => {
    const handler = guard(async (req) => ({ statusCode: 200, body: req.principal?.id ?? '' }), { allow: ['apigw-rest'], auth: apiKeyAuth({ keys }), logger: captureLog().options });
    const ok = (await handler(restEvent({ 'X-Api-Key': KEY }), context())) as any;
    assert.deepEqual([ok.statusCode, ok.body], [200, 'partner-a']);
    const bad = (await handler(restEvent({ 'X-Api-Key': 'guess' }), context())) as any;
    assert.equal(bad.statusCode, 401);
  });
});
