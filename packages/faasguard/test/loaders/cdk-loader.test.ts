/**
 * The CDK loader on a cloud assembly synthesized with aws-cdk-lib from a small app of our own
 * (test/fixtures/cdk/orders-app/app.js; regenerate with test/fixtures/cdk/regenerate.sh): stacks
 * from the manifest, a nested stack, assets mapped to code and back to sources, construct paths.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { AppModel, LambdaFunction } from '../../src/model/app-model.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const DIR = path.join(FIXTURES, 'cdk/orders-app');
const MAIN = 'cdk.out/OrdersApp.template.json';
const NESTED = 'cdk.out/OrdersAppWorkersB2F4F6CE.nested.template.json';

let model: AppModel;
let diagnostics: Diagnostic[];
let templates: string[];

function fnByPath(constructPath: string): LambdaFunction {
  const f = model.functions.find((x) => x.constructPath === constructPath);
  assert.ok(f, `function ${constructPath} is in the model`);
  return f;
}

before(async () => {
  ({ model, diagnostics, templates } = await loadApp(DIR));
});

describe('CDK loader', () => {
  it('loads the stacks of the manifest and the nested stack, each once, and nothing else in cdk.out', () => {
    assert.deepEqual(templates, [MAIN, NESTED]);
    assert.deepEqual(model.stacks.map((s) => [s.id, s.format]), [[MAIN, 'cdk'], [NESTED, 'cdk']]);
    assert.deepEqual(diagnostics.filter((d) => d.severity !== 'note'), []);
  });

  it('names elements by construct path and locates them in the synthesized template', () => {
    const api = fnByPath('OrdersApp/ApiFunction/Resource');
    assert.equal(api.loc.file, MAIN);
    assert.match(api.logicalId, /^ApiFunction[0-9A-F]{8}$/);
    const worker = fnByPath('OrdersApp/Workers/Worker/Resource');
    assert.equal(worker.stack, NESTED);
    const route = model.routes.find((r) => r.path === '/orders')!;
    assert.equal(route.constructPath, 'OrdersApp/OrdersApi/Default/orders/GET/Resource');
    assert.equal(route.auth.type, 'none');
    assert.equal(route.functionId, api.id);
  });

  it('maps each function to its asset directory and to the sources of its source maps', () => {
    const api = fnByPath('OrdersApp/ApiFunction/Resource');
    assert.equal(api.code.kind, 'path');
    assert.match(api.code.path ?? '', /^cdk\.out\/asset\.[0-9a-f]{64}$/);
    assert.deepEqual(api.code.sourceFiles, ['src/api/handler.ts']);
    const worker = fnByPath('OrdersApp/Workers/Worker/Resource');
    assert.deepEqual(worker.code.sourceFiles, ['src/worker/handler.ts']);
    assert.notEqual(worker.code.path, api.code.path);
  });

  it('links the nested stack\'s queue to its worker', () => {
    const sqs = model.triggers.find((t) => t.kind === 'sqs')!;
    assert.equal(sqs.functionId, fnByPath('OrdersApp/Workers/Worker/Resource').id);
    assert.equal(sqs.sourceId, `${NESTED}/JobsDF1CC2D4`);
  });

  it('shows construct paths in findings', async () => {
    const result = await scan(DIR);
    const open = result.findings.find((f) => f.ruleId === 'api-route-without-auth');
    assert.ok(open);
    assert.equal(open.subject?.constructPath, 'OrdersApp/OrdersApi/Default/orders/GET/Resource');
    assert.match(open.message, /OrdersApp\/OrdersApi\/Resource/);
    assert.equal(open.location.file, MAIN);
  });

  it('asks for cdk synth when a CDK app has no cloud assembly, and scans nothing of it', async () => {
    const dir = tempProject({ 'infra/cdk.json': '{"app":"node app.js"}', 'infra/app.js': 'throw new Error("never run")\n' });
    try {
      const app = await loadApp(dir);
      assert.deepEqual(app.templates, []);
      const d = app.diagnostics.find((x) => x.code === 'cdk-not-synthesized');
      assert.ok(d);
      assert.equal(d.loc.file, 'infra/cdk.json');
      assert.match(d.message, /cdk synth/);
    } finally {
      removeProject(dir);
    }
  });

  it('honours the output directory named in cdk.json', async () => {
    const dir = tempProject({
      'cdk.json': '{"app":"node app.js","output":"build/assembly"}',
      'build/assembly/manifest.json': JSON.stringify({ version: '36.0.0', artifacts: { S: { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' } } } }),
      'build/assembly/S.template.json': JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } }),
    });
    try {
      const app = await loadApp(dir);
      assert.deepEqual(app.templates, ['build/assembly/S.template.json']);
      assert.deepEqual(app.model.stacks.map((s) => s.format), ['cdk']);
    } finally {
      removeProject(dir);
    }
  });

  it('reports a broken manifest instead of failing', async () => {
    const dir = tempProject({ 'cdk.out/manifest.json': '{ not json' });
    try {
      const app = await loadApp(dir);
      assert.deepEqual(app.templates, []);
      assert.ok(app.diagnostics.some((d) => d.code === 'json-syntax' && d.loc.file === 'cdk.out/manifest.json'));
    } finally {
      removeProject(dir);
    }
  });
});
