import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { guard } from '../src/index.js';
import { captureLog, context, loadEvent, quiet } from '../testkit/fixtures.js';

const Order = z.object({ orderId: z.string(), amount: z.number(), currency: z.string() });

describe('batch sources: per-record validation and partial failures', () => {
  it('SQS: reports invalid records and records whose handler threw, runs the rest', async () => {
    const event = loadEvent('sqs');
    event.Records[0].body = '{"orderId":"ord-1","amount":"not a number","currency":"EUR"}';
    event.Records[2].body = JSON.stringify({ orderId: 'ord-boom', amount: 1, currency: 'EUR' });
    const log = captureLog();
    const handled: string[] = [];
    const handler = guard(async (req) => {
      if (req.data.orderId === 'ord-boom') throw new Error('downstream unavailable');
      handled.push(req.data.orderId);
    }, { allow: ['sqs'], schema: Order, logger: log.options });
    const result = await handler(event, context());
    assert.deepEqual(result, {
      batchItemFailures: [{ itemIdentifier: event.Records[0].messageId }, { itemIdentifier: event.Records[2].messageId }],
    });
    assert.deepEqual(handled, ['ord-1011']);
    assert.deepEqual(log.records().map((r) => r['event']), ['validation_failed', 'handler_error']);
  });

  it('SQS: an all-valid batch reports no failures', async () => {
    const handler = guard(async () => undefined, { logger: quiet, allow: ['sqs'], schema: Order });
    assert.deepEqual(await handler(loadEvent('sqs'), context()), { batchItemFailures: [] });
  });

  it('SQS FIFO: fails every record after the first failure, to keep order', async () => {
    const event = loadEvent('sqs');
    for (const r of event.Records) r.eventSourceARN += '.fifo';
    event.Records[1].body = '{}';
    const handled: string[] = [];
    const handler = guard(async (req) => {
      handled.push(req.data.orderId);
    }, { logger: quiet, allow: ['sqs'], schema: Order });
    const result = (await handler(event, context())) as { batchItemFailures: unknown[] };
    assert.deepEqual(handled, ['ord-1010']);
    assert.deepEqual(result.batchItemFailures, [
      { itemIdentifier: event.Records[1].messageId },
      { itemIdentifier: event.Records[2].messageId },
    ]);
  });

  it('Kinesis: reports sequence numbers and stops at the first failure', async () => {
    const event = loadEvent('kinesis-stream');
    event.Records[0].kinesis.data = Buffer.from('not json').toString('base64');
    const handled: string[] = [];
    const handler = guard(async (req) => {
      handled.push(req.data.orderId);
    }, { logger: quiet, allow: ['kinesis-stream'], schema: Order });
    const result = await handler(event, context());
    assert.deepEqual(handled, []);
    assert.deepEqual(result, {
      batchItemFailures: event.Records.map((r: any) => ({ itemIdentifier: r.kinesis.sequenceNumber })),
    });
  });

  it('Kinesis: a valid batch runs every record', async () => {
    const handled: string[] = [];
    const handler = guard(async (req) => {
      handled.push(req.data.orderId);
    }, { logger: quiet, allow: ['kinesis-stream'], schema: Order });
    assert.deepEqual(await handler(loadEvent('kinesis-stream'), context()), { batchItemFailures: [] });
    assert.deepEqual(handled, ['ord-1041', 'ord-1042']);
  });

  it('DynamoDB Streams: validates the stream record and reports its SequenceNumber', async () => {
    const Change = z.object({ NewImage: z.object({ orderId: z.object({ S: z.string() }), amount: z.object({ N: z.string() }) }) });
    const event = loadEvent('dynamodb-stream');
    delete event.Records[1].dynamodb.NewImage.amount;
    const handled: string[] = [];
    const handler = guard(async (req) => {
      handled.push(req.data.NewImage.orderId.S);
    }, { logger: quiet, allow: ['dynamodb-stream'], schema: Change });
    const result = await handler(event, context());
    assert.deepEqual(handled, ['ord-1031']);
    assert.deepEqual(result, { batchItemFailures: [{ itemIdentifier: event.Records[1].dynamodb.SequenceNumber }] });
  });

  it('S3 through SQS: each message body is an S3 notification', async () => {
    const Notification = z.object({ Records: z.array(z.object({ s3: z.object({ object: z.object({ key: z.string() }) }) })) });
    const keys: string[] = [];
    const handler = guard(async (req) => {
      keys.push(...req.data.Records.map((r) => r.s3.object.key));
    }, { logger: quiet, allow: ['s3-sqs'], schema: Notification });
    assert.deepEqual(await handler(loadEvent('s3-sqs'), context()), { batchItemFailures: [] });
    assert.deepEqual(keys, ['incoming/ord-1006.json']);
  });

  it('SQS: a body that merely mentions "eventSource":"aws:s3" is an ordinary message, and allow: [sqs] takes the batch', async () => {
    const event = loadEvent('sqs');
    event.Records[0].body = JSON.stringify({ orderId: 'ord-1', amount: 1, currency: 'EUR', audit: { eventSource: 'aws:s3' } });
    const handled: string[] = [];
    const handler = guard(async (req) => {
      handled.push(req.data.orderId);
    }, { logger: quiet, allow: ['sqs'], schema: Order });
    assert.deepEqual(await handler(event, context()), { batchItemFailures: [] });
    assert.equal(handled.length, event.Records.length);
  });

  it('SQS: each record gets its own source; an S3 notification in a queue of orders fails that record only', async () => {
    const event = loadEvent('sqs');
    const s3Body = loadEvent('s3-sqs').Records[0].body;
    event.Records[1].body = s3Body;
    const log = captureLog();
    const handled: string[] = [];
    const onlySqs = guard(async (req) => {
      handled.push(`${req.source}:${req.data.orderId}`);
    }, { logger: log.options, allow: ['sqs'], schema: Order });
    assert.deepEqual(await onlySqs(event, context()), { batchItemFailures: [{ itemIdentifier: event.Records[1].messageId }] });
    assert.equal(handled.length, event.Records.length - 1);
    assert.ok(handled.every((h) => h.startsWith('sqs:')));
    assert.deepEqual(log.records().map((r) => [r['event'], r['details'].recordSource]), [['unexpected_source', 's3-sqs']]);

    const Notification = z.object({ Records: z.array(z.object({ s3: z.object({ object: z.object({ key: z.string() }) }) })) });
    const sources: string[] = [];
    const both = guard(async (req) => {
      sources.push(req.source);
    }, { logger: quiet, allow: ['sqs', 's3-sqs'], schemas: { sqs: Order, 's3-sqs': Notification } });
    assert.deepEqual(await both(event, context()), { batchItemFailures: [] });
    assert.deepEqual(sources, event.Records.map((_: unknown, i: number) => (i === 1 ? 's3-sqs' : 'sqs')));
  });

  it('SQS: a batch of S3 notifications is taken by allow: [s3-sqs] alone, record by record', async () => {
    const event = loadEvent('s3-sqs');
    const second = structuredClone(event.Records[0]);
    second.messageId = '059f36b4-87a3-44ab-83d2-661970000002';
    second.body = JSON.stringify({ orderId: 'ord-1', amount: 1, currency: 'EUR' });
    event.Records.push(second);
    const handler = guard(async () => undefined, { logger: quiet, allow: ['s3-sqs'] });
    assert.deepEqual(await handler(event, context()), { batchItemFailures: [{ itemIdentifier: second.messageId }] });
  });

  it('SNS through SQS: the notification envelope is unwrapped to its Message, record by record', async () => {
    const event = loadEvent('sns-sqs');
    const plain = structuredClone(loadEvent('sqs').Records[0]);
    event.Records.push(plain);
    const seen: string[] = [];
    const handler = guard(async (req) => {
      seen.push(`${req.source}:${req.data.orderId}`);
    }, { logger: quiet, allow: ['sqs', 'sns-sqs'], schema: Order });
    assert.deepEqual(await handler(event, context()), { batchItemFailures: [] });
    assert.deepEqual(seen, ['sns-sqs:ord-1201', 'sns-sqs:ord-1202', 'sqs:ord-1010']);

    const onlySqs = guard(async () => undefined, { logger: quiet, allow: ['sqs'], schema: Order });
    const result = (await onlySqs(event, context())) as { batchItemFailures: Array<{ itemIdentifier: string }> };
    assert.deepEqual(result.batchItemFailures.map((f) => f.itemIdentifier), [event.Records[0].messageId, event.Records[1].messageId]);
  });

  it('SNS through SQS with raw message delivery is an ordinary SQS message (the body is the message)', async () => {
    const event = loadEvent('sqs');
    const handler = guard(async (req) => req.source, { logger: quiet, allow: ['sns-sqs'], schema: Order });
    const result = (await handler(event, context())) as { batchItemFailures: unknown[] };
    assert.equal(result.batchItemFailures.length, event.Records.length);
  });

  it('passes the raw record to the handler alongside the data', async () => {
    const ids: string[] = [];
    const handler = guard(async (req) => {
      ids.push(String(req.record?.['messageId']));
    }, { logger: quiet, allow: ['sqs'] });
    const event = loadEvent('sqs');
    await handler(event, context());
    assert.deepEqual(ids, event.Records.map((r: any) => r.messageId));
  });
});
