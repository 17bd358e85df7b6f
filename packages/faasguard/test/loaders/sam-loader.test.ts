/**
 * The SAM loader on one application that uses Globals, policy templates, implicit APIs, every
 * common event type and most intrinsics: the resolved model is asserted field by field.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { AppModel, LambdaFunction } from '../../src/model/app-model.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { Composite, ResourceRef, Unknown, display } from '../../src/model/value.js';
import { loadApp } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { envVar, functionNamed } from '../helpers/model-lookup.js';

const DIR = path.join(FIXTURES, 'sam-app');
const FILE = 'template.yaml';

let model: AppModel;
let diagnostics: Diagnostic[];

const fn = (id: string): LambdaFunction => functionNamed(model, id);
const env = envVar;

before(async () => {
  ({ model, diagnostics } = await loadApp(DIR));
});

describe('SAM loader', () => {
  it('loads the template without errors', () => {
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
    assert.deepEqual(model.stacks.map((s) => [s.id, s.format]), [[FILE, 'sam']]);
  });

  it('skips resources whose condition is false, keeps those whose condition is true', async () => {
    assert.deepEqual(model.functions.map((f) => f.logicalId).sort(), ['ApiFn', 'UrlFn', 'WorkerFn']);
    const prod = await loadApp(DIR, { params: new Map([['Env', 'prod']]) });
    assert.ok(prod.model.functions.some((f) => f.logicalId === 'ProdOnly'));
    assert.equal(prod.model.functions.find((f) => f.logicalId === 'ApiFn')?.memorySize, 1024);
  });

  it('merges Globals: own values win, maps merge, lists add up', () => {
    const api = fn('ApiFn');
    assert.equal(api.runtime, 'nodejs20.x');
    assert.equal(api.timeout, 30);
    assert.equal(api.tracing, 'Active');
    assert.deepEqual(api.layers, ['arn:aws:lambda:us-east-1:123456789012:layer:shared:1']);
    assert.equal(env(api, 'STAGE').value, 'dev');
    assert.equal(env(api, 'STAGE').loc.line, 30, 'a global variable points into Globals');
    const table = env(api, 'TABLE');
    assert.ok(table.value instanceof Composite);
    assert.equal(display(table.value), '${Orders}-override');
    assert.equal(table.loc.line, 73, 'the function\'s own value wins');
    assert.equal(fn('WorkerFn').timeout, 15);
  });

  it('evaluates intrinsics, keeping what is unknown unknown', () => {
    const api = fn('ApiFn');
    assert.equal(api.memorySize, 256);
    assert.equal(env(api, 'SUBNETS').value, '10.1.0.0/24,10.1.1.0/24');
    assert.equal(env(api, 'PICK').value, 'b');
    assert.equal(env(api, 'MODE').value, 'relaxed');
    assert.equal(env(api, 'ENCODED').value, 'aGVsbG8=');
    assert.ok(env(api, 'REGION_NAME').value instanceof Unknown);
    const shared = env(api, 'SHARED').value;
    assert.ok(shared instanceof Unknown && shared.reason.includes('shared-vpc-id'));
  });

  it('resolves code locations relative to the template', () => {
    assert.deepEqual(fn('ApiFn').code.kind === 'path' && fn('ApiFn').code.path, 'src/api');
    assert.equal(fn('UrlFn').code.path, 'src/url');
    assert.equal(fn('WorkerFn').code.kind, 'inline');
  });

  it('creates the implicit role with managed policies, policy templates and inline statements', () => {
    const api = fn('ApiFn');
    assert.equal(api.role?.roleId, `${FILE}/ApiFnRole`);
    const role = model.roles.find((r) => r.id === `${FILE}/ApiFnRole`);
    assert.ok(role);
    assert.deepEqual(
      role.policies.map((p) => [p.name, p.kind]),
      [
        ['AWSLambdaBasicExecutionRole', 'aws-managed'],
        ['DynamoDBCrudPolicy', 'sam-template'],
        ['AmazonS3ReadOnlyAccess', 'aws-managed'],
        ['inline policy 3', 'inline'],
        ['AWSXRayDaemonWriteAccess', 'aws-managed'],
      ],
    );
    const crud = role.policies[1]!.document!.statements[0]!;
    assert.ok(crud.actions.includes('dynamodb:PutItem'));
    assert.ok(crud.resources.some((r) => r instanceof Composite && r.parts.some((p) => p instanceof ResourceRef && p.logicalId === 'Orders')));
    const s3read = role.policies[2]!.document!.statements.flatMap((s) => s.actions);
    assert.ok(s3read.includes('s3:Get*'), 'AWS managed policy documents come from the data package');
    const inline = role.policies[3]!.document!.statements[0]!;
    assert.deepEqual(inline.actions, ['sqs:SendMessage']);
    assert.ok(inline.resources[0] instanceof ResourceRef && inline.resources[0].attribute === 'Arn');
  });

  it('binds an explicit role and reads asynchronous settings', () => {
    const w = fn('WorkerFn');
    assert.equal(w.role?.roleId, `${FILE}/WorkerRole`);
    assert.equal(w.reservedConcurrency, 5);
    assert.ok(w.deadLetterTarget instanceof ResourceRef && w.deadLetterTarget.logicalId === 'Jobs');
    assert.equal(w.asyncConfig?.maxRetryAttempts, 0);
    assert.ok(w.asyncConfig?.onFailure instanceof ResourceRef);
  });

  it('builds the implicit REST API from Globals and each route\'s effective authorization', () => {
    const implicit = model.apis.find((a) => a.logicalId === 'ServerlessRestApi');
    assert.ok(implicit?.implicit);
    assert.deepEqual(implicit.authorizers.map((a) => [a.name, a.type]), [['Cognito', 'cognito']]);
    const routes = model.routes.filter((r) => r.apiId === implicit.id).map((r) => [r.method, r.path, r.auth.type, r.auth.apiKeyRequired]);
    assert.deepEqual(routes.sort(), [
      ['GET', '/health', 'none', false],
      ['GET', '/orders', 'cognito', false],
      ['POST', '/keyed', 'none', true],
    ]);
  });

  it('applies an HTTP API default JWT authorizer', () => {
    const route = model.routes.find((r) => r.path === '/items');
    assert.equal(route?.apiId, `${FILE}/HttpApi`);
    assert.deepEqual([route?.method, route?.auth.type, route?.auth.authorizer], ['GET', 'jwt', 'Oidc']);
  });

  it('turns every event into a trigger with its source', () => {
    const worker = model.triggers.filter((t) => t.functionId === `${FILE}/WorkerFn`);
    const summary = worker.map((t) => [t.kind, t.sourceId ?? null, t.asynchronous]).sort();
    assert.deepEqual(summary, [
      ['cognito-user-pool', `${FILE}/Pool`, false],
      ['eventbridge', null, true],
      ['eventbridge-scheduled', null, true],
      ['iot', null, true],
      ['kinesis-stream', `${FILE}/Stream`, false],
      ['s3', `${FILE}/Uploads`, true],
      ['sns', `${FILE}/Alerts`, true],
      ['sqs', `${FILE}/Jobs`, false],
    ]);
    const s3 = worker.find((t) => t.kind === 's3');
    assert.equal(s3?.details['Events'], 's3:ObjectCreated:*');
  });

  it('reads provisioned concurrency', () => {
    assert.equal(fn('UrlFn').provisionedConcurrency, 2);
    assert.equal(fn('ApiFn').provisionedConcurrency, undefined);
  });

  it('reads Function URL configuration', () => {
    const url = fn('UrlFn').urls[0];
    assert.equal(url?.authType, 'AWS_IAM');
    assert.ok(model.triggers.some((t) => t.kind === 'function-url' && t.functionId === `${FILE}/UrlFn`));
  });
});
