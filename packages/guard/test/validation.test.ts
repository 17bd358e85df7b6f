import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type } from 'arktype';
import * as v from 'valibot';
import { z } from 'zod';
import { GuardError, guard, jsonTextDepth, parseJsonSafely } from '../src/index.js';
import { captureLog, context, loadEvent, quiet } from '../testkit/fixtures.js';

const Order = z.object({ orderId: z.string().startsWith('ord-'), amount: z.number().positive(), currency: z.enum(['EUR', 'USD']) });

describe('validation envelopes', () => {
  // Each sample carries an order in its source's envelope; the schema sees the order itself.
  const single: ReadonlyArray<[string, string]> = [
    ['apigw-rest', 'ord-1001'],
    ['apigw-http', 'ord-1002'], // base64 body
    ['apigw-websocket', 'ord-1003'],
    ['function-url', 'ord-1004'],
    ['alb', 'ord-1005'],
    ['sns', 'ord-1020'],
    ['eventbridge', 'ord-1060'],
    ['iot', 'ord-1070'],
    ['direct', 'ord-1099'],
  ];
  for (const [fixture, orderId] of single) {
    it(`unwraps the ${fixture} payload`, async () => {
      const seen: string[] = [];
      const handler = guard(async (req) => {
        seen.push(req.data.orderId);
        return { statusCode: 200, body: '' };
      }, { logger: quiet, allow: ['apigw-rest', 'apigw-http', 'apigw-websocket', 'function-url', 'alb', 'sns', 'eventbridge', 'iot', 'direct'], schema: Order });
      await handler(loadEvent(fixture), context());
      assert.deepEqual(seen, [orderId]);
    });
  }

  it('unwraps every record of Kafka (MSK and self-managed) and MQ (ActiveMQ and RabbitMQ)', async () => {
    const Orders = z.array(Order);
    const seen: string[][] = [];
    const handler = guard(async (req) => {
      seen.push(req.data.map((o) => o.orderId));
    }, { logger: quiet, allow: ['kafka-msk', 'kafka-self-managed', 'mq'], schema: Orders });
    for (const fixture of ['kafka-msk', 'kafka-self-managed', 'mq', 'mq-rabbitmq']) {
      await handler(loadEvent(fixture), context());
    }
    assert.deepEqual(seen, [['ord-1081', 'ord-1082'], ['ord-1083'], ['ord-1090'], ['ord-1091']]);
  });

  it('unwraps each Firehose record for the schema', async () => {
    const seen: string[] = [];
    const handler = guard(async (req) => (seen.push(req.data.orderId), { result: 'Ok' as const }), {
      logger: quiet, allow: ['kinesis-firehose'], schema: Order,
    });
    await handler(loadEvent('kinesis-firehose'), context());
    assert.deepEqual(seen, ['ord-1050']);
  });

  it('decompresses CloudWatch Logs subscription data', async () => {
    const Logs = z.object({ logGroup: z.string(), logEvents: z.array(z.object({ message: z.string() })) });
    let group = '';
    const handler = guard(async (req) => {
      group = `${req.data.logGroup}: ${req.data.logEvents[0]?.message}`;
    }, { logger: quiet, allow: ['cloudwatch-logs'], schema: Logs });
    await handler(loadEvent('cloudwatch-logs'), context());
    assert.equal(group, '/aws/lambda/orders: ERROR order failed');
  });

  it('hands S3, SES, CodeCommit and S3-via-EventBridge their record or detail', async () => {
    const seen: unknown[] = [];
    const handler = guard(async (req) => {
      seen.push(req.data);
    }, {
      logger: quiet, allow: ['s3', 'ses', 'codecommit', 's3-eventbridge'],
      schemas: {
        s3: z.object({ s3: z.object({ object: z.object({ key: z.string() }) }) }).transform((r) => r.s3.object.key),
        ses: z.object({ ses: z.object({ mail: z.object({ source: z.string() }) }) }).transform((r) => r.ses.mail.source),
        codecommit: z.object({ eventSourceARN: z.string() }).transform((r) => r.eventSourceARN.split(':').pop()),
        's3-eventbridge': z.object({ object: z.object({ key: z.string() }) }).transform((d) => d.object.key),
      },
    });
    for (const fixture of ['s3', 'ses', 'codecommit', 's3-eventbridge']) await handler(loadEvent(fixture), context());
    assert.deepEqual(seen, ['incoming/ord-1006.json', 'janedoe@example.com', 'orders-service', 'incoming/ord-1007.json']);
  });

  it('validates the whole event with envelope "raw"', async () => {
    const Cognito = z.object({ triggerSource: z.literal('PreSignUp_SignUp'), request: z.object({ userAttributes: z.object({ email: z.string().email() }) }) });
    let email = '';
    const handler = guard(async (req) => {
      email = req.data.request.userAttributes.email;
      return req.event;
    }, { logger: quiet, allow: ['cognito-user-pool'], schemas: { 'cognito-user-pool': { schema: Cognito, envelope: 'raw' } } });
    await handler(loadEvent('cognito-user-pool'), context());
    assert.equal(email, 'jane@example.com');
  });

  it('types the handler input from the schema (checked by the compiler)', async () => {
    const handler = guard(async (req) => {
      const id: string = req.data.orderId;
      // @ts-expect-error amount is a number, so this line must not compile if typing works
      const wrong: string = req.data.amount;
      return `${id}/${typeof wrong}`;
    }, { logger: quiet, allow: ['direct'], schema: Order });
    assert.equal(await handler(loadEvent('direct'), context()), 'ord-1099/number');
  });

  it('types data per source with per-source schemas', async () => {
    const handler = guard(async (req) => {
      if (req.source === 'eventbridge') return req.data.orderId;
      return String(req.data.size);
    }, {
      logger: quiet, allow: ['eventbridge', 'direct'],
      schemas: { eventbridge: Order, direct: z.object({ size: z.number() }) },
    });
    assert.equal(await handler(loadEvent('eventbridge'), context()), 'ord-1060');
    assert.equal(await handler({ size: 3 }, context()), '3');
  });
});

describe('validation with any Standard Schema library', () => {
  const libraries = {
    zod: Order,
    valibot: v.object({ orderId: v.pipe(v.string(), v.startsWith('ord-')), amount: v.pipe(v.number(), v.minValue(0.01)), currency: v.picklist(['EUR', 'USD']) }),
    arktype: type({ orderId: /^ord-/, amount: 'number > 0', currency: "'EUR' | 'USD'" }),
  };
  for (const [name, schema] of Object.entries(libraries)) {
    it(`${name}: passes a valid body and refuses an invalid one with 400`, async () => {
      const log = captureLog();
      const handler = guard(async (req) => ({ statusCode: 200, body: JSON.stringify(req.data) }), {
        allow: ['apigw-rest'],
        schema,
        logger: log.options,
      });
      const ok = (await handler(loadEvent('apigw-rest'), context())) as { statusCode: number; body: string };
      assert.equal(ok.statusCode, 200);
      assert.equal(JSON.parse(ok.body).orderId, 'ord-1001');

      const bad = loadEvent('apigw-rest');
      bad.body = JSON.stringify({ orderId: 'x-1', amount: -5, currency: 'EUR' });
      const refused = (await handler(bad, context())) as { statusCode: number; body: string };
      assert.equal(refused.statusCode, 400);
      assert.deepEqual(JSON.parse(refused.body), { error: 'Invalid request', correlationId: context().awsRequestId });
      const [record] = log.records();
      assert.equal(record?.['event'], 'validation_failed');
      assert.ok(record?.['details'].issues.some((i: { path: string }) => i.path === 'amount'));
    });
  }

  it('returns issue paths and messages when exposeValidationIssues is set', async () => {
    const handler = guard(async () => ({ statusCode: 200 }), { logger: quiet, allow: ['apigw-rest'], schema: Order, exposeValidationIssues: true });
    const bad = loadEvent('apigw-rest');
    bad.body = JSON.stringify({ orderId: 'ord-1', amount: 'secret-value-123', currency: 'EUR' });
    const response = (await handler(bad, context())) as { body: string };
    const body = JSON.parse(response.body);
    assert.deepEqual(body.issues.map((i: { path: string }) => i.path), ['amount']);
  });

  it('refuses, at wrap time, a schema it cannot run', () => {
    assert.throws(() => guard(async () => 1, { logger: quiet, allow: ['direct'], schema: { schema: { parse: () => 1 } } as never }), /Standard Schema/);
    assert.throws(() => guard(async () => 1, { logger: quiet, allow: ['direct'], schema: { schema: Order, envelope: 'body' } as never }), /envelope/);
  });

  it('throws for a non-HTTP source so the platform retries', async () => {
    const handler = guard(async () => 'ok', { logger: quiet, allow: ['eventbridge'], schema: Order });
    const event = loadEvent('eventbridge');
    event.detail.amount = 'lots';
    await assert.rejects(handler(event, context()), (e: unknown) => e instanceof GuardError && e.event === 'validation_failed');
  });
});

describe('payload limits before parsing', () => {
  const handler = guard(async () => ({ statusCode: 200, body: 'ok' }), { logger: quiet, allow: ['apigw-rest'], limits: { maxBytes: 1024, maxDepth: 5 } });
  const send = async (body: string) => {
    const event = loadEvent('apigw-rest');
    event.body = body;
    return ((await handler(event, context())) as { statusCode: number }).statusCode;
  };

  it('accepts a payload within the limits', async () => {
    assert.equal(await send(JSON.stringify({ a: { b: { c: [1, 2, { d: 1 }] } } })), 200);
  });
  it('refuses an oversized body', async () => {
    assert.equal(await send(JSON.stringify({ pad: 'x'.repeat(2000) })), 400);
  });
  it('counts bytes, not characters', async () => {
    assert.equal(await send(JSON.stringify({ pad: 'é'.repeat(400) })), 200);
    assert.equal(await send(JSON.stringify({ pad: '€'.repeat(400) })), 400);
  });
  it('refuses nesting deeper than the limit, even far beyond the stack', async () => {
    assert.equal(await send('['.repeat(6) + ']'.repeat(6)), 400);
    assert.equal(await send('['.repeat(100_000) + ']'.repeat(100_000)), 400);
  });
  it('ignores brackets inside strings when measuring depth', () => {
    assert.equal(jsonTextDepth('{"a":"[[[[[[{{{{\\"[["}'), 1);
  });
  it('refuses __proto__ and constructor keys, however spelled', async () => {
    assert.equal(await send('{"a":{"__proto__":{"isAdmin":true}}}'), 400);
    assert.equal(await send('{"constructor":{"prototype":{"x":1}}}'), 400);
    assert.equal(await send('{"a":[{"\\u005f_proto__":1}]}'), 400);
    assert.equal(await send('{"note":"the __proto__ word in a value is fine"}'), 200);
  });
  it('refuses malformed JSON', async () => {
    assert.equal(await send('{"a":'), 400);
  });
  it('applies the key check to payloads the platform already parsed', async () => {
    const direct = guard(async () => 'ok', { logger: quiet, allow: ['direct'] });
    await assert.rejects(direct(JSON.parse('{"constructor":{"prototype":{}}}'), context()), GuardError);
    assert.equal(await direct({ fine: true }, context()), 'ok');
  });
  it('parseJsonSafely returns the parsed value', () => {
    assert.deepEqual(parseJsonSafely('{"a":[1,{"b":2}]}'), { a: [1, { b: 2 }] });
  });
});
