/**
 * An Allow with NotAction in a queue, topic or bucket policy grants every action but those it
 * names: to another account it is a wildcard grant (and says what it leaves out, not what a full
 * wildcard would include), to everyone it is public for what it leaves in. A Deny opens nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { lineOf, projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: alias/aws/sqs
  JobsPolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Jobs]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {AWS: arn:aws:iam::111122223333:root}
            NotAction: sqs:DeleteQueue
            Resource: !GetAtt Jobs.Arn
          - Effect: Deny
            Principal: {AWS: arn:aws:iam::444455556666:root}
            NotAction: sqs:SendMessage
            Resource: !GetAtt Jobs.Arn
  News:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns
  NewsPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref News]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: '*'
            NotAction: [sns:Publish, sns:DeleteTopic]
            Resource: !Ref News
`;

describe('NotAction in resource policies', () => {
  it('is a wildcard grant to another account, public to everyone, and nothing in a Deny', async () => {
    const dir = project({ 'template.yaml': TEMPLATE });
    const result = await scan(dir, { noCache: true });
    const judged = result.findings.filter((f) => ['resource-policy-wildcard-action', 'resource-policy-cross-account', 'messaging-policy-public'].includes(f.ruleId));
    const allow = lineOf(TEMPLATE, '- Effect: Allow');
    const publicAllow = lineOf(TEMPLATE, '- Effect: Allow', 2);
    assert.deepEqual(judged.map((f) => [f.ruleId, f.location.line, f.subject?.logicalId]).sort(), [
      ['messaging-policy-public', publicAllow, 'News'],
      ['resource-policy-cross-account', allow, 'Jobs'],
      ['resource-policy-wildcard-action', allow, 'Jobs'],
    ]);
    const wildcard = judged.find((f) => f.ruleId === 'resource-policy-wildcard-action')!;
    assert.match(wildcard.message, /allows every action but sqs:DeleteQueue \(NotAction\) to AWS arn:aws:iam::111122223333:root: every sqs action but those it names\./);
    assert.doesNotMatch(wildcard.message, /deleting the queue included/);
    assert.match(judged.find((f) => f.ruleId === 'messaging-policy-public')!.message, /to every action but sns:Publish, sns:DeleteTopic \(NotAction\): any AWS account can subscribe/);
  });
});
