import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { guard } from '../src/index.js';
import { captureLog, context, loadEvent } from '../testkit/fixtures.js';

async function answer(allow: 'apigw-rest' | 'apigw-http' | 'function-url' | 'alb' | 'apigw-websocket', event: unknown, raw = false) {
  const log = captureLog();
  let ran = false;
  const handler = guard(async () => ((ran = true), { statusCode: 200, body: 'ok' }), {
    allow: [allow],
    logger: log.options,
    ...(raw ? { schema: { schema: z.unknown(), envelope: 'raw' as const } } : {}),
  });
  const response = (await handler(event, context())) as { statusCode: number };
  return { status: response.statusCode, ran, reason: log.records()[0]?.['details']?.reason as string | undefined };
}

describe('envelope validation of HTTP events', () => {
  it('refuses a Function URL event without rawPath, in payload and in raw mode, before the handler runs', async () => {
    const event = loadEvent('function-url');
    delete event.rawPath;
    for (const raw of [false, true]) {
      const result = await answer('function-url', event, raw);
      assert.deepEqual(result, { status: 400, ran: false, reason: 'malformed event' });
    }
  });

  it('refuses body: null from an HTTP API or an ALB, which send a string or nothing', async () => {
    const http = loadEvent('apigw-http');
    http.body = null;
    assert.equal((await answer('apigw-http', http)).status, 400);
    const alb = loadEvent('alb');
    alb.body = null;
    assert.equal((await answer('alb', alb)).status, 400);
  });

  it('accepts body: null from a REST API, which sends it for requests without a body', async () => {
    const rest = loadEvent('apigw-rest');
    rest.body = null;
    rest.headers = null;
    assert.deepEqual(await answer('apigw-rest', rest), { status: 200, ran: true, reason: undefined });
  });

  it('refuses headers that are not an object, and a non-boolean isBase64Encoded', async () => {
    const http = loadEvent('apigw-http');
    http.headers = ['authorization: Bearer x'];
    assert.equal((await answer('apigw-http', http)).status, 400);
    const alb = loadEvent('alb');
    alb.isBase64Encoded = 'false';
    assert.equal((await answer('alb', alb)).status, 400);
  });

  it('accepts every sample HTTP event as it is', async () => {
    for (const source of ['apigw-rest', 'apigw-http', 'function-url', 'alb', 'apigw-websocket'] as const) {
      assert.equal((await answer(source, loadEvent(source))).ran, true, source);
    }
  });
});
