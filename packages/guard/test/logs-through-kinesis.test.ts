import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { guard } from '../src/index.js';
import { context, loadEvent, quiet } from '../testkit/fixtures.js';

// What a CloudWatch Logs subscription filter writes to a Kinesis stream: gzipped JSON, base64 in the record.
const logsPayload = {
  messageType: 'DATA_MESSAGE',
  owner: '123456789012',
  logGroup: '/aws/lambda/orders-api',
  logStream: '2024/03/12/[$LATEST]6e2b1c9f0a8d4e7b9c1d2e3f4a5b6c7d',
  subscriptionFilters: ['to-kinesis'],
  logEvents: [
    { id: '38139924498476583934183846023430116483349372521512452096', timestamp: 1710270238000, message: 'START RequestId: 6e2b1c9f Version: $LATEST\n' },
    { id: '38139924498476583934183846023430116483349372521512452097', timestamp: 1710270238012, message: '{"level":"warn","event":"auth_failed"}\n' },
  ],
};
const gzipped = (value: unknown) => gzipSync(Buffer.from(JSON.stringify(value))).toString('base64');

const LogsData = z.object({
  messageType: z.string(),
  logGroup: z.string(),
  logEvents: z.array(z.object({ id: z.string(), timestamp: z.number(), message: z.string() })),
});

describe('CloudWatch Logs subscriptions through Kinesis', () => {
  it('decompresses gzipped records like the direct CloudWatch Logs source', async () => {
    const event = loadEvent('kinesis-stream');
    for (const record of event.Records) record.kinesis.data = gzipped(logsPayload);
    const groups: string[] = [];
    const handler = guard(async (req) => {
      groups.push(req.data.logGroup);
    }, { logger: quiet, allow: ['kinesis-stream'], schema: LogsData });
    assert.deepEqual(await handler(event, context()), { batchItemFailures: [] });
    assert.deepEqual(groups, event.Records.map(() => '/aws/lambda/orders-api'));
  });

  it('fails a gzip bomb record (and, the stream being ordered, those after it) without inflating it past the limit', async () => {
    const event = loadEvent('kinesis-stream');
    event.Records[0].kinesis.data = gzipped(logsPayload);
    event.Records[1].kinesis.data = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20)).toString('base64');
    const handler = guard(async () => undefined, { logger: quiet, allow: ['kinesis-stream'], schema: LogsData, limits: { maxBytes: 64 * 1024 } });
    assert.deepEqual(await handler(event, context()), { batchItemFailures: [{ itemIdentifier: event.Records[1].kinesis.sequenceNumber }] });
  });

  it('decompresses gzipped Firehose records too', async () => {
    const event = loadEvent('kinesis-firehose');
    for (const record of event.records) record.data = gzipped(logsPayload);
    const groups: string[] = [];
    const handler = guard(async (req) => (groups.push(req.data.logGroup), { result: 'Dropped' as const }), {
      logger: quiet, allow: ['kinesis-firehose'], schema: LogsData,
    });
    const response = (await handler(event, context())) as unknown as { records: Array<{ result: string }> };
    assert.deepEqual(response.records.map((r) => r.result), ['Dropped']);
    assert.deepEqual(groups, ['/aws/lambda/orders-api']);
  });
});
