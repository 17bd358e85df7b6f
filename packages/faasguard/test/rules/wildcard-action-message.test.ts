/**
 * `iam-wildcard-action` says who can call the actions a pattern grants and what they are enough for.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { iamWildcardAction } from '../../src/rules/privilege/iam-wildcard-action.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Builder:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ec2.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: Deploy
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: iam:*
                Resource: '*'
`;

describe('iam-wildcard-action messages', () => {
  it("say who acts with the role and what the actions are enough for", async () => {
    const result = await scan(project({ 'template.yaml': TEMPLATE }), { noCache: true, rules: [iamWildcardAction] });
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0]!.location.line, 15);
    assert.match(
      result.findings[0]!.message,
      /^Policy Deploy of role Builder grants iam:\* \(\d+ actions\) on every resource \(\*\): whoever acts with the role \(it is assumed by ec2\.amazonaws\.com\) can call every one of them: enough to change any IAM role, user or policy and pass any role to AWS services\. List only the actions its holder needs\.$/,
    );
  });
});
