import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import middy from '@middy/core';
import { z } from 'zod';
import { apiKeyAuth, GuardError, guardMiddleware, hashApiKey, type GuardBatchItem, type GuardRequest } from '../src/index.js';
import { captureLog, context, loadEvent, restEvent } from '../testkit/fixtures.js';

const Order = z.object({ orderId: z.string(), amount: z.number(), currency: z.string() });
const lambdaContext = () => ({ ...context(), getRemainingTimeInMillis: () => 30_000 }) as any;

describe('guardMiddleware with @middy/core', () => {
  it('hands the handler the checked request', async () => {
    const handler = middy(async (event: GuardRequest) => ({ statusCode: 200, body: `${event.source}:${(event.data as any).orderId}:${event.principal?.id}` })).use(
      guardMiddleware({ allow: ['apigw-rest'], schema: Order, auth: apiKeyAuth({ keys: [{ id: 'ci', sha256: hashApiKey('key-123456') }] }), logger: captureLog().options }),
    );
    const response = await handler(restEvent({ 'x-api-key': 'key-123456' }) as any, lambdaContext());
    assert.deepEqual(response, { statusCode: 200, body: 'apigw-rest:ord-1:ci' });
  });

  it('ends the chain early with the refusal response for HTTP sources', async () => {
    let ran = false;
    const log = captureLog();
    const handler = middy(async () => {
      ran = true;
      return { statusCode: 200 };
    }).use(guardMiddleware({ allow: ['apigw-rest'], schema: Order, logger: log.options }));
    const response = (await handler(restEvent({}, { orderId: 1 }) as any, lambdaContext())) as any;
    assert.equal(ran, false);
    assert.equal(response.statusCode, 400);
    assert.equal(log.records()[0]?.['event'], 'validation_failed');
  });

  it('throws a GuardError for a refused non-HTTP event', async () => {
    const handler = middy(async () => 'ran').use(guardMiddleware({ allow: ['sqs'], logger: captureLog().options }));
    await assert.rejects(handler(loadEvent('eventbridge') as any, lambdaContext()), (e: unknown) => e instanceof GuardError && e.event === 'unexpected_source');
  });

  it('turns handler errors into a safe 500 and keeps ClientError-free internals private', async () => {
    const log = captureLog();
    const handler = middy(async () => {
      throw new Error('SELECT * FROM orders failed: syntax error near "x"');
    }).use(guardMiddleware({ allow: ['apigw-http'], logger: log.options }));
    const response = (await handler(loadEvent('apigw-http') as any, lambdaContext())) as any;
    assert.equal(response.statusCode, 500);
    assert.ok(!response.body.includes('SELECT'));
    assert.equal(log.records()[0]?.['event'], 'handler_error');
  });

  it('rethrows a bare GuardError for handler errors on non-HTTP sources', async () => {
    const handler = middy(async () => {
      throw new Error('internal detail');
    }).use(guardMiddleware({ allow: ['eventbridge'], logger: captureLog().options }));
    await assert.rejects(handler(loadEvent('eventbridge') as any, lambdaContext()), (e: unknown) => e instanceof GuardError && !e.message.includes('internal'));
  });

  it('passes only valid batch records and merges refused ones into batchItemFailures', async () => {
    const event = loadEvent('sqs');
    event.Records[1].body = '{"orderId":42}';
    const seen: string[] = [];
    const handler = middy(async (req: GuardRequest) => {
      const items = req.data as GuardBatchItem[];
      seen.push(...items.map((i) => (i.data as any).orderId));
      return { batchItemFailures: [{ itemIdentifier: items[1]!.itemId }] };
    }).use(guardMiddleware({ allow: ['sqs'], schema: Order, logger: captureLog().options }));
    const response = await handler(event as any, lambdaContext());
    assert.deepEqual(seen, ['ord-1010', 'ord-1012']);
    assert.deepEqual(response, {
      batchItemFailures: [{ itemIdentifier: event.Records[1].messageId }, { itemIdentifier: event.Records[2].messageId }],
    });
  });
});
