/**
 * A policy document known only at deployment (a parameter) is not known, where one written as a
 * mapping without statements grants nothing: a rule that asks whether the role grants an action
 * leaves a role with an unknown document alone instead of reporting the call as denied.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadApp, scan } from '../../src/scan/scan.js';
import { iamActionUsedNotGranted } from '../../src/rules/privilege/iam-action-used-not-granted.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { lambdaRole } from '../helpers/lambda-role.js';

const project = projectsRemovedAfterTests();

function template(document: string): string {
  return `Transform: AWS::Serverless-2016-10-31
Parameters:
  ReaderPolicy:
    Type: String
Resources:
  Reader:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: ${document}
${lambdaRole('ReaderRole', '      ManagedPolicyArns:\n        - !Ref Reader\n')}  ReadFn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
      Role: !GetAtt ReaderRole.Arn
`;
}

const CODE = "import boto3\ns3 = boto3.client('s3')\n\ndef handler(event, context):\n    return s3.get_object(Bucket='reports', Key='latest.csv')\n";

describe('a policy document known only at deployment', () => {
  it('is not known, and a call the role may grant is not reported as denied', async () => {
    const dir = project({ 'template.yaml': template('!Ref ReaderPolicy'), 'src/app.py': CODE });
    const { model } = await loadApp(dir);
    assert.equal(model.roles.find((r) => r.logicalId === 'ReaderRole')?.policies[0]?.document, undefined);
    const result = await scan(dir, { noCache: true, rules: [iamActionUsedNotGranted] });
    assert.deepEqual(result.findings, []);
  });

  it('differs from a document without statements, which grants nothing', async () => {
    const dir = project({ 'template.yaml': template('{}'), 'src/app.py': CODE });
    const { model } = await loadApp(dir);
    assert.deepEqual(model.roles.find((r) => r.logicalId === 'ReaderRole')?.policies[0]?.document?.statements, []);
    const result = await scan(dir, { noCache: true, rules: [iamActionUsedNotGranted] });
    assert.deepEqual(result.findings.map((f) => [f.location.file, f.location.line, f.message]), [['src/app.py', 5, "ReadFn's code calls s3:GetObject on arn:aws:s3:::reports/*, which its role ReaderRole does not grant: the call will be denied."]]);
  });
});
