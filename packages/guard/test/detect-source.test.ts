import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectSource, SOURCE_NAMES, type SourceName } from '../src/index.js';
import { loadEvent } from '../testkit/fixtures.js';

// fixture file -> the name detectSource must return for it
const EXPECTED: ReadonlyArray<[string, SourceName]> = [
  ['apigw-rest', 'apigw-rest'],
  ['apigw-http', 'apigw-http'],
  ['apigw-websocket', 'apigw-websocket'],
  ['apigw-authorizer-token', 'apigw-authorizer-token'],
  ['apigw-authorizer-request', 'apigw-authorizer-request'],
  ['apigw-authorizer-request-v2', 'apigw-authorizer-request'],
  ['function-url', 'function-url'],
  ['alb', 'alb'],
  ['s3', 's3'],
  ['s3-eventbridge', 's3-eventbridge'],
  ['s3-sqs', 's3-sqs'],
  ['sns-sqs', 'sns-sqs'],
  ['sqs', 'sqs'],
  ['sns', 'sns'],
  ['dynamodb-stream', 'dynamodb-stream'],
  ['kinesis-stream', 'kinesis-stream'],
  ['kinesis-firehose', 'kinesis-firehose'],
  ['eventbridge', 'eventbridge'],
  ['eventbridge-scheduled', 'eventbridge-scheduled'],
  ['iot', 'iot'],
  ['codecommit', 'codecommit'],
  ['cognito-user-pool', 'cognito-user-pool'],
  ['ses', 'ses'],
  ['cloudwatch-logs', 'cloudwatch-logs'],
  ['kafka-msk', 'kafka-msk'],
  ['kafka-self-managed', 'kafka-self-managed'],
  ['mq', 'mq'],
  ['mq-rabbitmq', 'mq'],
  ['documentdb', 'documentdb'],
  ['appsync-resolver', 'appsync-resolver'],
  ['appsync-events', 'appsync-events'],
  ['vpc-lattice', 'vpc-lattice'],
  ['vpc-lattice-v2', 'vpc-lattice'],
  ['s3-object-lambda', 's3-object-lambda'],
  ['cloudfront', 'cloudfront'],
  ['cloudformation-custom-resource', 'cloudformation-custom-resource'],
  ['transfer-identity-provider', 'transfer-identity-provider'],
  ['connect', 'connect'],
  ['secrets-manager-rotation', 'secrets-manager-rotation'],
  ['codepipeline', 'codepipeline'],
  ['kinesis-analytics', 'kinesis-analytics'],
  ['alexa', 'alexa'],
  ['alexa-smart-home', 'alexa'],
  ['lex', 'lex'],
  ['lex-v2', 'lex'],
  ['bedrock-agent', 'bedrock-agent'],
  ['bedrock-agent-function', 'bedrock-agent'],
  ['iot-authorizer', 'iot-authorizer'],
  ['direct', 'direct'],
];

describe('detectSource', () => {
  for (const [fixture, expected] of EXPECTED) {
    it(`detects ${expected} from ${fixture}.json`, () => {
      assert.equal(detectSource(loadEvent(fixture)), expected);
    });
  }

  it('has a sample for every documented source name', () => {
    const covered = new Set(EXPECTED.map(([, name]) => name));
    assert.deepEqual([...SOURCE_NAMES].filter((n) => !covered.has(n)), []);
  });

  it('treats non-objects and unknown shapes as direct invocations', () => {
    for (const event of [null, undefined, 42, 'text', [], [{ eventSource: 'aws:sqs' }], { hello: 'world' }]) {
      assert.equal(detectSource(event), 'direct');
    }
  });

  it('does not take a Records array with an unknown eventSource for a trigger', () => {
    assert.equal(detectSource({ Records: [{ eventSource: 'aws:made-up' }] }), 'direct');
    assert.equal(detectSource({ Records: [] }), 'direct');
    assert.equal(detectSource({ Records: ['x'] }), 'direct');
  });

  it('tells a plain SQS message from an S3 notification delivered through SQS', () => {
    const sqs = loadEvent('sqs');
    sqs.Records[0].body = JSON.stringify({ note: 'eventSource aws:s3 mentioned in text' });
    assert.equal(detectSource(sqs), 'sqs');
    sqs.Records[0].body = JSON.stringify({ orderId: 'ord-1', audit: { eventSource: 'aws:s3' } });
    assert.equal(detectSource(sqs), 'sqs', 'the substring inside an ordinary message');
    sqs.Records[0].body = '{"note":"\\"eventSource\\":\\"aws:s3\\""}';
    assert.equal(detectSource(sqs), 'sqs', 'the substring inside a string');
    const s3TestEvent = loadEvent('sqs');
    for (const record of s3TestEvent.Records) {
      record.body = JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Time: '2024-03-12T19:03:58.000Z', Bucket: 'orders-inbox', RequestId: '5582815E1AEA5ADF', HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE' });
    }
    assert.equal(detectSource(s3TestEvent), 's3-sqs');
  });

  it('never lets the first SQS record decide for the batch', () => {
    const mixed = loadEvent('sqs');
    mixed.Records[0].body = loadEvent('s3-sqs').Records[0].body;
    assert.equal(detectSource(mixed), 'sqs', 'one S3 notification among orders');
    const allS3 = loadEvent('sqs');
    for (const record of allS3.Records) record.body = loadEvent('s3-sqs').Records[0].body;
    assert.equal(detectSource(allS3), 's3-sqs');
  });

  it('tells a WebSocket $connect authorizer event from a WebSocket message', () => {
    const event = loadEvent('apigw-websocket');
    event.requestContext.eventType = 'CONNECT';
    assert.equal(detectSource(event), 'apigw-websocket');
    event.type = 'REQUEST';
    event.methodArn = 'arn:aws:execute-api:eu-west-1:123456789012:ws123/production/$connect';
    assert.equal(detectSource(event), 'apigw-authorizer-request');
  });

  it('recognises Firehose by its records when deliveryStreamArn is absent, and Kinesis Analytics by its applicationArn', () => {
    const event = loadEvent('kinesis-firehose');
    delete event.deliveryStreamArn;
    assert.equal(detectSource(event), 'kinesis-firehose');
    event.applicationArn = 'arn:aws:kinesisanalytics:eu-west-1:123456789012:application/orders';
    assert.equal(detectSource(event), 'kinesis-analytics');
  });

  it('tells a Function URL from an HTTP API by its domain', () => {
    const event = loadEvent('function-url');
    event.requestContext.domainName = 'r3pmxmplak.execute-api.eu-west-1.amazonaws.com';
    assert.equal(detectSource(event), 'apigw-http');
  });

  it('needs the IoT topic and client id, not just a topic', () => {
    const event = loadEvent('iot');
    delete event.clientId;
    assert.equal(detectSource(event), 'direct');
  });

  it('recognises an IoT custom authorizer request by its protocol data and connection, even with an MQTT client id', () => {
    const event = loadEvent('iot-authorizer');
    assert.equal(detectSource(event), 'iot-authorizer');
    // A rule that selects `topic` and `clientId` next to authorizer-like fields is still the authorizer's shape.
    assert.equal(detectSource({ ...event, topic: 't', clientId: 'c' }), 'iot-authorizer');
    delete event.connectionMetadata;
    assert.equal(detectSource(event), 'direct');
  });

  it('needs the scheduler source for a scheduled event', () => {
    const event = loadEvent('eventbridge-scheduled');
    event.source = 'com.example.orders';
    assert.equal(detectSource(event), 'eventbridge');
  });
});
