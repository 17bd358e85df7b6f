/**
 * Every source kind the triggers give: one fixture function per trigger kind, each passing its
 * event data to `execSync`. The lines that must and must not be flagged are annotated in the
 * fixture (annotated-fixtures.test.ts); these tests check how each finding names its source.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { codeFindings, type Got } from './helpers.js';

let all: Got[] = [];

/** How the findings of one function name their sources (their lines are annotated in the fixture). */
function sourcesOf(subject: string): string[] {
  return all.filter((g) => g.subject === subject).map((g) => g.message.split(' reaches ')[0]!).sort();
}

describe('sources by trigger kind', () => {
  before(async () => {
    all = await codeFindings('sources');
  });

  it('API request: body after JSON.parse, query string, path parameters, headers, cookies', () => {
    assert.deepEqual(sourcesOf('ApiFunction'), [
      'Cookies of an API request to POST /run/{name} (open to anyone)',
      'Path parameters of an API request to POST /run/{name} (open to anyone)',
      'Query string of an API request to POST /run/{name} (open to anyone)',
      'Request body of an API request to POST /run/{name} (open to anyone)',
      'Request headers of an API request to POST /run/{name} (open to anyone)',
    ]);
  });

  it('S3: object key and bucket name', () => {
    assert.deepEqual(sourcesOf('S3Function'), ['Bucket name of an S3 event from Uploads', 'Object key of an S3 event from Uploads']);
    const key = all.find((g) => g.subject === 'S3Function' && g.message.startsWith('Object key'));
    assert.deepEqual(key?.steps, ['src/s3.js:4', 'src/s3.js:6', 'src/s3.js:6']);
  });

  it('SQS body (in a map callback), SNS message (destructured), DynamoDB image, Kinesis data after base64 decoding', () => {
    assert.deepEqual(sourcesOf('SqsFunction'), ['Message body of an SQS message from Jobs']);
    assert.deepEqual(sourcesOf('SnsFunction'), ['Message of an SNS notification from Alerts']);
    assert.deepEqual(sourcesOf('DynamoFunction'), ['New item image of a DynamoDB stream record from Table']);
    assert.deepEqual(sourcesOf('KinesisFunction'), ['Record data of a Kinesis record from Stream']);
  });

  it('IoT payload, EventBridge detail, Cognito user attributes', () => {
    assert.equal(sourcesOf('IotFunction').length, 1);
    assert.match(sourcesOf('IotFunction')[0]!, /^IoT message payload of an IoT message/);
    assert.deepEqual(sourcesOf('BusFunction'), ['Event detail of an EventBridge event']);
    assert.match(sourcesOf('CognitoFunction')[0] ?? '', /^User attributes of a Cognito trigger event from Pool/);
  });

  it('a function that a workflow invokes treats the whole event, the state input, as tainted; a schedule gives nothing', () => {
    assert.deepEqual(sourcesOf('WorkflowFunction'), ['State input of a Step Functions task from Workflow']);
    assert.deepEqual(sourcesOf('ScheduleFunction'), []);
  });

  it('an Alexa skill request is attacker data as a whole, as the event of an unknown source is', () => {
    assert.deepEqual(sourcesOf('AlexaFunction'), ['Event of an Alexa request']);
  });

  it('a function with two triggers gets the sources of both', () => {
    assert.deepEqual(sourcesOf('TwoTriggersFunction'), ['Message body of an SQS message from Jobs', 'Object key of an S3 event from Uploads']);
  });
});
