/**
 * A public function whose every way in is throttled, but too loosely to keep it below the account's
 * concurrency pool, is reported with the limit that lets it through and how many runs it allows at
 * once; one with an unthrottled way in is reported without a word of throttling.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { publicFunctionWithoutReservedConcurrency } from '../../src/rules/dos/public-function-without-reserved-concurrency.js';
import { FIXTURES } from '../helpers/paths.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

/** An open route's function writes to a table (and a queue); what the table's stream and the queue trigger is public through it. */
function chained(factor: string): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      StreamSpecification: { StreamViewType: NEW_IMAGE }
  Jobs:
    Type: AWS::SQS::Queue
  Intake:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: intake.handler
      InlineCode: exports.handler = async () => ({})
      ReservedConcurrentExecutions: 10
      Environment: { Variables: { TABLE: !Ref Orders, QUEUE: !Ref Jobs } }
      Policies:
        - DynamoDBCrudPolicy: { TableName: !Ref Orders }
        - SQSSendMessagePolicy: { QueueName: !GetAtt Jobs.QueueName }
      Events:
        Post: { Type: Api, Properties: { Path: /orders, Method: post } }
  OnOrder:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: on-order.handler
      InlineCode: exports.handler = async () => ({})
      Events:
        Changes:
          Type: DynamoDB
          Properties: { Stream: !GetAtt Orders.StreamArn, StartingPosition: LATEST, BatchSize: 1${factor} }
  OnJob:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: on-job.handler
      InlineCode: exports.handler = async () => ({})
      Events:
        Work: { Type: SQS, Properties: { Queue: !GetAtt Jobs.Arn } }
`;
}

const FIXTURE = path.join(FIXTURES, 'rules', 'public-function-without-reserved-concurrency', 'fail');

describe('public-function-without-reserved-concurrency and API throttling', () => {
  it('names the loose limit of a throttled function, and none for an unthrottled one', async () => {
    const result = await scan(FIXTURE, { noCache: true, rules: [publicFunctionWithoutReservedConcurrency] });
    const bySubject = new Map(result.findings.map((f) => [f.subject?.logicalId, f]));
    assert.equal(bySubject.get('ListOrders')?.location.line, 36);
    assert.match(
      bySubject.get('ListOrders')?.message ?? '',
      /billing every call\. Its API's throttling \(2,000 requests a second, burst 1,000\) does not hold it below the pool of 1,000: with its 3-second timeout, up to 7,000 runs can be under way at once\. Set ReservedConcurrentExecutions\.$/,
    );
    assert.match(bySubject.get('SlowOrder')?.message ?? '', /\(50 requests a second, burst 25\) .* with its 30-second timeout, up to 1,525 runs can be under way at once\./);
    assert.match(bySubject.get('Search')?.message ?? '', /billing every call\. Set ReservedConcurrentExecutions\.$/);
    assert.doesNotMatch(bySubject.get('Webhook')?.message ?? '', /API's throttling/);
  });

  it('leaves out a way in through a stream, whose poller runs one batch per shard, unless a parallelization factor multiplies it', async () => {
    const subjects = async (factor: string) => {
      const result = await scan(project({ 'template.yaml': chained(factor) }), { noCache: true, rules: [publicFunctionWithoutReservedConcurrency] });
      return result.findings.map((f) => f.subject?.logicalId).sort();
    };
    assert.deepEqual(await subjects(''), ['OnJob']);
    assert.deepEqual(await subjects(', ParallelizationFactor: 10'), ['OnJob', 'OnOrder']);
  });
});
