import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { guard } from '../src/index.js';
import { context, loadEvent, quiet } from '../testkit/fixtures.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function status(handler: (e: unknown, c: any) => Promise<unknown>, event: unknown): Promise<number> {
  return ((await handler(event, context())) as { statusCode: number }).statusCode;
}

describe('text payloads', () => {
  it('gives a text body of an ALB request to a schema that expects a string', async () => {
    const seen: unknown[] = [];
    const handler = guard(async (req) => (seen.push(req.data), { statusCode: 200, body: 'ok' }), {
      logger: quiet, allow: ['alb'], schema: z.string().min(1),
    });
    const event = loadEvent('alb');
    event.headers['content-type'] = 'text/plain';
    event.body = 'ship order ord-1001 today';
    assert.equal(await status(handler, event), 200);
    assert.deepEqual(seen, ['ship order ord-1001 today']);
  });

  it('hands a Function URL text body to a handler without a schema as it is', async () => {
    const handler = guard(async (req) => ({ statusCode: 200, body: typeof req.data }), { logger: quiet, allow: ['function-url'] });
    const event = loadEvent('function-url');
    event.body = b64('name=Ada&plan=pro');
    event.isBase64Encoded = true;
    assert.equal(((await handler(event, context())) as any).body, 'string');
  });

  it('gives a plain-text SNS message to a string schema, and a JSON scalar to a number schema', async () => {
    const text = guard(async (req) => req.data, { logger: quiet, allow: ['sns'], schema: z.string() });
    const event = loadEvent('sns');
    event.Records[0].Sns.Message = 'Disk usage above 90% on orders-db-1';
    assert.equal(await text(event, context()), 'Disk usage above 90% on orders-db-1');
    const number = guard(async (req) => req.data, { logger: quiet, allow: ['sns'], schema: z.number() });
    event.Records[0].Sns.Message = '42';
    assert.equal(await number(event, context()), 42);
  });

  it('fails only the Kinesis record that is not what its schema expects', async () => {
    const event = loadEvent('kinesis-stream');
    event.Records[0].kinesis.data = b64('temperature=21.5');
    const handled: unknown[] = [];
    const handler = guard(async (req) => {
      handled.push(req.data);
    }, { logger: quiet, allow: ['kinesis-stream'], schema: z.string() });
    const result = (await handler(event, context())) as { batchItemFailures: unknown[] };
    assert.deepEqual(handled, ['temperature=21.5']);
    // The second record is a JSON object: not the string its schema expects, so it alone fails.
    assert.deepEqual(result.batchItemFailures, [{ itemIdentifier: event.Records[1].kinesis.sequenceNumber }]);
  });

  it('parses JSON always with parse: json, never with parse: text', async () => {
    const strict = guard(async () => ({ statusCode: 200 }), {
      logger: quiet, allow: ['apigw-rest'], schema: { schema: z.unknown(), parse: 'json' },
    });
    const event = loadEvent('apigw-rest');
    event.body = 'plain text';
    assert.equal(await status(strict, event), 400);

    const raw = guard(async (req) => ({ statusCode: 200, body: req.data }), {
      logger: quiet, allow: ['apigw-rest'], schema: { schema: z.string(), parse: 'text' },
    });
    event.body = '{"orderId":"ord-1"}';
    assert.equal(((await raw(event, context())) as any).body, '{"orderId":"ord-1"}');
  });

  it('still refuses a body that starts as JSON but is malformed, and a text body against an object schema', async () => {
    const handler = guard(async () => ({ statusCode: 200 }), {
      logger: quiet, allow: ['apigw-rest'], schema: z.object({ orderId: z.string() }),
    });
    const event = loadEvent('apigw-rest');
    event.body = '{"orderId":';
    assert.equal(await status(handler, event), 400);
    event.body = 'orderId=ord-1';
    assert.equal(await status(handler, event), 400);
  });

  it('keeps a Firehose record that is not JSON as text; with parse: json it fails that record only', async () => {
    const event = loadEvent('kinesis-firehose');
    event.records[0].data = b64('127.0.0.1 - - [12/Mar/2024:19:03:58 +0000] "GET / HTTP/1.1" 200 512');
    const types: string[] = [];
    const handler = guard(async (req) => (types.push(typeof req.data), { result: 'Ok' as const }), { logger: quiet, allow: ['kinesis-firehose'] });
    await handler(event, context());
    assert.deepEqual(types, ['string']);
    const strict = guard(async () => ({ result: 'Ok' as const }), { logger: quiet, allow: ['kinesis-firehose'], parse: 'json' });
    const response = (await strict(event, context())) as unknown as { records: Array<{ result: string }> };
    assert.deepEqual(response.records.map((r) => r.result), ['ProcessingFailed']);
  });
});
