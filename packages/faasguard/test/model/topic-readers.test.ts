/**
 * Which topics people read (model/facts/topic-readers.ts): e-mail and SMS subscriptions written in
 * a topic's own list, as resources of their own, and in Terraform; other protocols are not people.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topicReaders } from '../../src/model/facts/topic-readers.js';
import { ModelIndex } from '../../src/model/model-index.js';
import { loadApp } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

/** By topic logical id: each reader's protocol, endpoint and line. */
async function readersOf(files: Record<string, string>): Promise<Record<string, Array<[string, unknown, number]>>> {
  const app = await loadApp(project(files));
  const index = ModelIndex.of(app.model);
  const out: Record<string, Array<[string, unknown, number]>> = {};
  for (const [id, readers] of topicReaders(app.model)) out[index.resource(id)!.logicalId] = readers.map((r) => [r.protocol, r.endpoint, r.loc.line]);
  return out;
}

describe('topicReaders', () => {
  it("reads a topic's own Subscription list and AWS::SNS::Subscription resources, e-mail and SMS only", async () => {
    assert.deepEqual(
      await readersOf({
        'template.yaml': `Resources:
  Approvals:
    Type: AWS::SNS::Topic
    Properties:
      Subscription:
        - Protocol: EMAIL
          Endpoint: approver@example.com
        - Protocol: sqs
          Endpoint: arn:aws:sqs:us-east-1:123456789012:audit
  Alerts:
    Type: AWS::SNS::Topic
  OnCall:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !Ref Alerts
      Protocol: sms
      Endpoint: '+15555550100'
  Worker:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !Ref Alerts
      Protocol: lambda
      Endpoint: arn:aws:lambda:us-east-1:123456789012:function:worker
  Jobs:
    Type: AWS::SNS::Topic
`,
      }),
      { Approvals: [['email', 'approver@example.com', 6]], Alerts: [['sms', '+15555550100', 16]] },
    );
  });

  it('reads Terraform subscriptions to a topic of the configuration', async () => {
    assert.deepEqual(
      await readersOf({
        'main.tf': `resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_sns_topic_subscription" "team" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email-json"
  endpoint  = "team@example.com"
}
`,
      }),
      { 'aws_sns_topic.alerts': [['email-json', 'team@example.com', 7]] },
    );
  });
});
