/**
 * A policy document or statement that is a literal of the wrong kind (a number, a string, a list)
 * is refused by AWS: the scan says so, at its line, and judges everything else.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  NumberKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
      KeyPolicy: 42
  Jobs:
    Type: AWS::SQS::Queue
  JobsPolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Jobs]
      PolicyDocument:
        Statement: nope
  Worker:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: mixed
          PolicyDocument:
            Statement:
              - [s3:GetObject]
              - Effect: Allow
                Action: '*'
                Resource: '*'
`;

describe('malformed policy documents', () => {
  it('are warned about at their line, and the rest of the template is judged', async () => {
    const result = await scan(project({ 'template.yaml': TEMPLATE }), { noCache: true });
    const warnings = result.diagnostics.filter((d) => d.code === 'malformed-policy').map((d) => [d.loc.line, d.message.split(':')[0]]);
    assert.deepEqual(warnings, [
      [7, 'the policy document is the number 42, not a mapping'],
      [15, 'a policy statement is a string, not a mapping'],
      [28, 'a policy statement is a list, not a mapping'],
    ]);
    const admin = result.findings.filter((f) => f.ruleId === 'iam-cross-service-admin').map((f) => [f.location.line, f.subject?.logicalId]);
    assert.deepEqual(admin, [[29, 'Worker']]);
  });
});
