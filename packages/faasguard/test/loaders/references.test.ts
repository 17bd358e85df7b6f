/**
 * References that AWS accepts resolve: `Fn::GetAtt` as a string, ids that SAM and the Serverless
 * Framework generate, event sources that move to generated resources (no false cycles), and
 * policy documents written as JSON strings. What AWS would refuse is still reported.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { Composite, ResourceRef } from '../../src/model/value.js';
import { iamCrossServiceAdmin } from '../../src/rules/privilege/iam-cross-service-admin.js';
import { iamWildcardAction } from '../../src/rules/privilege/iam-wildcard-action.js';
import { publicSourceTriggersFunction } from '../../src/rules/auth/public-source-triggers-function.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { lineOf } from '../helpers/temp-project.js';

const DIR = path.join(FIXTURES, 'references');
const RULES = [iamWildcardAction, iamCrossServiceAdmin, publicSourceTriggersFunction];

const text = (fixture: string, file: string) => fs.readFileSync(path.join(DIR, fixture, file), 'utf8');

function coded(diagnostics: readonly Diagnostic[], ...codes: string[]): Array<[string, string, string, number]> {
  return diagnostics.filter((d) => codes.includes(d.code)).map((d) => [d.severity, d.code, d.loc.file, d.loc.line]);
}

async function findings(fixture: string) {
  const result = await scan(path.join(DIR, fixture), { rules: RULES });
  const got = result.findings.map((f) => [f.ruleId, f.location.file, f.location.line, f.subject?.logicalId] as const);
  return { got: [...got].sort((a, b) => a[2] - b[2]), diagnostics: result.diagnostics };
}

describe('Fn::GetAtt written as "LogicalId.Attribute"', () => {
  const file = 'template.json';
  const source = () => text('getatt-string', file);

  it('links the role, so its policies are judged; a missing resource or attribute is still broken', async () => {
    const { got, diagnostics } = await findings('getatt-string');
    assert.deepEqual(got, [['iam-wildcard-action', file, lineOf(source(), '"Action": "dynamodb:*"'), 'WorkerRole']]);
    assert.deepEqual(coded(diagnostics, 'broken-reference'), [
      ['error', 'broken-reference', file, lineOf(source(), '"Fn::GetAtt": "MissingRole.Arn"')],
      ['error', 'broken-reference', file, lineOf(source(), '"Fn::GetAtt": "NoAttribute"')],
    ]);
  });

  it('is a reference to the resource with its attribute', async () => {
    const { model } = await loadApp(path.join(DIR, 'getatt-string'));
    const worker = model.functions.find((f) => f.logicalId === 'Worker')!;
    assert.equal(worker.role?.roleId, `${file}/WorkerRole`);
    const orphan = model.functions.find((f) => f.logicalId === 'Orphan')!;
    assert.equal(orphan.role?.roleId, undefined);
  });
});

describe('SAM generated logical ids', () => {
  it('resolve as the SAM documentation names them; a stage that is not the API\'s is broken', async () => {
    const source = text('sam-generated-ids', 'template.yaml');
    const { got, diagnostics } = await findings('sam-generated-ids');
    assert.deepEqual(coded(diagnostics, 'broken-reference'), [['error', 'broken-reference', 'template.yaml', lineOf(source, '- !Ref OrdersApiProdStage')]]);
    // The policy attached to the generated `WorkerRole` is the function's.
    assert.deepEqual(got, [['iam-cross-service-admin', 'template.yaml', lineOf(source, "Action: '*'") - 1, 'WorkerRole']]);
  });

  it('are references to the generated resources', async () => {
    const { model } = await loadApp(path.join(DIR, 'sam-generated-ids'));
    const joined = model.resources.find((r) => r.logicalId === 'Things')!.properties['Value'];
    assert.ok(joined instanceof Composite);
    const refs = joined.parts.filter((p): p is ResourceRef => p instanceof ResourceRef).map((r) => r.logicalId);
    assert.deepEqual(refs, ['ServerlessHttpApi', 'PublicHttpApiGatewayDefaultStage', 'WorkerUrl', 'WorkerAliaslive', 'WorkerVersion926eeb5ff1', 'OrdersApiDeployment926eeb5ff1', 'OrdersApiStage', 'StagedHttpStagea9d64949ee']);
  });
});

describe('reference cycles', () => {
  it('SAM event sources move to generated resources: no cycle through an API with its own definition, a queue or a GraphQL data source', async () => {
    const source = text('sam-event-cycles', 'template.yaml');
    const { diagnostics } = await loadApp(path.join(DIR, 'sam-event-cycles'));
    const cycles = diagnostics.filter((d) => d.code === 'reference-cycle');
    // Real cycles: the S3 event adds the function to the bucket's notifications while the function's policy
    // names the bucket; the API event adds the function to the definition SAM writes while the function names the API.
    assert.deepEqual(coded(cycles, 'reference-cycle'), [
      ['error', 'reference-cycle', 'template.yaml', lineOf(source, '  Uploads:')],
      ['error', 'reference-cycle', 'template.yaml', lineOf(source, '  Orders:')],
    ]);
    assert.match(cycles[0]!.message, /Uploads → Thumbnails → Uploads/);
    assert.match(cycles[1]!.message, /Orders → ListOrders → Orders/);
  });

  it('a role that names a bucket that names the role is a cycle', async () => {
    const source = text('real-cycle', 'template.yaml');
    const { diagnostics } = await loadApp(path.join(DIR, 'real-cycle'));
    assert.deepEqual(coded(diagnostics, 'reference-cycle'), [['error', 'reference-cycle', 'template.yaml', lineOf(source, '  ReplicationRole:')]]);
  });

  it('a Serverless s3 event on an existing bucket is wired at deploy time: no cycle, the trigger is the declared bucket', async () => {
    const { model, diagnostics } = await loadApp(path.join(DIR, 'serverless-existing-bucket'));
    assert.deepEqual(coded(diagnostics, 'reference-cycle', 'broken-reference'), []);
    const bucket = model.resources.find((r) => r.logicalId === 'Uploads')!;
    assert.equal(bucket.properties['NotificationConfiguration'], undefined, 'the bucket is left as written');
    const trigger = model.triggers.find((t) => t.kind === 's3');
    assert.equal(trigger?.sourceId, 'serverless.yml/Uploads');
    assert.equal(trigger?.functionId, 'serverless.yml/ProcessLambdaFunction');
    assert.equal(trigger?.loc.line, lineOf(text('serverless-existing-bucket', 'serverless.yml'), 'bucket: !Ref Uploads'));
  });
});

describe('Serverless Framework generated ids and plugins', () => {
  it('layers, log groups, the shared role, the deployment bucket, function versions and API deployments resolve; a plugin resource is a note', async () => {
    const source = text('serverless-ids', 'serverless.yml');
    const { model, diagnostics } = await loadApp(path.join(DIR, 'serverless-ids'));
    assert.deepEqual(coded(diagnostics, 'broken-reference', 'plugin-resource'), [['note', 'plugin-resource', 'serverless.yml', lineOf(source, 'MACHINE:')]]);
    assert.match(diagnostics.find((d) => d.code === 'plugin-resource')!.message, /OrdersMachine .*serverless-step-functions/);
    const layer = model.resources.find((r) => r.logicalId === 'SharedLambdaLayer');
    assert.equal(layer?.type, 'AWS::Lambda::LayerVersion');
    assert.equal(layer?.properties['LayerName'], 'shared');
    const hello = model.functions.find((f) => f.logicalId === 'HelloLambdaFunction')!;
    // `Fn::GetAtt: Clicks.Arn` names a Kinesis stream (a table's stream is its StreamArn).
    assert.equal(model.resources.find((r) => r.logicalId === 'ConsumeEventSourceMappingKinesisClicks')?.type, 'AWS::Lambda::EventSourceMapping');
    assert.deepEqual(hello.layers.map((l) => (l instanceof ResourceRef ? l.logicalId : l)), ['SharedLambdaLayer']);
  });

  it('without a plugin that may create it, the reference is broken', async () => {
    const source = text('serverless-no-plugin', 'serverless.yml');
    const { diagnostics } = await loadApp(path.join(DIR, 'serverless-no-plugin'));
    assert.deepEqual(coded(diagnostics, 'broken-reference', 'plugin-resource'), [
      ['error', 'broken-reference', 'serverless.yml', lineOf(source, 'MACHINE:')],
      // With `versionFunctions: false` the framework publishes no versions.
      ['error', 'broken-reference', 'serverless.yml', lineOf(source, '!Ref HelloLambdaVersionQx3Fz0Lw')],
    ]);
  });
});

describe('policy documents written as JSON strings', () => {
  it('are judged like mappings: "*" on "*" is an administrator, service:* a wildcard, a public queue policy public', async () => {
    const source = text('json-policies', 'template.yaml');
    const { got, diagnostics } = await findings('json-policies');
    assert.deepEqual(got, [
      ['iam-cross-service-admin', 'template.yaml', lineOf(source, '"Action": "*"'), 'AdminRole'],
      ['iam-wildcard-action', 'template.yaml', lineOf(source, "- ''"), 'AdminRole'],
      ['public-source-triggers-function', 'template.yaml', lineOf(source, '"Principal": "*"'), 'Jobs'],
    ]);
    assert.deepEqual(coded(diagnostics, 'malformed-policy'), [['warning', 'malformed-policy', 'template.yaml', lineOf(source, '- PolicyName: broken') + 1]]);
  });

  it('keep the deploy-time parts: a resource named in the text is a reference to it', async () => {
    const { model } = await loadApp(path.join(DIR, 'json-policies'));
    const reader = model.roles.find((r) => r.logicalId === 'ReaderRole')!;
    const read = reader.policies.find((p) => p.name === 'read')!.document!.statements[0]!;
    assert.deepEqual(read.actions, ['dynamodb:GetItem']);
    const resource = read.resources[0];
    assert.ok(resource instanceof ResourceRef && resource.logicalId === 'Orders' && resource.attribute === 'Arn');
    assert.deepEqual(reader.trust?.statements[0]?.principals, [{ type: 'Service', value: 'lambda.amazonaws.com' }]);
    // IAM would refuse it: its statements are unknown, not none.
    assert.equal(reader.policies.find((p) => p.name === 'broken')!.document, undefined);
  });
});
