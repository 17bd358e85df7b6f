import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { context, loadEvent } from '../testkit/fixtures.js';

const exampleUrl = new URL('../../../../examples/guard-api/handler.js', import.meta.url);

describe('examples/guard-api end to end', () => {
  let server: Server;
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let handler: (event: unknown, context: unknown) => Promise<any>;

  before(async () => {
    keys = await generateKeyPair('RS256');
    const jwks = { keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256' }] };
    server = createServer((req, res) => res.end(JSON.stringify(jwks)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env['JWKS_URL'] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    process.env['JWT_ISSUER'] = 'https://auth.example.com/';
    process.env['JWT_AUDIENCE'] = 'orders-app';
    process.env['RATE_LIMIT_PER_MINUTE'] = '3';
    delete process.env['REDIS_URL'];
    ({ handler } = await import(exampleUrl.href));
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const token = (sub: string) =>
    new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject(sub).setIssuer('https://auth.example.com/')
      .setAudience('orders-app').setExpirationTime('5m').sign(keys.privateKey);

  async function post(body: unknown, authorization?: string) {
    const event = loadEvent('apigw-http');
    event.body = JSON.stringify(body);
    event.isBase64Encoded = false;
    if (authorization) event.headers.authorization = authorization;
    return handler(event, context(randomUUID()));
  }

  const order = () => ({ customerId: 'cus_A1b2C3d4', items: [{ sku: 'SKU-1', quantity: 2 }], currency: 'EUR', idempotencyKey: randomUUID() });

  it('creates an order for an authenticated user', async () => {
    const response = await post(order(), `Bearer ${await token('user-1')}`);
    assert.equal(response.statusCode, 201);
    assert.match(JSON.parse(response.body).id, /^ord_/);
  });

  it('answers 409 for a repeated idempotency key (a ClientError)', async () => {
    const body = order();
    const auth = `Bearer ${await token('user-2')}`;
    assert.equal((await post(body, auth)).statusCode, 201);
    const repeated = await post(body, auth);
    assert.equal(repeated.statusCode, 409);
    assert.equal(JSON.parse(repeated.body).error, 'Order already submitted');
  });

  it('refuses a missing token, an invalid body, and another trigger', async () => {
    assert.equal((await post(order())).statusCode, 401);
    assert.equal((await post({ ...order(), currency: 'BTC' }, `Bearer ${await token('user-3')}`)).statusCode, 400);
    await assert.rejects(handler(loadEvent('sqs'), context()), /Rejected by guard: unexpected_source/);
  });

  it('rate-limits each user separately', async () => {
    const auth = `Bearer ${await token('user-4')}`;
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await post(order(), auth)).statusCode);
    assert.deepEqual(codes, [201, 201, 201, 429]);
    assert.equal((await post(order(), `Bearer ${await token('user-5')}`)).statusCode, 201);
  });
});
