import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import middy from '@middy/core';
import { z } from 'zod';
import { guard, guardMiddleware, type GuardBatchItem, type GuardRequest } from '../src/index.js';
import { captureLog, context, loadEvent } from '../testkit/fixtures.js';

const Order = z.object({ orderId: z.string(), amount: z.number(), currency: z.string() });
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64');

/** A Firehose transformation event of three records, the second not an order. */
function threeRecords() {
  const event = loadEvent('kinesis-firehose');
  const [first] = event.records;
  event.records = [
    first,
    { ...first, recordId: '49546986683135544286507457936321625675700192471156785155', data: b64({ orderId: 42 }) },
    { ...first, recordId: '49546986683135544286507457936321625675700192471156785156', data: b64({ orderId: 'ord-1051', amount: 5, currency: 'GBP' }) },
  ];
  return event;
}

describe('Firehose transformation: per-record results', () => {
  it('reports an invalid record as ProcessingFailed with its id and keeps transforming the others', async () => {
    const event = threeRecords();
    const log = captureLog();
    const handler = guard(async (req) => ({ result: 'Ok' as const, data: b64(`${req.data.orderId},${req.data.amount}\n`) }), {
      allow: ['kinesis-firehose'], schema: Order, logger: log.options,
    });
    const response = (await handler(event, context())) as unknown as { records: Array<{ recordId: string; result: string; data: string }> };
    assert.deepEqual(response.records, [
      { recordId: event.records[0].recordId, result: 'Ok', data: b64('ord-1050,90\n') },
      { recordId: event.records[1].recordId, result: 'ProcessingFailed', data: event.records[1].data },
      { recordId: event.records[2].recordId, result: 'Ok', data: b64('ord-1051,5\n') },
    ]);
    assert.deepEqual(log.records().map((r) => [r['event'], r['details'].itemId]), [['validation_failed', event.records[1].recordId]]);
  });

  it('reports ProcessingFailed for a record whose handler threw or returned no Firehose result', async () => {
    const event = threeRecords();
    const handler = guard(async (req) => {
      if ((req.data as any).orderId === 'ord-1050') throw new Error('enrichment service down');
      return 'not a result';
    }, { allow: ['kinesis-firehose'], logger: captureLog().options });
    const response = (await handler(event, context())) as unknown as { records: Array<{ result: string }> };
    assert.deepEqual(response.records.map((r) => r.result), ['ProcessingFailed', 'ProcessingFailed', 'ProcessingFailed']);
    const dropped = guard(async () => ({ result: 'Dropped' as const }), { allow: ['kinesis-firehose'], logger: captureLog().options });
    const kept = (await dropped(event, context())) as { records: Array<{ result: string; data: string }> };
    assert.deepEqual(kept.records.map((r) => [r.result, r.data]), event.records.map((r: any) => ['Dropped', r.data]));
  });

  it('with middy: passes the valid records and adds the refused ones as ProcessingFailed', async () => {
    const event = threeRecords();
    const handler = middy(async (req: GuardRequest) => ({
      records: (req.data as GuardBatchItem[]).map((item) => ({ recordId: item.itemId, result: 'Ok', data: b64((item.data as any).orderId) })),
    })).use(guardMiddleware({ allow: ['kinesis-firehose'], schema: Order, logger: captureLog().options }));
    const response = (await handler(event as any, {} as any)) as { records: Array<{ recordId: string; result: string }> };
    assert.deepEqual(response.records.map((r) => [r.recordId, r.result]), [
      [event.records[0].recordId, 'Ok'],
      [event.records[2].recordId, 'Ok'],
      [event.records[1].recordId, 'ProcessingFailed'],
    ]);
  });
});
