/**
 * Every loader that follows a reference written in a scanned file (a CDK manifest's templateFile, a
 * nested assembly's directoryName, an asset's aws:asset:path, a Serverless `${file()}`, an
 * AWS::Include Location) refuses a path or a symbolic link that leaves the scanned root, says where
 * it was written, and never quotes the outside file; the same references inside the root are
 * followed. The repositories are built at test time next to an "outside" folder an attacker aims at.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { lineOf, writeFiles, type ProjectFiles } from '../helpers/temp-project.js';

const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const SECRET_MARK = 'OUTSIDE-SECRET-7f3a';
const OUTSIDE_TEMPLATE = JSON.stringify({ Description: SECRET_MARK, Resources: { Leaked: { Type: 'AWS::SQS::Queue' } } }, null, 2);

/** `base/repo` (the scanned root, with `files`) beside `base/outside` (what it must never read). */
function hostile(files: ProjectFiles): { root: string; outside: string } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-refs-'));
  made.push(base);
  const root = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(root);
  writeFiles(outside, { 'Secret.template.json': OUTSIDE_TEMPLATE, 'secret.yml': `value: ${SECRET_MARK}\n`, 'asset/index.js': `exports.handler = async () => '${SECRET_MARK}';\n`, 'asset/index.js.map': JSON.stringify({ version: 3, sources: ['../src/handler.ts'], mappings: '' }) });
  writeFiles(root, files);
  return { root, outside };
}

function manifest(artifacts: Record<string, unknown>): string {
  return JSON.stringify({ version: '36.0.0', artifacts }, null, 2);
}

function stackArtifact(templateFile: string) {
  return { type: 'aws:cloudformation:stack', properties: { templateFile } };
}

/** A stack whose function's code is the asset `assetPath`. */
function functionTemplate(assetPath: string): string {
  return JSON.stringify({
    Resources: {
      Fn: {
        Type: 'AWS::Lambda::Function',
        Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Role: 'arn:aws:iam::123456789012:role/r', Code: { S3Bucket: 'b', S3Key: 'k.zip' } },
        Metadata: { 'aws:cdk:path': 'App/Fn/Resource', 'aws:asset:path': assetPath, 'aws:asset:property': 'Code' },
      },
    },
  }, null, 2);
}

function nestingTemplate(assetPath: string): string {
  return JSON.stringify({
    Resources: {
      Nested: {
        Type: 'AWS::CloudFormation::Stack',
        Properties: { TemplateURL: 'https://example.com/t.json' },
        Metadata: { 'aws:asset:path': assetPath, 'aws:asset:property': 'TemplateURL' },
      },
    },
  }, null, 2);
}

function refused(diagnostics: Diagnostic[], file: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === 'path-outside-project' && d.loc.file === file);
}

async function load(root: string) {
  const app = await loadApp(root);
  const quoted = [...app.sources.values()].some((text) => text.includes(SECRET_MARK));
  return { ...app, quoted };
}

describe('CDK cloud assemblies stay inside the scanned root', () => {
  it('refuses a manifest templateFile that leaves the root', async () => {
    const { root } = hostile({ 'cdk.out/manifest.json': manifest({ App: stackArtifact('../../outside/Secret.template.json') }) });
    const app = await load(root);
    assert.deepEqual(app.templates, []);
    assert.equal(app.quoted, false);
    const d = refused(app.diagnostics, 'cdk.out/manifest.json');
    assert.equal(d.length, 1, JSON.stringify(app.diagnostics));
    assert.match(d[0]!.message, /\.\.\/\.\.\/outside\/Secret\.template\.json/);
  });

  it('refuses a stack template that is a symbolic link out of the root', async () => {
    const { root, outside } = hostile({ 'cdk.out/manifest.json': manifest({ App: stackArtifact('App.template.json') }) });
    fs.symlinkSync(path.join(outside, 'Secret.template.json'), path.join(root, 'cdk.out/App.template.json'));
    const app = await load(root);
    assert.deepEqual(app.templates, []);
    assert.equal(app.quoted, false);
    assert.equal(refused(app.diagnostics, 'cdk.out/manifest.json').length, 1, JSON.stringify(app.diagnostics));
  });

  it('refuses a nested assembly directory that leaves the root, by path or by link', async () => {
    const { root, outside } = hostile({
      'cdk.out/manifest.json': manifest({
        Up: { type: 'cdk:cloud-assembly', properties: { directoryName: '../../outside/stage' } },
        Linked: { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Linked' } },
      }),
    });
    writeFiles(outside, { 'stage/manifest.json': manifest({ S: stackArtifact('Secret.template.json') }), 'stage/Secret.template.json': OUTSIDE_TEMPLATE });
    fs.symlinkSync(path.join(outside, 'stage'), path.join(root, 'cdk.out/assembly-Linked'));
    const app = await load(root);
    assert.deepEqual(app.templates, []);
    assert.equal(app.quoted, false);
    assert.equal(refused(app.diagnostics, 'cdk.out/manifest.json').length, 2, JSON.stringify(app.diagnostics));
  });

  it('refuses an asset path of exactly `..` from an assembly at the root, with the line that names it', async () => {
    const template = functionTemplate('..');
    const { root } = hostile({ 'cdk.json': '{"app":"node app.js","output":"."}', 'manifest.json': manifest({ App: stackArtifact('App.template.json') }), 'App.template.json': template });
    const app = await load(root);
    assert.deepEqual(app.templates, ['App.template.json']);
    const fn = app.model.functions.find((f) => f.logicalId === 'Fn');
    assert.ok(fn);
    assert.notEqual(fn.code.path, '..');
    const d = refused(app.diagnostics, 'App.template.json');
    assert.equal(d.length, 1, JSON.stringify(app.diagnostics));
    assert.equal(d[0]!.loc.line, lineOf(template, '"aws:asset:path"'));
  });

  it('refuses an asset directory that is a symbolic link out of the root', async () => {
    const template = functionTemplate('asset.abc');
    const { root, outside } = hostile({ 'cdk.out/manifest.json': manifest({ App: stackArtifact('App.template.json') }), 'cdk.out/App.template.json': template });
    fs.symlinkSync(path.join(outside, 'asset'), path.join(root, 'cdk.out/asset.abc'));
    const app = await load(root);
    const fn = app.model.functions.find((f) => f.logicalId === 'Fn');
    assert.ok(fn);
    assert.notEqual(fn.code.path, 'cdk.out/asset.abc');
    assert.equal(fn.code.sourceFiles, undefined);
    const d = refused(app.diagnostics, 'cdk.out/App.template.json');
    assert.equal(d.length, 1, JSON.stringify(app.diagnostics));
    assert.equal(d[0]!.loc.line, lineOf(template, '"aws:asset:path"'));
  });

  it('refuses a nested stack template that leaves the root, by path or by link', async () => {
    const { root, outside } = hostile({
      'cdk.out/manifest.json': manifest({ App: stackArtifact('App.template.json'), Other: stackArtifact('Other.template.json') }),
      'cdk.out/App.template.json': nestingTemplate('../../outside/Secret.template.json'),
      'cdk.out/Other.template.json': nestingTemplate('Nested.nested.template.json'),
    });
    fs.symlinkSync(path.join(outside, 'Secret.template.json'), path.join(root, 'cdk.out/Nested.nested.template.json'));
    const app = await load(root);
    assert.deepEqual(app.templates, ['cdk.out/App.template.json', 'cdk.out/Other.template.json']);
    assert.equal(app.quoted, false);
    assert.equal(refused(app.diagnostics, 'cdk.out/App.template.json').length, 1, JSON.stringify(app.diagnostics));
    assert.equal(refused(app.diagnostics, 'cdk.out/Other.template.json').length, 1, JSON.stringify(app.diagnostics));
  });

  it('still follows templates, nested assemblies, nested stacks and assets inside the root, links included', async () => {
    const { root } = hostile({
      'cdk.out/manifest.json': manifest({ App: stackArtifact('App.template.json'), Stage: { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Stage' } } }),
      'cdk.out/App.template.json': functionTemplate('asset.abc'),
      'cdk.out/asset.abc/index.js': 'exports.handler = async () => 1;\n',
      'cdk.out/asset.abc/index.js.map': JSON.stringify({ version: 3, sources: ['../../src/handler.ts'], mappings: '' }),
      'src/handler.ts': 'export const handler = async () => 1;\n',
      'cdk.out/assembly-Stage/manifest.json': manifest({ S: stackArtifact('S.template.json') }),
      'cdk.out/assembly-Stage/S.template.json': nestingTemplate('N.nested.template.json'),
      'stacks/real.json': JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } }),
    });
    fs.symlinkSync(path.join(root, 'stacks/real.json'), path.join(root, 'cdk.out/assembly-Stage/N.nested.template.json'));
    const app = await load(root);
    assert.deepEqual(app.templates.sort(), ['cdk.out/App.template.json', 'cdk.out/assembly-Stage/N.nested.template.json', 'cdk.out/assembly-Stage/S.template.json', 'stacks/real.json']);
    const fn = app.model.functions.find((f) => f.logicalId === 'Fn');
    assert.equal(fn?.code.path, 'cdk.out/asset.abc');
    assert.deepEqual(fn?.code.sourceFiles, ['src/handler.ts']);
    assert.deepEqual(app.diagnostics.filter((d) => d.code === 'path-outside-project'), []);
  });
});

describe('Serverless ${file()} and AWS::Include stay inside the scanned root', () => {
  it('refuses a ${file()} target that is a symbolic link out of the root, at the line that names it', async () => {
    const yml = 'service: s\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  probe:\n    handler: h.main\n    environment:\n      LEAK: ${file(./config.yml):value}\n      KEPT: ${file(./inside.yml):value}\n';
    const { root, outside } = hostile({ 'serverless.yml': yml, 'inside.yml': 'value: kept\n' });
    fs.symlinkSync(path.join(outside, 'secret.yml'), path.join(root, 'config.yml'));
    const app = await load(root);
    assert.equal(app.quoted, false);
    const d = refused(app.diagnostics, 'serverless.yml');
    assert.equal(d.length, 1, JSON.stringify(app.diagnostics));
    assert.equal(d[0]!.loc.line, lineOf(yml, 'LEAK'));
    const env = app.model.functions[0]?.environment ?? [];
    assert.equal(env.find((e) => e.name === 'KEPT')?.value, 'kept');
  });

  it('refuses an AWS::Include Location that leaves the root, by path or by link, and follows one inside', async () => {
    const template = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Resources:',
      '  Fn::Transform:',
      '    Name: AWS::Include',
      '    Parameters:',
      '      Location: ../outside/Secret.template.json',
      'Outputs:',
      '  Fn::Transform:',
      '    Name: AWS::Include',
      '    Parameters:',
      '      Location: linked.json',
      'Conditions:',
      '  Fn::Transform:',
      '    Name: AWS::Include',
      '    Parameters:',
      '      Location: conditions.yaml',
      '',
    ].join('\n');
    const { root, outside } = hostile({ 'template.yaml': template, 'conditions.yaml': 'IsProd: !Equals [a, b]\n' });
    fs.symlinkSync(path.join(outside, 'Secret.template.json'), path.join(root, 'linked.json'));
    const app = await load(root);
    assert.equal(app.quoted, false);
    const lines = refused(app.diagnostics, 'template.yaml').map((d) => d.loc.line).sort((a, b) => a - b);
    assert.deepEqual(lines, [lineOf(template, '../outside'), lineOf(template, 'linked.json')], JSON.stringify(app.diagnostics));
    assert.ok(app.sources.has('conditions.yaml'), 'the include inside the root is read');
  });
});

describe('nested stacks written as local files stay inside the scanned root', () => {
  it('reports a Location or TemplateURL that leaves the root, by path or by link, at its line, and joins one inside', async () => {
    const template = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Up:',
      '    Type: AWS::Serverless::Application',
      '    Properties:',
      '      Location: ../outside/Secret.template.json',
      '  Linked:',
      '    Type: AWS::CloudFormation::Stack',
      '    Properties:',
      '      TemplateURL: linked.json',
      '  Inner:',
      '    Type: AWS::CloudFormation::Stack',
      '    Properties:',
      '      TemplateURL: nested/inner.yaml',
      '',
    ].join('\n');
    const { root, outside } = hostile({ 'template.yaml': template, 'nested/inner.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n" });
    fs.symlinkSync(path.join(outside, 'Secret.template.json'), path.join(root, 'linked.json'));
    const app = await load(root);
    assert.equal(app.quoted, false);
    const lines = refused(app.diagnostics, 'template.yaml').map((d) => d.loc.line).sort((a, b) => a - b);
    assert.deepEqual(lines, [lineOf(template, 'Location:'), lineOf(template, 'linked.json')], JSON.stringify(app.diagnostics));
    const byFile = new Map(app.model.stacks.map((s) => [s.file, s.app]));
    assert.equal(byFile.get('nested/inner.yaml'), byFile.get('template.yaml'));
  });
});

describe('code frames stay inside the scanned root', () => {
  it('quotes no file outside the root, whatever path a finding names', async () => {
    const { root, outside } = hostile({ 'template.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n", 'inside.txt': 'kept\n' });
    fs.symlinkSync(path.join(outside, 'secret.yml'), path.join(root, 'linked.yml'));
    const result = await scan(root);
    assert.equal(result.readSource('../outside/secret.yml'), undefined);
    assert.equal(result.readSource(path.join(outside, 'secret.yml')), undefined);
    assert.equal(result.readSource('linked.yml'), undefined);
    assert.equal(result.readSource('inside.txt'), 'kept\n');
  });
});
