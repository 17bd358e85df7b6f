/**
 * `Fn::If` around a list of policies or statements, or around one item: the branch a known
 * condition chooses is read (an `Fn::If` read as a node was one item that is no policy, so the
 * policy went unjudged), and a condition not known offline is said once, where it is first used.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppModel } from '../../src/model/app-model.js';
import { display } from '../../src/model/value.js';
import { loadApp } from '../../src/scan/scan.js';
import { lineOf, projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

async function load(template: string, params: Array<[string, string]> = []) {
  const dir = project({ 'template.yaml': template });
  return loadApp(dir, { params: new Map(params) });
}

/** Each role's policies, as `name: action, action` per statement. */
function policiesOf(model: AppModel, role: string): string[] {
  const r = model.roles.find((x) => x.logicalId === role);
  assert.ok(r, `role ${role}`);
  return r.policies.map((p) => `${p.name}: ${(p.document?.statements ?? []).map((s) => s.actions.map(display).join(' ')).join(' | ')}`);
}

const TRUST = `      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRole
`;

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, prod]
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  WholeList:
    Type: AWS::IAM::Role
    Properties:
${TRUST}      Policies: !If
        - IsProd
        - - PolicyName: prod
            PolicyDocument:
              Statement:
                - Effect: Allow
                  Action: dynamodb:DeleteItem
                  Resource: '*'
        - !Ref AWS::NoValue
  OneItem:
    Type: AWS::IAM::Role
    Properties:
${TRUST}      ManagedPolicyArns:
        - !If [IsProd, arn:aws:iam::aws:policy/ReadOnlyAccess, !Ref AWS::NoValue]
      Policies:
        - PolicyName: always
          PolicyDocument:
            Statement: !If
              - IsProd
              - - Effect: Allow
                  Action: s3:DeleteObject
                  Resource: '*'
              - - Effect: Allow
                  Action: s3:GetObject
                  Resource: '*'
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      InlineCode: "def handler(event, context): pass"
      Policies:
        - !If [IsProd, {SQSPollerPolicy: {QueueName: jobs}}, !Ref AWS::NoValue]
        - Statement:
            - Effect: Allow
              Action: sns:Publish
              Resource: '*'
`;

describe('Fn::If around lists of policies and statements', () => {
  it('reads the branch a known condition chooses, around a list or one item', async () => {
    const prod = (await load(TEMPLATE, [['Env', 'prod']])).model;
    assert.deepEqual(policiesOf(prod, 'WholeList'), ['prod: dynamodb:DeleteItem']);
    assert.deepEqual(prod.roles.find((r) => r.logicalId === 'OneItem')!.policies.map((p) => [p.name, p.kind]), [['always', 'inline'], ['ReadOnlyAccess', 'aws-managed']]);
    assert.equal(policiesOf(prod, 'OneItem')[0], 'always: s3:DeleteObject');
    const worker = prod.roles.find((r) => r.logicalId === 'WorkerRole')!;
    assert.deepEqual(worker.policies.map((p) => p.name).slice(1), ['SQSPollerPolicy', 'inline policy 2']);

    const dev = await load(TEMPLATE, [['Env', 'dev']]);
    assert.deepEqual(policiesOf(dev.model, 'WholeList'), []);
    assert.deepEqual(policiesOf(dev.model, 'OneItem'), ['always: s3:GetObject'], 'no "(not set)" managed policy for AWS::NoValue');
    assert.deepEqual(dev.model.roles.find((r) => r.logicalId === 'WorkerRole')!.policies.map((p) => p.name).slice(1), ['inline policy 1']);
    assert.deepEqual(dev.diagnostics.filter((d) => d.code === 'condition-not-known'), []);
  });

  it('says once, where it is first used, that a condition not known offline leaves what it chooses unjudged', async () => {
    const { model, diagnostics } = await load(TEMPLATE);
    assert.deepEqual(policiesOf(model, 'WholeList'), []);
    const notes = diagnostics.filter((d) => d.code === 'condition-not-known');
    assert.deepEqual(notes.map((d) => [d.severity, d.loc.line]), [['note', lineOf(TEMPLATE, '- IsProd')]]);
    assert.equal(notes[0]!.message, 'condition IsProd is not known offline (it reads parameter Env, given no value): what Fn::If chooses by it is not judged; give --param Env=… to judge a case');
  });
});
