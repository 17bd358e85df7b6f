import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectSource, GuardError, guard, isHttpSource, type SourceName } from '../src/index.js';
import { captureLog, context, loadEvent, quiet } from '../testkit/fixtures.js';

const FIXTURES = [
  'apigw-rest', 'apigw-http', 'apigw-websocket', 'apigw-authorizer-token', 'apigw-authorizer-request',
  'function-url', 'alb', 's3', 's3-eventbridge', 's3-sqs', 'sns-sqs', 'sqs', 'sns', 'dynamodb-stream', 'kinesis-stream',
  'kinesis-firehose', 'eventbridge', 'eventbridge-scheduled', 'iot', 'codecommit', 'cognito-user-pool', 'ses',
  'cloudwatch-logs', 'kafka-msk', 'kafka-self-managed', 'mq', 'appsync-resolver', 'appsync-events', 'vpc-lattice',
  'vpc-lattice-v2', 's3-object-lambda', 'cloudfront', 'transfer-identity-provider', 'connect', 'secrets-manager-rotation', 'codepipeline',
  'kinesis-analytics', 'alexa', 'lex', 'lex-v2', 'bedrock-agent', 'iot-authorizer', 'direct',
];

describe('allow-list', () => {
  for (const fixture of FIXTURES) {
    it(`accepts ${fixture} when allowed and refuses it otherwise`, async () => {
      const event = loadEvent(fixture);
      const source = detectSource(event);
      let calls = 0;
      const accepted = guard(async (req) => {
        calls++;
        assert.equal(req.source, source);
        return 'handled';
      }, { allow: [source], logger: captureLog().options });
      const result = await accepted(loadEvent(fixture), context());
      if (fixture === 'sqs' || fixture === 's3-sqs' || fixture === 'sns-sqs' || fixture === 'kinesis-stream' || fixture === 'dynamodb-stream') {
        assert.deepEqual(result, { batchItemFailures: [] });
      } else if (fixture === 'kinesis-firehose' || fixture === 'kinesis-analytics') {
        // 'handled' is no Firehose record result: every record is answered ProcessingFailed, none is lost.
        assert.deepEqual((result as any).records.map((r: any) => r.result), ['ProcessingFailed']);
      } else {
        assert.equal(result, 'handled');
      }
      assert.ok(calls >= 1);

      const log = captureLog();
      const other: SourceName = source === 'direct' ? 'sqs' : 'direct';
      const refused = guard(async () => {
        throw new Error('handler must not run');
      }, { allow: [other], logger: log.options });
      await assertRefused(source, () => refused(loadEvent(fixture), context()));
      const [record] = log.records();
      assert.equal(record?.['event'], 'unexpected_source');
      assert.equal(record?.['source'], source);
      assert.equal(record?.['correlationId'], context().awsRequestId);
    });
  }

  it('requires a non-empty allow-list', () => {
    assert.throws(() => guard(async () => 1, { allow: [] }), /allow/);
  });
});

async function assertRefused(source: SourceName, call: () => Promise<unknown>): Promise<void> {
  if (isHttpSource(source)) {
    const response = (await call()) as { statusCode: number; body: string };
    assert.equal(response.statusCode, 403);
    assert.deepEqual(JSON.parse(response.body), { error: 'Forbidden', correlationId: context().awsRequestId });
    return;
  }
  if (source === 'apigw-authorizer-token' || source === 'apigw-authorizer-request') {
    await assert.rejects(call(), (e: Error) => e.message === 'Unauthorized');
    return;
  }
  if (source === 'lex') {
    const response = (await call()) as { sessionState?: { intent: { state: string } }; dialogAction?: { fulfillmentState: string } };
    assert.equal(response.sessionState?.intent.state ?? response.dialogAction?.fulfillmentState, 'Failed');
    return;
  }
  if (source === 'cloudfront') {
    const response = (await call()) as { status: string };
    assert.equal(response.status, '403');
    return;
  }
  if (source === 'bedrock-agent') {
    const response = (await call()) as { response: { httpStatusCode: number } };
    assert.equal(response.response.httpStatusCode, 403);
    return;
  }
  await assert.rejects(call(), (e: unknown) => e instanceof GuardError && e.event === 'unexpected_source');
}
