/**
 * A custom resource whose `ServiceToken` is a function is one of its triggers: CloudFormation
 * invokes it asynchronously with the properties the template writes, which no one outside shapes.
 * Such a request is not judged by the rules of asynchronous invocation (a request the function
 * never answers fails the stack operation where the deployer sees it), and a function only custom
 * resources invoke is said to leave a stack operation unfollowed, not an event that abuses it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import { asyncRetriesUnbounded } from '../../src/rules/dos/async-retries-unbounded.js';
import { asyncTriggerWithoutFailureDestination } from '../../src/rules/monitoring/async-trigger-without-failure-destination.js';
import { functionWithoutTracing } from '../../src/rules/monitoring/function-without-tracing.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Seeder:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: seed.handler
      InlineCode: "def handler(event, context):\\n    return None\\n"
  SeedTable:
    Type: Custom::SeedTable
    Properties:
      ServiceToken: !GetAtt Seeder.Arn
      Rows: 10
  Notifier:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: notify.handler
      InlineCode: "def handler(event, context):\\n    return None\\n"
      Events:
        Uploads:
          Type: S3
          Properties:
            Bucket: !Ref Uploads
            Events: s3:ObjectCreated:*
  Uploads:
    Type: AWS::S3::Bucket
  Announce:
    Type: AWS::CloudFormation::CustomResource
    Properties:
      ServiceToken: !GetAtt Notifier.Arn
`;

describe('custom resources', () => {
  it('are asynchronous, internal triggers of the function their ServiceToken names', async () => {
    const { model } = await loadApp(project({ 'template.yaml': TEMPLATE }));
    const name = (id: string) => model.functions.find((f) => f.id === id)!.logicalId;
    assert.deepEqual(
      model.triggers.filter((t) => t.kind === 'cloudformation-custom-resource').map((t) => [name(t.functionId), t.asynchronous, t.loc.line]),
      [
        ['Seeder', true, 12],
        ['Notifier', true, 31],
      ],
    );
    const seeder = model.functions.find((f) => f.logicalId === 'Seeder')!;
    assert.equal(computeExposure(model).get(seeder.id)!.level, 'internal');
  });

  it('are left to the deployer by the asynchronous-invocation rules, and worded as stack operations', async () => {
    const result = await scan(project({ 'template.yaml': TEMPLATE }), { noCache: true, rules: [asyncTriggerWithoutFailureDestination, asyncRetriesUnbounded, functionWithoutTracing] });
    const found = result.findings.map((f) => [f.ruleId, f.subject?.logicalId, f.location.line]).sort();
    assert.deepEqual(found, [
      ['async-retries-unbounded', 'Notifier', 14],
      ['async-trigger-without-failure-destination', 'Notifier', 14],
      ['function-without-tracing', 'Notifier', 14],
      ['function-without-tracing', 'Seeder', 3],
    ]);
    assert.match(result.findings.find((f) => f.ruleId === 'async-trigger-without-failure-destination')!.message, /invoked asynchronously \(s3\) and/);
    assert.match(result.findings.find((f) => f.subject?.logicalId === 'Seeder')!.message, /no active tracing: a stack operation that goes wrong cannot be followed/);
    assert.match(result.findings.find((f) => f.ruleId === 'function-without-tracing' && f.subject?.logicalId === 'Notifier')!.message, /no active tracing: an event that abuses it/);
  });
});
