/**
 * Every source kind the triggers give: one fixture function per trigger kind, each passing its
 * event data to `execSync`.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { codeFindings, type Got } from './helpers.js';

let all: Got[] = [];

function sourcesOf(subject: string): string[] {
  return all.filter((g) => g.subject === subject).map((g) => `${g.at} ${g.message.split(' reaches ')[0]}`).sort();
}

describe('sources by trigger kind', () => {
  before(async () => {
    all = await codeFindings('sources');
  });

  it('API request: body after JSON.parse, query string, path parameters, headers, cookies', () => {
    assert.deepEqual(sourcesOf('ApiFunction'), [
      'src/api.js:5 Request body of an API request to POST /run/{name} (open to anyone)',
      'src/api.js:6 Query string of an API request to POST /run/{name} (open to anyone)',
      'src/api.js:7 Path parameters of an API request to POST /run/{name} (open to anyone)',
      'src/api.js:8 Request headers of an API request to POST /run/{name} (open to anyone)',
      'src/api.js:9 Cookies of an API request to POST /run/{name} (open to anyone)',
    ]);
  });

  it('S3: object key and bucket name', () => {
    assert.deepEqual(sourcesOf('S3Function'), ['src/s3.js:5 Bucket name of an S3 event from Uploads', 'src/s3.js:5 Object key of an S3 event from Uploads']);
    const key = all.find((g) => g.subject === 'S3Function' && g.message.startsWith('Object key'));
    assert.deepEqual(key?.steps, ['src/s3.js:4', 'src/s3.js:5', 'src/s3.js:5']);
  });

  it('SQS body (in a map callback), SNS message (destructured), DynamoDB image, Kinesis data after base64 decoding', () => {
    assert.deepEqual(sourcesOf('SqsFunction'), ['src/sqs.js:6 Message body of an SQS message from Jobs']);
    assert.deepEqual(sourcesOf('SnsFunction'), ['src/sns.js:5 Message of an SNS notification from Alerts']);
    assert.deepEqual(sourcesOf('DynamoFunction'), ['src/dynamo.js:6 New item image of a DynamoDB stream record from Table']);
    assert.deepEqual(sourcesOf('KinesisFunction'), ['src/kinesis.js:6 Record data of a Kinesis record from Stream']);
  });

  it('IoT payload, EventBridge detail, Cognito user attributes', () => {
    assert.equal(sourcesOf('IotFunction').length, 1);
    assert.match(sourcesOf('IotFunction')[0]!, /^src\/iot\.js:4 IoT message payload of an IoT message/);
    assert.deepEqual(sourcesOf('BusFunction'), ['src/bus.js:5 Event detail of an EventBridge event']);
    assert.match(sourcesOf('CognitoFunction')[0] ?? '', /^src\/cognito\.js:4 User attributes of a Cognito trigger event from Pool/);
  });

  it('a function with no trigger that a workflow invokes treats the whole event as tainted; a schedule gives nothing', () => {
    assert.deepEqual(sourcesOf('NoTriggerFunction'), ['src/none.js:4 The event (the template gives the function no trigger: what invokes it, a workflow or another function of the app, chooses all of it)']);
    assert.deepEqual(sourcesOf('ScheduleFunction'), []);
  });

  it('an Alexa skill request is attacker data as a whole, as the event of an unknown source is', () => {
    assert.deepEqual(sourcesOf('AlexaFunction'), ['src/alexa.js:4 Event of an Alexa request']);
  });

  it('a function with two triggers gets the sources of both', () => {
    assert.deepEqual(sourcesOf('TwoTriggersFunction'), ['src/two.js:6 Message body of an SQS message from Jobs', 'src/two.js:6 Object key of an S3 event from Uploads']);
  });
});
