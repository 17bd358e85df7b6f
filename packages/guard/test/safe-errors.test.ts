import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { ClientError, GuardError, guard } from '../src/index.js';
import { captureLog, context, loadEvent } from '../testkit/fixtures.js';

const HTTP_FIXTURES = ['apigw-rest', 'apigw-http', 'apigw-websocket', 'function-url', 'alb'] as const;

function failingHandler(log: ReturnType<typeof captureLog>) {
  return guard(
    async () => {
      const error = new Error('connect ECONNREFUSED 10.1.2.3:5432 password=hunter2 at /var/task/db.js');
      throw error;
    },
    { allow: [...HTTP_FIXTURES, 'sqs', 'eventbridge', 'apigw-authorizer-token'], logger: log.options },
  );
}

describe('safe errors', () => {
  for (const fixture of HTTP_FIXTURES) {
    it(`${fixture}: an unexpected error becomes a generic 500 with the correlation id only`, async () => {
      const log = captureLog();
      const response = (await failingHandler(log)(loadEvent(fixture), context('req-123'))) as any;
      assert.equal(response.statusCode, 500);
      assert.deepEqual(JSON.parse(response.body), { error: 'Internal Server Error', correlationId: 'req-123' });
      assert.equal(response.headers['x-correlation-id'], 'req-123');
      for (const leak of ['ECONNREFUSED', '10.1.2.3', 'hunter2', '/var/task', 'at ']) {
        assert.ok(!JSON.stringify(response).includes(leak), `response leaks ${leak}`);
      }
      if (fixture === 'alb') assert.equal(response.statusDescription, '500 Internal Server Error');
    });
  }

  it('logs the handler error (redacted) with correlation id, function and source', async () => {
    const log = captureLog();
    await failingHandler(log)(loadEvent('apigw-http'), context('req-456'));
    const [record] = log.records();
    assert.equal(record?.['event'], 'handler_error');
    assert.equal(record?.['level'], 'error');
    assert.equal(record?.['correlationId'], 'req-456');
    assert.equal(record?.['function'], 'orders-api');
    assert.equal(record?.['source'], 'apigw-http');
    assert.match(record?.['details'].message, /ECONNREFUSED/);
    assert.ok(!log.lines[0]?.includes('hunter2'));
  });

  it('never logs the raw event', async () => {
    const log = captureLog();
    const event = loadEvent('apigw-rest');
    event.body = JSON.stringify({ orderId: 'ord-UNIQUE-MARKER', amount: 'bad', currency: 'EUR' });
    const handler = guard(async () => ({ statusCode: 200 }), {
      allow: ['apigw-rest'],
      schema: z.object({ orderId: z.string(), amount: z.number() }),
      logger: log.options,
    });
    await handler(event, context());
    assert.equal(log.lines.length, 1);
    assert.ok(!log.lines[0]?.includes('ord-UNIQUE-MARKER'));
    assert.ok(!log.lines[0]?.includes('curl/8.5.0'));
  });

  it('keeps the status and message of a ClientError', async () => {
    const log = captureLog();
    const handler = guard(
      async () => {
        throw new ClientError(404, 'Order not found', { 'x-reason': 'missing' });
      },
      { allow: ['apigw-rest'], logger: log.options },
    );
    const response = (await handler(loadEvent('apigw-rest'), context('req-9'))) as any;
    assert.equal(response.statusCode, 404);
    assert.deepEqual(JSON.parse(response.body), { error: 'Order not found', correlationId: 'req-9' });
    assert.equal(response.headers['x-reason'], 'missing');
    assert.equal(log.lines.length, 0, 'an expected client error is not a security event');
    assert.throws(() => new ClientError(500, 'no'), RangeError);
  });

  it('rethrows a bare GuardError for non-HTTP sources, without message or stack of the cause', async () => {
    const log = captureLog();
    await assert.rejects(failingHandler(log)(loadEvent('eventbridge'), context('req-7')), (e: unknown) => {
      assert.ok(e instanceof GuardError);
      assert.equal(e.message, 'Rejected by guard: handler_error (correlation id req-7)');
      assert.equal(e.stack, `GuardError: ${e.message}`);
      assert.equal((e as { cause?: unknown }).cause, undefined);
      return true;
    });
  });

  it('answers an authorizer refusal with "Unauthorized", which API Gateway maps to 401', async () => {
    const handler = guard(async () => ({ principalId: 'x' }), { allow: ['apigw-authorizer-token'], schema: z.object({ authorizationToken: z.string().startsWith('Bearer ') }), logger: captureLog().options });
    const event = loadEvent('apigw-authorizer-token');
    event.authorizationToken = 'garbage';
    await assert.rejects(handler(event, context()), { message: 'Unauthorized' });
    assert.deepEqual(await handler(loadEvent('apigw-authorizer-token'), context()), { principalId: 'x' });
  });

  it('fails closed when something inside the guard itself throws', async () => {
    const log = captureLog();
    const handler = guard(async () => ({ statusCode: 200 }), {
      allow: ['apigw-rest'],
      auth: () => {
        throw new TypeError('bug in a custom authenticator');
      },
      logger: log.options,
    });
    const response = (await handler(loadEvent('apigw-rest'), context())) as any;
    assert.equal(response.statusCode, 500);
    assert.ok(!response.body.includes('bug'));
    assert.equal(log.records()[0]?.['event'], 'guard_error');
  });

  it('uses a random correlation id when the context has none', async () => {
    const response = (await failingHandler(captureLog())(loadEvent('apigw-rest'), {})) as any;
    assert.match(JSON.parse(response.body).correlationId, /^[0-9a-f-]{36}$/);
  });
});
