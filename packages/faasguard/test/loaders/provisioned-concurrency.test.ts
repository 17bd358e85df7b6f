/**
 * Provisioned concurrency reaches the model from every format: SAM's property (see the SAM loader
 * test), a plain CloudFormation alias, and the Serverless Framework's `provisionedConcurrency`.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { loadApp } from '../../src/scan/scan.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const dirs: string[] = [];
after(() => dirs.forEach(removeProject));

async function provisioned(files: Record<string, string>): Promise<Record<string, unknown>> {
  const dir = tempProject(files);
  dirs.push(dir);
  const { model } = await loadApp(dir);
  return Object.fromEntries(model.functions.map((f) => [f.logicalId, f.provisionedConcurrency]));
}

describe('provisioned concurrency', () => {
  it('comes from an AWS::Lambda::Alias', async () => {
    const got = await provisioned({
      'template.yaml': [
        "AWSTemplateFormatVersion: '2010-09-09'",
        'Resources:',
        '  Fn:',
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        '      Runtime: nodejs22.x',
        '      Handler: index.handler',
        '      Role: arn:aws:iam::123456789012:role/fn',
        "      Code: { ZipFile: 'exports.handler = async () => 1' }",
        '  Warm:',
        '    Type: AWS::Lambda::Alias',
        '    Properties:',
        '      FunctionName: !Ref Fn',
        "      FunctionVersion: '1'",
        '      Name: live',
        '      ProvisionedConcurrencyConfig:',
        '        ProvisionedConcurrentExecutions: 5',
        '',
      ].join('\n'),
    });
    assert.deepEqual(got, { Fn: 5 });
  });

  it('comes from a Serverless function setting', async () => {
    const got = await provisioned({
      'serverless.yml': ['service: warm', 'provider:', '  name: aws', '  runtime: nodejs22.x', 'functions:', '  api:', '    handler: handler.main', '    provisionedConcurrency: 3', '  cold:', '    handler: handler.other', ''].join('\n'),
    });
    assert.deepEqual(got, { ApiLambdaFunction: 3, ColdLambdaFunction: undefined });
  });
});
