import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import { guard, MemoryReplayCache, type AuthInput } from '../src/index.js';
import { jwtAuth, type JwtOptions } from '../src/jwt.js';
import { captureLog, context, restEvent } from '../testkit/fixtures.js';

const ISSUER = 'https://auth.example.com/';
const AUDIENCE = 'orders-api';

let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
let ec: Awaited<ReturnType<typeof generateKeyPair>>;
let jwks: { keys: JWK[] };

before(async () => {
  rsa = await generateKeyPair('RS256', { extractable: true });
  ec = await generateKeyPair('ES256', { extractable: true });
  jwks = {
    keys: [
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ],
  };
});

function sign(claims: JWTPayload = {}, options: { expiresIn?: string | null; alg?: 'RS256' | 'ES256' } = {}) {
  const alg = options.alg ?? 'RS256';
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({ scope: 'orders:write', sub: 'user-42', iss: ISSUER, aud: AUDIENCE, iat: now, ...claims })
    .setProtectedHeader({ alg, kid: alg === 'RS256' ? 'rsa-1' : 'ec-1' });
  if (options.expiresIn !== null && claims.exp === undefined) jwt = jwt.setExpirationTime(options.expiresIn ?? '5m');
  return jwt.sign(alg === 'RS256' ? rsa.privateKey : ec.privateKey);
}

function input(token: string): AuthInput {
  const headers = { authorization: `Bearer ${token}` };
  return { source: 'apigw-rest', event: {}, request: { headers, rawBody: '', method: 'GET', path: '/', sourceIp: undefined } };
}

function auth(extra: Partial<JwtOptions> = {}) {
  return jwtAuth({ jwks, algorithms: ['RS256'], issuer: ISSUER, audience: AUDIENCE, ...extra } as JwtOptions);
}

async function refusedWith(promise: unknown, reason: string | RegExp): Promise<void> {
  await assert.rejects(Promise.resolve(promise), (e: any) => {
    assert.equal(e.status, 401);
    assert.match(String(e.details.reason), reason instanceof RegExp ? reason : new RegExp(reason));
    return true;
  });
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('JWT authentication', () => {
  it('accepts a valid token and exposes its subject and claims', async () => {
    const principal = await auth()(input(await sign()));
    assert.equal(principal?.id, 'user-42');
    assert.equal(principal?.scheme, 'jwt');
    assert.equal(principal?.claims['scope'], 'orders:write');
  });

  it('returns null (no credential) when there is no Authorization header', async () => {
    const none = { ...input('x'), request: { ...input('x').request, headers: {} } };
    assert.equal(await auth()(none), null);
  });

  it('refuses an expired token', async () => {
    const token = await sign({ exp: Math.floor(Date.now() / 1000) - 3600 }, { expiresIn: null });
    await refusedWith(auth()(input(token)), 'invalid token');
  });

  it('refuses a token without exp by default, and accepts it when exp is not required', async () => {
    const token = await sign({}, { expiresIn: null });
    await refusedWith(auth()(input(token)), 'invalid token');
    assert.equal((await auth({ requireExp: false })(input(token)))?.id, 'user-42');
  });

  it('refuses a tampered payload', async () => {
    const [header, , signature] = (await sign()).split('.');
    const forged = b64url({ sub: 'admin', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 });
    await refusedWith(auth()(input(`${header}.${forged}.${signature}`)), 'invalid token');
  });

  it('refuses a token signed with an algorithm outside the allow-list', async () => {
    await refusedWith(auth()(input(await sign({}, { alg: 'ES256' }))), 'invalid token');
    assert.equal((await auth({ algorithms: ['RS256', 'ES256'] })(input(await sign({}, { alg: 'ES256' }))))?.id, 'user-42');
  });

  it('refuses alg "none"', async () => {
    const payload = b64url({ sub: 'admin', iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 });
    await refusedWith(auth()(input(`${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.`)), /invalid token|malformed/);
  });

  it('refuses algorithm confusion: HS256 signed with the RSA public key', async () => {
    const publicPem = await exportSPKI(rsa.publicKey);
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .setSubject('admin').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m')
      .sign(new TextEncoder().encode(publicPem));
    await refusedWith(auth()(input(forged)), 'invalid token');
    await refusedWith(auth({ algorithms: ['RS256', 'ES256'] })(input(forged)), 'invalid token');
  });

  it('refuses to mix a key set with HS* algorithms, or a shared secret with asymmetric ones', () => {
    assert.throws(() => auth({ algorithms: ['RS256', 'HS256'] }), /HS\*/);
    assert.throws(() => jwtAuth({ secret: 's3cret-s3cret-s3cret-s3cret-s3cret', algorithms: ['RS256'], issuer: ISSUER, audience: AUDIENCE }), /HS\*/);
    assert.throws(() => auth({ algorithms: [] }), /empty/);
  });

  it('checks issuer and audience', async () => {
    await refusedWith(auth()(input(await sign({ iss: 'https://evil.example.com/' }))), 'invalid token');
    await refusedWith(auth()(input(await sign({ aud: 'another-api' }))), 'invalid token');
  });

  it('refuses a replayed single-use token when a replay cache is configured', async () => {
    const once = auth({ replayCache: new MemoryReplayCache() });
    const token = await sign({ jti: 'one-time-1' });
    assert.equal((await once(input(token)))?.id, 'user-42');
    await refusedWith(once(input(token)), 'replayed token');
    await refusedWith(once(input(await sign())), 'invalid token'); // no jti at all
  });

  it('remembers a jti without exp for the configured window, not one second', async () => {
    let now = Date.now();
    const cache = new MemoryReplayCache(10_000, () => now);
    const once = auth({ requireExp: false, replayCache: cache, replayWindowSeconds: 3600, now: () => now });
    const token = await sign({ jti: 'no-exp-1' }, { expiresIn: null });
    assert.equal((await once(input(token)))?.id, 'user-42');
    now += 2_000;
    await refusedWith(once(input(token)), 'replayed token');
    now += 3_600_000 + 30_000; // past the window and the clock tolerance: forgotten, so refused by age
    await refusedWith(once(input(token)), 'token older than the replay window');
    await refusedWith(once(input(await sign({ jti: 'no-iat', iat: undefined }, { expiresIn: null }))), 'token without exp or iat');
    const withExp = await sign({ jti: 'exp-no-iat', iat: undefined }, { expiresIn: '5m' });
    const fresh = auth({ requireExp: false, replayCache: new MemoryReplayCache(), replayWindowSeconds: 3600 });
    assert.ok(await fresh(input(withExp)), 'a token with exp needs no iat');
  });

  it('remembers a jti until exp plus the clock tolerance, as long as jose accepts the token', async () => {
    let now = Date.now();
    const cache = new MemoryReplayCache(10_000, () => now);
    const once = auth({ replayCache: cache, clockToleranceSeconds: 300, now: () => now });
    const token = await sign({ jti: 'short-lived-1' }, { expiresIn: '10s' });
    assert.ok(await once(input(token)));
    now += 200_000; // expired 190 s ago, still within the 300 s tolerance
    await refusedWith(once(input(token)), 'replayed token');
  });

  it('refuses to make tokens without exp single-use without a replay window', () => {
    assert.throws(() => auth({ requireExp: false, replayCache: new MemoryReplayCache() }), /replayWindowSeconds/);
  });

  it('refuses a malformed Authorization header', async () => {
    const bad = { ...input('x'), request: { ...input('x').request, headers: { authorization: 'Token abc' } } };
    await refusedWith(auth()(bad), 'malformed bearer token');
  });

  it('verifies HS256 tokens with a shared secret', async () => {
    const secret = 'a-shared-secret-of-enough-length-123';
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('svc').setIssuer(ISSUER)
      .setAudience(AUDIENCE).setExpirationTime('1m').sign(new TextEncoder().encode(secret));
    const hs = jwtAuth({ secret, algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    assert.equal((await hs(input(token)))?.id, 'svc');
    const other = jwtAuth({ secret: 'another-secret-of-enough-length-456', algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    await refusedWith(other(input(token)), 'invalid token');
  });

  it('refuses the request with 401 through the guard, and logs auth_failed', async () => {
    const log = captureLog();
    const handler = guard(async (req) => ({ statusCode: 200, body: req.principal?.id ?? '' }), {
      allow: ['apigw-rest'],
      auth: auth(),
      logger: log.options,
    });
    const ok = (await handler(restEvent({ Authorization: `Bearer ${await sign()}` }), context())) as any;
    assert.deepEqual([ok.statusCode, ok.body], [200, 'user-42']);
    const expired = await sign({ exp: 1 }, { expiresIn: null });
    const refused = (await handler(restEvent({ Authorization: `Bearer ${expired}` }), context())) as any;
    assert.equal(refused.statusCode, 401);
    assert.deepEqual(JSON.parse(refused.body), { error: 'Unauthorized', correlationId: context().awsRequestId });
    const missing = (await handler(restEvent({}), context())) as any;
    assert.equal(missing.statusCode, 401);
    assert.deepEqual(log.records().map((r) => [r['event'], r['details'].reason]), [
      ['auth_failed', 'invalid token'],
      ['auth_failed', 'no credential'],
    ]);
    assert.ok(!log.lines.join('').includes(expired), 'the token itself is never logged');
  });
});

describe('JWT with a remote JWKS', () => {
  let server: Server;
  let fetches = 0;
  let url = '';

  before(async () => {
    server = createServer((req, res) => {
      fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  after(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));

  it('fetches the key set once and serves later verifications from the cache', async () => {
    const remote = jwtAuth({ jwksUri: url, algorithms: ['RS256'], issuer: ISSUER, audience: AUDIENCE });
    for (let i = 0; i < 5; i++) assert.equal((await remote(input(await sign())))?.id, 'user-42');
    assert.equal(fetches, 1);
  });

  it('fails with 503, not 401, when the key set cannot be fetched', async () => {
    const broken = createServer((req, res) => {
      res.statusCode = 500;
      res.end('oops');
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (broken.address() as AddressInfo).port;
      const remote = jwtAuth({ jwksUri: `http://127.0.0.1:${port}/jwks`, algorithms: ['RS256'], issuer: ISSUER, audience: AUDIENCE });
      await assert.rejects(Promise.resolve(remote(input(await sign()))), (e: any) => e.status === 503 && e.details.reason === 'jwks unavailable');
      // A refused token is still refused as such, before any key is fetched.
      await refusedWith(remote(input(await sign({}, { alg: 'ES256' }))), 'invalid token');
    } finally {
      broken.closeAllConnections();
      await new Promise<void>((resolve) => broken.close(() => resolve()));
    }
  });
});
