/**
 * The Serverless Framework loader on a service split over several files (functions and resources
 * brought in with `${file(...)}`, a configuration file chosen by stage), with nested variable
 * fallbacks, per-function roles, an `http` event without authorizer, an `s3` event on a public
 * bucket declared in `resources`, and a Function URL: the resulting model is asserted.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { AppModel, LambdaFunction } from '../../src/model/app-model.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { Composite, Unknown, display } from '../../src/model/value.js';
import { loadApp } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { envVar, functionNamed } from '../helpers/model-lookup.js';
import { lineOf } from '../helpers/temp-project.js';

const DIR = path.join(FIXTURES, 'serverless/orders-service');
const text = (rel: string) => readFileSync(path.join(DIR, rel), 'utf8');

let model: AppModel;
let diagnostics: Diagnostic[];
let templates: string[];

const fn = (logicalId: string, m: AppModel = model): LambdaFunction => functionNamed(m, logicalId);
const env = envVar;

before(async () => {
  ({ model, diagnostics, templates } = await loadApp(DIR));
});

describe('Serverless Framework loader', () => {
  it('loads serverless.yml as one stack; included files are not templates of their own', () => {
    assert.deepEqual(templates, ['serverless.yml']);
    assert.deepEqual(model.stacks.map((s) => [s.id, s.format]), [['serverless.yml', 'serverless']]);
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  });

  it('collects functions from every included file, with the framework\'s logical ids', () => {
    assert.deepEqual(model.functions.map((f) => f.logicalId).sort(), [
      'CheckTokenLambdaFunction',
      'ListOrdersLambdaFunction',
      'ProcessJobsLambdaFunction',
      'ProcessUploadLambdaFunction',
      'PublicUrlLambdaFunction',
    ]);
    const list = fn('ListOrdersLambdaFunction');
    assert.equal(list.loc.file, 'functions/api.yml');
    assert.equal(list.loc.line, lineOf(text('functions/api.yml'), 'listOrders:'));
    assert.equal(display(list.handler), 'src/api.list');
    assert.deepEqual(list.code, { kind: 'path', path: '.', loc: { file: 'functions/api.yml', line: 2, column: 12 } });
  });

  it('resolves nested fallbacks and a file chosen by a variable', async () => {
    // custom.stage: ${opt:stage, ${self:custom.defaultStage, 'qa'}} → dev; config/dev.yml sets memory
    const list = fn('ListOrdersLambdaFunction');
    assert.equal(list.memorySize, 512);
    assert.equal(display(list.name), 'orders-dev-listOrders');
    assert.equal(env(list, 'STAGE').value, 'dev');
    const prod = await loadApp(DIR, { stage: 'prod' });
    assert.equal(fn('ListOrdersLambdaFunction', prod.model).memorySize, 2048);
    assert.equal(env(fn('ListOrdersLambdaFunction', prod.model), 'TABLE_NAME').value, 'orders-prod', 'params.<stage> wins over params.default');
    assert.equal(env(fn('ListOrdersLambdaFunction'), 'TABLE_NAME').value, 'orders-default');
  });

  it('applies provider defaults and the framework\'s defaults', () => {
    const url = fn('PublicUrlLambdaFunction');
    assert.equal(url.runtime, 'nodejs20.x');
    assert.equal(url.memorySize, 1024);
    assert.equal(url.timeout, 6);
    assert.equal(fn('ProcessUploadLambdaFunction').timeout, 30);
    assert.deepEqual(url.environment.map((e) => e.name), ['TABLE_NAME', 'STAGE', 'ACCOUNT', 'DB_PASSWORD']);
  });

  it('points values at the file that writes them', () => {
    const secret = env(fn('PublicUrlLambdaFunction'), 'DB_PASSWORD');
    assert.equal(secret.value, 'q7RzT2vX9kLm4NpW8sYb');
    assert.deepEqual([secret.loc.file, secret.loc.line], ['config/dev.yml', 2]);
    const table = env(fn('ListOrdersLambdaFunction'), 'TABLE_NAME');
    assert.deepEqual([table.loc.file, table.loc.line], ['serverless.yml', lineOf(text('serverless.yml'), 'tableName: orders-default')]);
  });

  it('keeps what cannot be known as Unknown with the reason', () => {
    const list = fn('ListOrdersLambdaFunction');
    const account = env(list, 'ACCOUNT').value;
    assert.ok(account instanceof Unknown);
    assert.match(account.reason, /aws:accountId/);
    const apiKey = env(list, 'API_KEY').value;
    assert.ok(apiKey instanceof Unknown);
    assert.match(apiKey.reason, /\$\{ssm:\/orders\/dev\/api-key\}.*SSM Parameter Store/);
    const home = env(list, 'HOME_DIR').value;
    assert.ok(home instanceof Unknown, 'the environment is not read without --env-vars');
    assert.match(home.reason, /--env-vars HOME/);
  });

  it('reports a self-referencing variable and makes it unknown', () => {
    const loop = env(fn('ListOrdersLambdaFunction'), 'LOOP').value;
    assert.ok(loop instanceof Unknown);
    const cycle = diagnostics.find((d) => d.code === 'variable-cycle');
    assert.ok(cycle);
    assert.equal(cycle.loc.file, 'serverless.yml');
  });

  it('models an http event without authorizer as a public route, and the others with theirs', () => {
    const routes = model.routes.map((r) => [r.method, r.path, r.auth.type, r.auth.authorizer ?? '', r.logicalId]).sort();
    assert.deepEqual(routes, [
      ['GET', '/health', 'none', '', 'HttpApiRouteGetHealth'],
      ['GET', '/orders', 'none', '', 'ApiGatewayMethodOrdersGet'],
      ['GET', '/orders/{id}', 'iam', '', 'ApiGatewayMethodOrdersIdVarGet'],
      ['POST', '/orders', 'lambda', 'CheckTokenApiGatewayAuthorizer', 'ApiGatewayMethodOrdersPost'],
    ]);
    const open = model.routes.find((r) => r.logicalId === 'ApiGatewayMethodOrdersGet')!;
    assert.equal(open.functionId, 'serverless.yml/ListOrdersLambdaFunction');
    assert.deepEqual([open.auth.loc.file, open.auth.loc.line], ['functions/api.yml', lineOf(text('functions/api.yml'), 'path: orders')]);
    const rest = model.apis.find((a) => a.logicalId === 'ApiGatewayRestApi')!;
    assert.deepEqual(rest.authorizers.map((a) => [a.name, a.type, a.functionId]), [['CheckTokenApiGatewayAuthorizer', 'lambda', 'serverless.yml/CheckTokenLambdaFunction']]);
    assert.equal(model.apis.find((a) => a.logicalId === 'HttpApi')?.protocol, 'http');
  });

  it('links an s3 event to the public bucket declared in resources', () => {
    const trigger = model.triggers.find((t) => t.kind === 's3' && t.sourceId === 'serverless.yml/S3BucketUploads');
    assert.ok(trigger);
    assert.equal(trigger.functionId, 'serverless.yml/ProcessUploadLambdaFunction');
    assert.equal(trigger.loc.file, 'functions/workers.yml');
    const bucket = model.resources.find((r) => r.logicalId === 'S3BucketUploads')!;
    assert.equal(bucket.publicAccessBlock?.restrictPublicBuckets, false, 'resources merge into the generated bucket');
    assert.equal(bucket.policies.length, 1);
    assert.equal(bucket.policies[0]!.statements[0]!.loc.file, 'resources/storage.yml');
    const external = model.triggers.find((t) => t.kind === 's3' && t.source === 'legacy-archive');
    assert.ok(external, 'an existing bucket outside the service is a trigger by name');
  });

  it('models the Function URL with AuthType NONE at the url line', () => {
    const url = fn('PublicUrlLambdaFunction').urls[0];
    assert.ok(url);
    assert.equal(url.authType, 'NONE');
    assert.deepEqual([url.loc.file, url.loc.line], ['functions/api.yml', lineOf(text('functions/api.yml'), 'url: true')]);
    assert.ok(model.triggers.some((t) => t.kind === 'function-url' && t.functionId === 'serverless.yml/PublicUrlLambdaFunction'));
  });

  it('gives a function with its own statements its own role, the others the shared role', () => {
    assert.equal(fn('ProcessUploadLambdaFunction').role?.roleId, 'serverless.yml/ProcessUploadIamRoleLambdaExecution');
    for (const id of ['ListOrdersLambdaFunction', 'PublicUrlLambdaFunction', 'ProcessJobsLambdaFunction']) {
      assert.equal(fn(id).role?.roleId, 'serverless.yml/IamRoleLambdaExecution', id);
    }
    const own = model.roles.find((r) => r.logicalId === 'ProcessUploadIamRoleLambdaExecution')!;
    const ownActions = own.policies.flatMap((p) => p.document?.statements ?? []).flatMap((s) => s.actions.map(display));
    assert.ok(ownActions.includes('s3:GetObject'));
    assert.ok(!ownActions.includes('dynamodb:Query'), 'the provider statements are not inherited by default');
    const shared = model.roles.find((r) => r.logicalId === 'IamRoleLambdaExecution')!;
    const statements = shared.policies.flatMap((p) => p.document?.statements ?? []);
    const query = statements.find((s) => s.actions.includes('dynamodb:Query'))!;
    assert.equal(display(query.resources[0]), '${OrdersTable.Arn}');
    assert.equal(query.loc.file, 'serverless.yml');
    assert.ok(statements.some((s) => s.actions.includes('sqs:ReceiveMessage')), 'the sqs event grants the shared role read access');
    assert.equal(shared.trust?.statements[0]?.principals[0]?.value, 'lambda.amazonaws.com');
  });

  it('models queue and schedule triggers and per-function log groups', () => {
    const sqs = model.triggers.find((t) => t.kind === 'sqs')!;
    assert.equal(sqs.sourceId, 'serverless.yml/JobsQueue');
    assert.equal(sqs.details['BatchSize'], 5);
    assert.ok(model.triggers.some((t) => t.kind === 'eventbridge-scheduled' && t.functionId === 'serverless.yml/ProcessJobsLambdaFunction'));
    const group = model.resources.find((r) => r.logicalId === 'ListOrdersLogGroup')!;
    assert.equal(group.properties['RetentionInDays'], 14);
    assert.equal(group.properties['LogGroupName'], '/aws/lambda/orders-dev-listOrders');
    assert.ok(model.resources.some((r) => r.logicalId === 'ServerlessDeploymentBucket'));
  });

  it('reads the stage and region from options', async () => {
    const { model: m } = await loadApp(DIR, { stage: 'prod', region: 'ap-south-1' });
    assert.equal(display(fn('PublicUrlLambdaFunction', m).name), 'orders-prod-publicUrl');
    const secret = env(fn('PublicUrlLambdaFunction', m), 'DB_PASSWORD').value;
    assert.ok(secret instanceof Unknown, 'config/prod.yml reads the password from SSM');
    const shared = m.roles.find((r) => r.logicalId === 'IamRoleLambdaExecution')!;
    const logs = shared.policies[0]!.document!.statements[0]!.resources[0];
    assert.ok(logs instanceof Composite);
    assert.match(display(logs), /logs:ap-south-1:/);
  });
});
