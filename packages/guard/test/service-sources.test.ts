import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { describe, it } from 'node:test';
import { z } from 'zod';
import middy from '@middy/core';
import { apiKeyAuth, ClientError, GuardError, guard, guardMiddleware, hashApiKey, type SourceName } from '../src/index.js';
import { captureLog, context, loadEvent, quiet } from '../testkit/fixtures.js';

/** Runs a guard that records what its handler was given, for one fixture. */
async function payloadOf(fixture: string, source: SourceName, mutate: (e: any) => void = () => undefined): Promise<unknown> {
  let seen: unknown = 'handler did not run';
  const handler = guard(async (req) => {
    seen = req.data;
    return 'ok';
  }, { allow: [source], logger: quiet });
  const event = loadEvent(fixture);
  mutate(event);
  await handler(event, context());
  return seen;
}

describe('payload envelopes of service invocations', () => {
  it('AppSync resolver: the field arguments', async () => {
    assert.deepEqual(await payloadOf('appsync-resolver', 'appsync-resolver'), { id: 'order-17' });
  });

  it('AppSync Events: the published payloads, none on subscribe', async () => {
    assert.deepEqual(await payloadOf('appsync-events', 'appsync-events'), [{ orderId: 'order-17', status: 'shipped' }]);
    const subscribe = await payloadOf('appsync-events', 'appsync-events', (e) => {
      e.info.operation = 'SUBSCRIBE';
      delete e.events;
    });
    assert.deepEqual(subscribe, []);
  });

  it('VPC Lattice (v1 and v2): the body, base64-decoded, like other HTTP sources', async () => {
    const v1 = await payloadOf('vpc-lattice', 'vpc-lattice', (e) => {
      e.method = 'POST';
      e.body = Buffer.from('{"orderId":"order-17"}').toString('base64');
      e.is_base64_encoded = true;
    });
    assert.deepEqual(v1, { orderId: 'order-17' });
    const v2 = await payloadOf('vpc-lattice-v2', 'vpc-lattice', (e) => {
      e.method = 'POST';
      e.body = '{"orderId":"order-18"}';
    });
    assert.deepEqual(v2, { orderId: 'order-18' });
    assert.equal(await payloadOf('vpc-lattice-v2', 'vpc-lattice'), undefined);
  });

  it('S3 Object Lambda: the user request (URL and headers)', async () => {
    const data = (await payloadOf('s3-object-lambda', 's3-object-lambda')) as { url: string };
    assert.equal(data.url, 'https://redact-123456789012.s3-object-lambda.eu-west-1.amazonaws.com/report.csv');
  });

  it('CloudFormation custom resource: the ResourceProperties', async () => {
    const data = (await payloadOf('cloudformation-custom-resource', 'cloudformation-custom-resource')) as Record<string, unknown>;
    assert.equal(data['TableName'], 'orders');
  });

  it('Transfer Family identity provider: what the client presented', async () => {
    assert.deepEqual(await payloadOf('transfer-identity-provider', 'transfer-identity-provider'), {
      username: 'partner-upload', password: 'not-a-real-password', protocol: 'SFTP', sourceIp: '198.51.100.23',
    });
  });

  it('Amazon Connect: the flow parameters', async () => {
    assert.deepEqual(await payloadOf('connect', 'connect'), { orderId: 'order-17' });
  });

  it('CodePipeline: the action UserParameters, read as text', async () => {
    assert.deepEqual(await payloadOf('codepipeline', 'codepipeline'), { stage: 'prod' });
  });

  it('Alexa: the request, or the Smart Home directive', async () => {
    const request = (await payloadOf('alexa', 'alexa')) as { type: string };
    assert.equal(request.type, 'IntentRequest');
    const directive = (await payloadOf('alexa-smart-home', 'alexa')) as { header: { namespace: string } };
    assert.equal(typeof directive.header.namespace, 'string');
  });

  it('Lex V1 and V2: transcript, intent and slot values, in one shape', async () => {
    assert.deepEqual(await payloadOf('lex', 'lex'), {
      inputTranscript: 'where is order 17', intent: 'CheckOrder', slots: { OrderId: 'order-17' },
    });
    assert.deepEqual(await payloadOf('lex-v2', 'lex'), {
      inputTranscript: 'where is order 17', intent: 'CheckOrder', slots: { OrderId: 'order-17', Channel: null },
    });
  });

  it('Bedrock agent: parameters and request body properties by name', async () => {
    assert.deepEqual(await payloadOf('bedrock-agent', 'bedrock-agent'), {
      parameters: { id: 'order-17' }, body: { note: 'leave at the door' },
    });
    assert.deepEqual(await payloadOf('bedrock-agent-function', 'bedrock-agent'), { parameters: { orderId: 'order-17' } });
  });

  it('CloudFront (Lambda@Edge): the record\'s cf, with the viewer\'s request', async () => {
    const cf = (await payloadOf('cloudfront', 'cloudfront')) as { config: { eventType: string }; request: { uri: string; querystring: string } };
    assert.equal(cf.config.eventType, 'viewer-request');
    assert.equal(cf.request.uri, '/picture.jpg');
    assert.equal(cf.request.querystring, 'size=large');
  });

  it('Secrets Manager rotation: the event itself (no caller payload)', async () => {
    const data = (await payloadOf('secrets-manager-rotation', 'secrets-manager-rotation')) as { Step: string };
    assert.equal(data.Step, 'createSecret');
  });

  it('Kinesis Data Analytics: each record decoded, answered record by record', async () => {
    const seen: unknown[] = [];
    const handler = guard(async (req) => {
      seen.push(req.data);
      return { result: 'Ok' as const };
    }, { allow: ['kinesis-analytics'], logger: quiet, schema: z.object({ orderId: z.string() }) });
    const event = loadEvent('kinesis-analytics');
    event.records.push({ ...event.records[0], recordId: 'bad', data: Buffer.from('{"orderId":7}').toString('base64') });
    const response = (await handler(event, context())) as { records: Array<{ recordId: string; result: string }> };
    assert.deepEqual(seen, [{ orderId: 'order-17' }]);
    assert.deepEqual(response.records.map((r) => [r.recordId, r.result]), [
      [event.records[0].recordId, 'Ok'],
      ['bad', 'ProcessingFailed'],
    ]);
  });

  it('refuses a Lex or Bedrock event whose payload fails the schema, without running the handler', async () => {
    const handler = guard(async () => {
      throw new Error('must not run');
    }, { allow: ['lex'], logger: quiet, schema: z.object({ slots: z.object({ OrderId: z.string().startsWith('ord-') }) }) });
    const response = (await handler(loadEvent('lex-v2'), context())) as any;
    assert.equal(response.sessionState.intent.state, 'Failed');
  });
});

describe('what a refused or failed service invocation answers', () => {
  it('VPC Lattice gets an HTTP response with a status description, not a thrown error', async () => {
    for (const fixture of ['vpc-lattice', 'vpc-lattice-v2']) {
      const handler = guard(async () => 'ok', { allow: ['vpc-lattice'], logger: quiet, schema: z.object({ orderId: z.string() }) });
      const response = (await handler(loadEvent(fixture), context())) as any;
      assert.equal(response.statusCode, 400, fixture);
      assert.equal(response.statusDescription, '400 Bad Request');
      assert.equal(response.isBase64Encoded, false);
      assert.deepEqual(JSON.parse(response.body), { error: 'Invalid request', correlationId: context().awsRequestId });
      const failing = guard(async () => {
        throw new Error('db password is hunter2');
      }, { allow: ['vpc-lattice'], logger: quiet });
      const failed = (await failing(loadEvent(fixture), context())) as any;
      assert.equal(failed.statusCode, 500);
      assert.doesNotMatch(failed.body, /hunter2/);
      const notFound = guard(async () => {
        throw new ClientError(404, 'Order not found');
      }, { allow: ['vpc-lattice'], logger: quiet });
      assert.equal(((await notFound(loadEvent(fixture), context())) as any).statusCode, 404);
    }
  });

  it('VPC Lattice: API keys are read from its headers (v2 lists each header\'s values)', async () => {
    const handler = guard(async (req) => ({ statusCode: 200, body: req.principal?.id ?? '' }), {
      allow: ['vpc-lattice'], logger: quiet, auth: apiKeyAuth({ keys: [{ id: 'billing', sha256: hashApiKey('lattice-key-0123456789') }] }),
    });
    const v2 = loadEvent('vpc-lattice-v2');
    v2.headers['x-api-key'] = ['lattice-key-0123456789'];
    assert.deepEqual(await handler(v2, context()), { statusCode: 200, body: 'billing' });
    const v1 = loadEvent('vpc-lattice');
    v1.headers['x-api-key'] = 'wrong-key-0123456789';
    const refused = (await handler(v1, context())) as any;
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.statusDescription, '401 Unauthorized');
  });

  it('with middy, a refused Lex event ends the chain with the Close answer', async () => {
    let ran = false;
    const handler = middy(async () => {
      ran = true;
      return 'handled';
    }).use(guardMiddleware({ allow: ['lex'], logger: quiet, schema: z.object({ intent: z.literal('CancelOrder') }) }));
    const response = (await handler(loadEvent('lex-v2') as never, { ...context(), getRemainingTimeInMillis: () => 30_000 } as never)) as any;
    assert.equal(ran, false);
    assert.equal(response.sessionState.intent.state, 'Failed');
  });

  it('VPC Lattice: a malformed event is refused with 400', async () => {
    const handler = guard(async () => 'ok', { allow: ['vpc-lattice'], logger: quiet });
    const event = loadEvent('vpc-lattice');
    event.is_base64_encoded = 'yes';
    event.raw_path = 42;
    // Not the Lattice shape any more: refused as a direct invocation.
    await assert.rejects(handler(event, context()), GuardError);
    const v2 = loadEvent('vpc-lattice-v2');
    v2.body = null;
    const response = (await handler(v2, context())) as any;
    assert.equal(response.statusCode, 400);
  });

  it('Lex V2: a Close response that fails the intent', async () => {
    const handler = guard(async () => {
      throw new Error('boom');
    }, { allow: ['lex'], logger: quiet });
    const response = (await handler(loadEvent('lex-v2'), context())) as any;
    assert.deepEqual(response.sessionState.dialogAction, { type: 'Close' });
    assert.deepEqual(response.sessionState.intent, { ...loadEvent('lex-v2').sessionState.intent, state: 'Failed' });
  });

  it('Lex V1: a Close dialog action with fulfillmentState Failed', async () => {
    const handler = guard(async () => 'ok', { allow: ['lex'], logger: quiet, schema: z.object({ slots: z.object({ OrderId: z.null() }) }) });
    const response = (await handler(loadEvent('lex'), context())) as any;
    assert.deepEqual(response, { sessionAttributes: {}, dialogAction: { type: 'Close', fulfillmentState: 'Failed' } });
  });

  it('Bedrock agent: a failure the agent can read (API schema: HTTP status; function: FAILURE)', async () => {
    const Strict = z.object({ parameters: z.object({ id: z.string().startsWith('ord-') }) });
    const api = guard(async () => 'ok', { allow: ['bedrock-agent'], logger: quiet, schema: Strict });
    const apiResponse = (await api(loadEvent('bedrock-agent'), context())) as any;
    assert.equal(apiResponse.messageVersion, '1.0');
    assert.equal(apiResponse.response.actionGroup, 'orders');
    assert.equal(apiResponse.response.apiPath, '/orders/{id}/notes');
    assert.equal(apiResponse.response.httpMethod, 'POST');
    assert.equal(apiResponse.response.httpStatusCode, 400);
    assert.deepEqual(JSON.parse(apiResponse.response.responseBody['application/json'].body), {
      error: 'Invalid request', correlationId: context().awsRequestId,
    });
    const fn = guard(async () => {
      throw new Error('boom');
    }, { allow: ['bedrock-agent'], logger: quiet });
    const fnResponse = (await fn(loadEvent('bedrock-agent-function'), context())) as any;
    assert.equal(fnResponse.response.function, 'cancelOrder');
    assert.equal(fnResponse.response.functionResponse.responseState, 'FAILURE');
    assert.match(fnResponse.response.functionResponse.responseBody.TEXT.body, /Internal Server Error/);
  });

  it('CloudFront: a request or origin-response function answers the viewer with an error response CloudFront does not cache', async () => {
    const refused = guard(async () => 'never', { allow: ['sqs'], logger: quiet });
    const forbidden = (await refused(loadEvent('cloudfront'), context())) as any;
    assert.equal(forbidden.status, '403');
    assert.equal(forbidden.statusDescription, 'Forbidden');
    assert.deepEqual(forbidden.headers['cache-control'], [{ key: 'cache-control', value: 'no-store' }]);
    assert.deepEqual(JSON.parse(forbidden.body), { error: 'Forbidden', correlationId: context().awsRequestId });
    const failing = guard(async () => {
      throw new Error('secret detail');
    }, { allow: ['cloudfront'], logger: quiet });
    const originResponse = loadEvent('cloudfront') as any;
    originResponse.Records[0].cf.config.eventType = 'origin-response';
    originResponse.Records[0].cf.response = { status: '200', statusDescription: 'OK', headers: {} };
    const failed = (await failing(originResponse, context())) as any;
    assert.equal(failed.status, '500');
    assert.doesNotMatch(failed.body, /secret detail/);
  });

  it('CloudFront: a viewer-response function, which cannot change the status, fails with the bare GuardError', async () => {
    const event = loadEvent('cloudfront') as any;
    event.Records[0].cf.config.eventType = 'viewer-response';
    event.Records[0].cf.response = { status: '200', statusDescription: 'OK', headers: {} };
    const handler = guard(async () => 'never', { allow: ['sqs'], logger: quiet });
    await assert.rejects(handler(event, context()), (e: unknown) => e instanceof GuardError && e.event === 'unexpected_source');
  });

  it('AppSync, Connect, Transfer, rotation and the rest get the bare GuardError (the service reports the failure)', async () => {
    for (const [fixture, source] of [
      ['appsync-resolver', 'appsync-resolver'], ['appsync-events', 'appsync-events'], ['connect', 'connect'],
      ['transfer-identity-provider', 'transfer-identity-provider'], ['secrets-manager-rotation', 'secrets-manager-rotation'],
      ['s3-object-lambda', 's3-object-lambda'], ['alexa', 'alexa'], ['codepipeline', 'codepipeline'], ['iot-authorizer', 'iot-authorizer'],
    ] as const) {
      const handler = guard(async () => {
        throw new Error('secret detail');
      }, { allow: [source], logger: quiet });
      await assert.rejects(handler(loadEvent(fixture), context()), (e: unknown) =>
        e instanceof GuardError && e.event === 'handler_error' && !/secret detail/.test(e.message), fixture);
    }
  });
});

/** A loopback server standing in for CloudFormation's response bucket. */
async function responseBucket(): Promise<{ url: string; bodies: unknown[]; close: () => Promise<void> }> {
  const bodies: unknown[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      bodies.push({ method: req.method, contentType: req.headers['content-type'], body: JSON.parse(text) });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/stack-response`, bodies, close: () => new Promise((r) => server.close(() => r())) };
}

describe('CloudFormation custom resources: a refusal still answers CloudFormation', () => {
  it('sends FAILED to the ResponseURL and returns, instead of leaving the stack waiting', async () => {
    const bucket = await responseBucket();
    try {
      const log = captureLog();
      const handler = guard(async () => 'created', {
        allow: ['cloudformation-custom-resource'],
        schema: z.object({ TableName: z.string(), ReadCapacity: z.number() }),
        logger: log.options,
        customResourceResponseHosts: ['127.0.0.1'],
      });
      const event = loadEvent('cloudformation-custom-resource');
      event.ResponseURL = bucket.url;
      const result = await handler(event, context());
      const sent = {
        Status: 'FAILED',
        Reason: `Rejected by guard: validation_failed (correlation id ${context().awsRequestId})`,
        PhysicalResourceId: context().awsRequestId,
        StackId: event.StackId,
        RequestId: event.RequestId,
        LogicalResourceId: event.LogicalResourceId,
      };
      // The function returns what it sent (CloudFormation ignores the return value of a custom resource).
      assert.deepEqual(result, sent);
      assert.deepEqual(bucket.bodies, [{ method: 'PUT', contentType: '', body: sent }]);
      assert.equal(log.records()[0]?.['event'], 'validation_failed');
    } finally {
      await bucket.close();
    }
  });

  it('keeps the PhysicalResourceId of an Update or Delete, and answers a handler failure too', async () => {
    const bucket = await responseBucket();
    try {
      const handler = guard(async () => {
        throw new Error('table exists');
      }, { allow: ['cloudformation-custom-resource'], logger: quiet, customResourceResponseHosts: ['127.0.0.1'] });
      const event = loadEvent('cloudformation-custom-resource');
      event.RequestType = 'Delete';
      event.PhysicalResourceId = 'orders-seed';
      event.ResponseURL = bucket.url;
      await handler(event, context());
      const [sent] = bucket.bodies as Array<{ body: Record<string, unknown> }>;
      assert.equal(sent?.body['PhysicalResourceId'], 'orders-seed');
      assert.match(String(sent?.body['Reason']), /handler_error/);
      assert.doesNotMatch(String(sent?.body['Reason']), /table exists/);
    } finally {
      await bucket.close();
    }
  });

  it('never sends to a URL outside AWS (a forged ResponseURL): it throws as other sources do', async () => {
    const bucket = await responseBucket();
    try {
      const handler = guard(async () => 'ok', { allow: ['cloudformation-custom-resource'], logger: quiet, schema: z.never() });
      const event = loadEvent('cloudformation-custom-resource');
      event.ResponseURL = bucket.url;
      await assert.rejects(handler(event, context()), (e: unknown) => e instanceof GuardError && e.event === 'validation_failed');
      assert.deepEqual(bucket.bodies, []);
    } finally {
      await bucket.close();
    }
  });
});
