/**
 * An Allow with NotPrincipal grants every principal but those it names, anonymous callers
 * included: trust, queue, topic and bucket policies written that way are as public as
 * `Principal: "*"`, and their findings say which form they met. A Deny with NotPrincipal only
 * restricts, and opens nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { lineOf, projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const statement = (effect: string, action: string, resource: string): string => `        Statement:
          - Effect: ${effect}
            NotPrincipal:
              AWS: arn:aws:iam::111122223333:root
            Action: ${action}${resource ? `\n            Resource: ${resource}` : ''}`;

const TEMPLATE = `Resources:
  TrustRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
${statement('Allow', 'sts:AssumeRole', '')}
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      KmsMasterKeyId: alias/aws/sqs
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
${statement('Allow', 'sqs:ReceiveMessage', '!GetAtt Queue.Arn')}
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns
  TopicPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref Topic]
      PolicyDocument:
${statement('Deny', 'sns:Subscribe', '!Ref Topic')}
  Bucket:
    Type: AWS::S3::Bucket
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
${statement('Allow', 's3:GetObject', '!Sub ${Bucket.Arn}/*')}
`;

describe('NotPrincipal', () => {
  it('in an Allow opens to everyone; in a Deny opens nothing', async () => {
    const dir = project({ 'template.yaml': TEMPLATE });
    const result = await scan(dir, { noCache: true });
    const open = result.findings.filter((f) => ['iam-trust-any-principal', 'messaging-policy-public', 'bucket-public-read'].includes(f.ruleId));
    const allowLine = (n: number): number => lineOf(TEMPLATE, '- Effect: Allow', n);
    assert.deepEqual(open.map((f) => [f.ruleId, f.location.line, f.subject?.logicalId]).sort(), [
      ['bucket-public-read', allowLine(3), 'Bucket'],
      ['iam-trust-any-principal', allowLine(1), 'TrustRole'],
      ['messaging-policy-public', allowLine(2), 'Queue'],
    ]);
    for (const f of open) assert.match(f.message, /an Allow with NotPrincipal: everyone but the principals it names/, f.ruleId);
  });
});
