/**
 * Which files are templates, and how files that are not (yet) templates are reported: package and
 * tool configurations are never loaded, an empty skeleton is a note, a Jinja or cookiecutter
 * source is one warning, and a Serverless service for another cloud is one warning.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { loadApp } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const DIR = path.join(FIXTURES, 'detect');

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.severity} ${d.code} ${d.loc.file}:${d.loc.line}`).sort();
}

describe('template detection: files that are not templates', () => {
  it('never loads package.json, tsconfig.json, cdk.json, workflows, compose, buildspec or OpenAPI files', async () => {
    const { templates, model, diagnostics } = await loadApp(path.join(DIR, 'not-templates'));
    assert.deepEqual(templates, ['template.yaml'], 'only the real template, which has no format version');
    assert.deepEqual(model.resources.map((r) => r.id), ['template.yaml/Queue']);
    assert.deepEqual(summary(diagnostics), ['warning cdk-not-synthesized cdk-app/cdk.json:0']);
  });
});

describe('template detection: near templates', () => {
  it('notes a document with AWS resources beside a key that is no template section, at that key, and does not load it', async () => {
    const { templates, diagnostics } = await loadApp(path.join(DIR, 'near-template'));
    assert.deepEqual(templates, []);
    assert.deepEqual(summary(diagnostics), ['note not-a-template stack.yaml:5']);
    assert.match(diagnostics[0]!.message, /`Output`/);
  });
});

describe('template detection: empty skeletons', () => {
  it('notes a template without resources once, at its Resources key, and loads the others', async () => {
    const { templates, model, diagnostics } = await loadApp(path.join(DIR, 'empty-skeleton'));
    assert.deepEqual(templates, ['empty-map.yaml', 'one-queue.yaml', 'template.yaml']);
    assert.deepEqual(model.resources.map((r) => r.id), ['one-queue.yaml/Queue']);
    assert.deepEqual(summary(diagnostics), ['note empty-template empty-map.yaml:2', 'note empty-template template.yaml:7']);
  });
});

describe('template detection: Jinja and cookiecutter sources', () => {
  it('reports a cookiecutter template once, as a source to render, and models nothing from it', async () => {
    const { templates, model, diagnostics } = await loadApp(path.join(DIR, 'cookiecutter'));
    assert.deepEqual(templates, []);
    assert.deepEqual(model.functions, []);
    assert.deepEqual(summary(diagnostics), ['warning unrendered-template {{cookiecutter.project_name}}/template.yaml:0']);
    assert.match(diagnostics[0]!.message, /render it first/);
  });

  it('reports a Jinja template once instead of its syntax errors; dynamic references, SSM parameters and real syntax errors stay what they are', async () => {
    const { templates, model, diagnostics } = await loadApp(path.join(DIR, 'jinja'));
    assert.deepEqual(templates, ['ssm-document.yaml']);
    assert.deepEqual(model.resources.map((r) => r.logicalId).sort(), ['Doc', 'Secret']);
    const byCode = summary(diagnostics).map((s) => s.replace(/:\d+$/, ''));
    assert.deepEqual(byCode, ['error yaml-syntax broken.yaml', 'warning unrendered-template template.yaml']);
  });
});

describe('Serverless Framework services for other clouds', () => {
  it('reports each non-AWS service once at provider.name and models nothing from it; the AWS one loads', async () => {
    const { templates, model, diagnostics } = await loadApp(path.join(DIR, 'other-clouds'));
    assert.deepEqual(templates, ['aws/serverless.yml']);
    assert.deepEqual(model.functions.map((f) => f.id), ['aws/serverless.yml/HelloLambdaFunction']);
    assert.deepEqual(summary(diagnostics), ['warning unsupported-provider azure/serverless.yml:4', 'warning unsupported-provider google/serverless.yml:3']);
    assert.match(diagnostics.find((d) => d.loc.file === 'azure/serverless.yml')!.message, /provider azure/);
  });
});

describe('syntax errors: one per file', () => {
  it('reports the first YAML syntax error of a file once, counting what follows it', async () => {
    const broken = ["AWSTemplateFormatVersion: '2010-09-09'", 'Resources:', ...Array.from({ length: 12 }, (_, i) => `  Q${i}: {Type: AWS::SQS::Queue, Properties: {QueueName: 'q${i}}}`), ''].join('\n');
    const dir = tempProject({ 'template.yaml': broken });
    try {
      const { diagnostics } = await loadApp(dir);
      const syntax = diagnostics.filter((d) => d.code === 'yaml-syntax');
      assert.equal(syntax.length, 1);
      assert.equal(syntax[0]!.loc.file, 'template.yaml');
      assert.equal(syntax[0]!.severity, 'error');
      assert.equal(syntax[0]!.loc.line, 4);
      assert.match(syntax[0]!.message, /\(and \d+ more after it\)$/);
    } finally {
      removeProject(dir);
    }
  });
});

describe('template detection: packages pip installed', () => {
  it('looks for templates outside what pip installed, and keeps the install folder\'s own files and vendor/', async () => {
    const queue = (name: string): string => `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  ${name}:\n    Type: AWS::SQS::Queue\n`;
    const dir = tempProject({
      'template.yaml': queue('App'),
      'layer/python/boto3-1.34.0.dist-info/METADATA': 'Name: boto3\n',
      'layer/python/botocore/data/cloudformation/service-2.json': '{"shapes": {"ResourceType": {"type": "string", "documentation": "AWS::S3::Bucket"}}}\n',
      'layer/python/somepkg/template.yaml': queue('Installed'),
      'layer/python/template.yaml': queue('Layer'),
      '.venv/lib/python3.12/site-packages/pkg/template.yaml': queue('Venv'),
      'vendor/nested/template.yaml': queue('Vendored'),
    });
    try {
      const { templates, model } = await loadApp(dir);
      assert.deepEqual(templates, ['layer/python/template.yaml', 'template.yaml', 'vendor/nested/template.yaml']);
      assert.deepEqual(model.resources.map((r) => r.id).sort(), ['layer/python/template.yaml/Layer', 'template.yaml/App', 'vendor/nested/template.yaml/Vendored']);
    } finally {
      removeProject(dir);
    }
  });
});
