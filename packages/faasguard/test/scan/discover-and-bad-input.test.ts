/**
 * Which files a scan reads, and how it survives hostile or broken input: symbolic link loops,
 * oversized and binary files, syntax errors, alias bombs and deep nesting.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { discoverFiles } from '../../src/discover/discover.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { loadApp } from '../../src/scan/scan.js';
import { lineOf, removeProject, tempProject, type ProjectFiles } from '../helpers/temp-project.js';

const made: string[] = [];
after(() => made.forEach(removeProject));

function project(files: ProjectFiles): string {
  const dir = tempProject(files);
  made.push(dir);
  return dir;
}

function fnTemplate(logicalId = 'Fn'): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  ${logicalId}:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Code:
        ZipFile: x
`;
}

const JSON_TEMPLATE = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue' } } }, null, 2);

function codes(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

describe('discovery: templates are recognised by content', () => {
  it('finds templates whatever their names, ignores other YAML, and keeps git-ignored cdk.out', async () => {
    const dir = project({
      'infra/stack.yml': fnTemplate('StackFn'),
      'whatever.json': JSON_TEMPLATE,
      '.github/workflows/ci.yml': 'name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n',
      'package.json': '{"name": "app", "version": "1.0.0"}\n',
      '.gitignore': 'cdk.out\n',
      'cdk.out/App.template.json': JSON.stringify({ Resources: { CdkFn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: 'x' } } } } }, null, 2),
    });
    const { templates, model, diagnostics } = await loadApp(dir);
    assert.deepEqual(templates, ['cdk.out/App.template.json', 'infra/stack.yml', 'whatever.json']);
    assert.deepEqual(model.functions.map((f) => f.id).sort(), ['cdk.out/App.template.json/CdkFn', 'infra/stack.yml/StackFn']);
    assert.deepEqual(model.resources.filter((r) => r.kind === 'queue').map((r) => r.id), ['whatever.json/Queue']);
    assert.deepEqual(diagnostics, []);
    const discovered = await discoverFiles(dir);
    assert.ok(discovered.files.some((f) => f.rel === '.github/workflows/ci.yml'), 'the workflow is listed, only not a template');
    assert.ok(discovered.files.some((f) => f.rel === 'cdk.out/App.template.json'));
  });
});

describe('discovery: what is skipped', () => {
  it('respects root and nested .gitignore, skips node_modules and honours exclude globs', async () => {
    const dir = project({
      '.gitignore': 'build/\n*.generated.yaml\n',
      'keep.yaml': fnTemplate('Keep'),
      'build/out.yaml': fnTemplate('Built'),
      'gen.generated.yaml': fnTemplate('Generated'),
      'services/api/.gitignore': 'local/\nscratch.yaml\n',
      'services/api/template.yaml': fnTemplate('Api'),
      'services/api/scratch.yaml': fnTemplate('Scratch'),
      'services/api/local/dev.yaml': fnTemplate('Dev'),
      'services/other/scratch.yaml': fnTemplate('OtherScratch'),
      'node_modules/pkg/template.yaml': fnTemplate('Dependency'),
      'services/api/node_modules/pkg/template.yaml': fnTemplate('NestedDependency'),
      'legacy/old.yaml': fnTemplate('Legacy'),
      'legacy/deeper/older.yaml': fnTemplate('Older'),
    });
    const { templates, model } = await loadApp(dir, { exclude: ['legacy/**'] });
    assert.deepEqual(templates, ['keep.yaml', 'services/api/template.yaml', 'services/other/scratch.yaml']);
    assert.deepEqual(model.functions.map((f) => f.logicalId).sort(), ['Api', 'Keep', 'OtherScratch']);

    const all = await discoverFiles(dir);
    const rels = all.files.map((f) => f.rel);
    assert.ok(rels.includes('legacy/old.yaml'), 'without exclude, legacy is walked');
    assert.ok(!rels.some((r) => r.includes('node_modules')));
    assert.ok(!rels.includes('build/out.yaml'));
    assert.ok(!rels.includes('services/api/local/dev.yaml'));
    const excluded = await discoverFiles(dir, { exclude: ['legacy/**'] });
    assert.ok(!excluded.files.some((f) => f.rel.startsWith('legacy/')));
  });

  it("skips the copies tools keep beside a project: SAM's build, the Serverless package, Infrastructure Composer's backups", async () => {
    const dir = project({
      'template.yaml': fnTemplate('Deployed'),
      '.aws-sam/build/template.yaml': fnTemplate('Built'),
      '.serverless/cloudformation-template-update-stack.json': JSON.stringify({ Resources: { Packaged: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x', Handler: 'a.handler', Role: 'arn:aws:iam::123456789012:role/r', Code: { ZipFile: 'x' } } } } }),
      '.aws-composer/20221206T025957326/template.yaml': fnTemplate('Backup'),
    });
    const { templates, model } = await loadApp(dir);
    assert.deepEqual(templates, ['template.yaml']);
    assert.deepEqual(model.functions.map((f) => f.logicalId), ['Deployed']);
  });
});

describe('discovery: symbolic links', () => {
  it('terminates on a link loop and does not follow a link outside the root', async () => {
    const outside = project({ 'secret.yaml': fnTemplate('Outside') });
    const dir = project({ 'a/template.yaml': fnTemplate('Inside') });
    fs.symlinkSync('..', path.join(dir, 'a', 'loop'));
    fs.symlinkSync(outside, path.join(dir, 'elsewhere'));
    const { templates, model, diagnostics } = await loadApp(dir);
    assert.deepEqual(templates, ['a/template.yaml']);
    assert.deepEqual(model.functions.map((f) => f.logicalId), ['Inside']);
    const outsideDiags = codes(diagnostics, 'link-outside-root');
    assert.equal(outsideDiags.length, 1);
    assert.equal(outsideDiags[0]?.loc.file, 'elsewhere');
    assert.equal(outsideDiags[0]?.severity, 'warning');

    const { files } = await discoverFiles(dir);
    assert.ok(files.length < 5, `a bounded walk (got ${files.map((f) => f.rel).join(', ')})`);
    assert.ok(!files.some((f) => f.rel.startsWith('elsewhere')));
  });
});

describe('discovery: a directory reached twice', () => {
  it('lists a directory once, under the name it is first reached by, through a link or not, from a root given through a link', async () => {
    const dir = project({ 'a/template.yaml': fnTemplate('A'), 'z/template.yaml': fnTemplate('Z') });
    fs.symlinkSync('a', path.join(dir, 'b'));
    fs.symlinkSync('z', path.join(dir, 'y'));
    const viaLink = `${dir}-link`;
    fs.symlinkSync(dir, viaLink);
    try {
      for (const root of [dir, viaLink]) {
        const { files } = await discoverFiles(root);
        // `a` before its link `b`; the link `y` before its target `z`.
        assert.deepEqual(files.map((f) => f.rel), ['a/template.yaml', 'y/template.yaml'], root);
      }
    } finally {
      fs.rmSync(viaLink, { force: true });
    }
  });
});

describe('bad input: sizes and binaries', () => {
  it('skips a file over maxFileSize with a file-too-large warning naming it', async () => {
    const big = fnTemplate('Big') + `# ${'x'.repeat(4000)}\n`;
    const dir = project({ 'big.yaml': big, 'small.json': JSON_TEMPLATE.slice(0, 0) + '{"Resources":{"Q":{"Type":"AWS::SQS::Queue"}}}' });
    const { templates, diagnostics, model } = await loadApp(dir, { maxFileSize: 1000 });
    assert.deepEqual(templates, ['small.json']);
    assert.deepEqual(model.functions, []);
    const tooLarge = codes(diagnostics, 'file-too-large');
    assert.equal(tooLarge.length, 1);
    assert.equal(tooLarge[0]?.loc.file, 'big.yaml');
    assert.equal(tooLarge[0]?.severity, 'warning');
    assert.match(tooLarge[0]!.message, /1000/);
  });

  it('skips a binary .yaml file with a binary-file warning', async () => {
    const binary = Buffer.concat([Buffer.from("AWSTemplateFormatVersion: '2010-09-09'\n"), Buffer.from([0, 1, 2, 0, 255])]);
    const dir = project({ 'blob.yaml': binary, 'ok.yaml': fnTemplate('Ok') });
    const { templates, diagnostics } = await loadApp(dir);
    assert.deepEqual(templates, ['ok.yaml']);
    const bin = codes(diagnostics, 'binary-file');
    assert.equal(bin.length, 1);
    assert.equal(bin[0]?.loc.file, 'blob.yaml');
  });
});

const SYNTAX_ERROR = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Broken:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: [nodejs20.x
      Handler: index.handler
`;

const SYNTAX_ERROR_KEY = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Broken:
    Type: AWS::SQS::Queue
    Properties:
      Name: one: two
`;

const UNKNOWN_TAG = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Tagged:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: !Foo index.handler
      Code:
        ZipFile: x
`;

describe('bad input: syntax errors and unknown tags', () => {
  it('reports a YAML syntax error with file and line, and still loads the valid template beside it', async () => {
    const dir = project({ 'broken.yaml': SYNTAX_ERROR_KEY, 'good.yaml': fnTemplate('Good') });
    const { templates, model, diagnostics } = await loadApp(dir);
    assert.deepEqual(templates, ['good.yaml']);
    assert.deepEqual(model.functions.map((f) => f.id), ['good.yaml/Good']);
    const syntax = codes(diagnostics, 'yaml-syntax');
    assert.ok(syntax.length >= 1);
    assert.ok(syntax.every((d) => d.loc.file === 'broken.yaml' && d.severity === 'error'));
    assert.equal(syntax[0]?.loc.line, lineOf(SYNTAX_ERROR_KEY, 'Name: one: two'));
  });

  it('reports an unclosed flow sequence as a YAML syntax error in its file', async () => {
    const dir = project({ 'broken.yaml': SYNTAX_ERROR, 'good.yaml': fnTemplate('Good') });
    const { templates, diagnostics } = await loadApp(dir);
    assert.deepEqual(templates, ['good.yaml']);
    const syntax = codes(diagnostics, 'yaml-syntax');
    assert.ok(syntax.length >= 1);
    assert.equal(syntax[0]?.loc.file, 'broken.yaml');
    const line = syntax[0]!.loc.line;
    assert.ok(line >= lineOf(SYNTAX_ERROR, 'Runtime: [') && line <= lineOf(SYNTAX_ERROR, 'Handler:'), `line ${line}`);
  });

  it('reports an unknown tag with its line, treats the value as unknown, and loads the rest', async () => {
    const dir = project({ 'tagged.yaml': UNKNOWN_TAG, 'good.yaml': fnTemplate('Good') });
    const { templates, model, diagnostics } = await loadApp(dir);
    assert.deepEqual(templates, ['good.yaml', 'tagged.yaml']);
    const tags = codes(diagnostics, 'unknown-tag');
    assert.equal(tags.length, 1);
    assert.equal(tags[0]?.loc.file, 'tagged.yaml');
    assert.equal(tags[0]?.loc.line, lineOf(UNKNOWN_TAG, '!Foo'));
    assert.match(tags[0]!.message, /!Foo/);
    assert.deepEqual(model.functions.map((f) => f.id).sort(), ['good.yaml/Good', 'tagged.yaml/Tagged']);
    const tagged = model.functions.find((f) => f.logicalId === 'Tagged');
    assert.equal(tagged?.runtime, 'nodejs20.x');
    assert.equal((tagged?.handler as { kind?: string } | undefined)?.kind, 'unknown');
  });
});

function aliasBomb(): string {
  const lines = ["AWSTemplateFormatVersion: '2010-09-09'", 'Metadata:', '  a: &a [x,x,x,x,x,x,x,x,x]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    const prev = names[i - 1]!;
    lines.push(`  ${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  lines.push('Resources:', '  Bomb:', '    Type: AWS::SQS::Queue', '    Properties:', '      Tags: *i', '');
  return lines.join('\n');
}

function deepJson(depth: number): string {
  return `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Deep": {"Type": "AWS::SQS::Queue", "Properties": {"X": ${'['.repeat(depth)}${']'.repeat(depth)}}}}}`;
}

function deepYaml(depth: number): string {
  return `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Deep:\n    Type: AWS::SQS::Queue\n    Properties:\n      X: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

describe('bad input: hostile documents', () => {
  it('stops a YAML alias bomb with input-too-complex and still loads other templates', async () => {
    const bomb = aliasBomb();
    const dir = project({ 'bomb.yaml': bomb, 'good.yaml': fnTemplate('Good') });
    const { templates, model, diagnostics } = await loadApp(dir);
    assert.deepEqual(templates, ['good.yaml']);
    assert.deepEqual(model.functions.map((f) => f.id), ['good.yaml/Good']);
    const complex = codes(diagnostics, 'input-too-complex');
    assert.equal(complex.length, 1);
    assert.equal(complex[0]?.loc.file, 'bomb.yaml');
    assert.equal(complex[0]?.severity, 'error');
    assert.ok(complex[0]!.loc.line >= 1);
  });

  for (const depth of [1000, 100_000]) {
    it(`reports ${depth} nested arrays in a JSON template as an input error, never a throw`, async () => {
      const dir = project({ 'deep.json': deepJson(depth), 'good.yaml': fnTemplate('Good') });
      const { templates, model, diagnostics } = await loadApp(dir);
      assert.deepEqual(templates, ['good.yaml']);
      assert.deepEqual(model.functions.map((f) => f.id), ['good.yaml/Good']);
      const errs = diagnostics.filter((d) => d.code === 'input-too-complex' || d.code === 'json-syntax');
      assert.ok(errs.length >= 1, `diagnostics: ${JSON.stringify(diagnostics)}`);
      assert.ok(errs.every((d) => d.loc.file === 'deep.json' && d.severity === 'error'));
    });

    it(`reports ${depth} nested flow sequences in a YAML template as an input error, never a throw`, async () => {
      const dir = project({ 'deep.yaml': deepYaml(depth), 'good.yaml': fnTemplate('Good') });
      const { templates, model, diagnostics } = await loadApp(dir);
      assert.deepEqual(templates, ['good.yaml']);
      assert.deepEqual(model.functions.map((f) => f.id), ['good.yaml/Good']);
      const errs = diagnostics.filter((d) => d.code === 'input-too-complex' || d.code === 'yaml-syntax');
      assert.ok(errs.length >= 1, `diagnostics: ${JSON.stringify(diagnostics)}`);
      assert.ok(errs.every((d) => d.loc.file === 'deep.yaml' && d.severity === 'error'));
    });
  }

  it('reports 1000 nested arrays in JSON specifically as input-too-complex', async () => {
    const dir = project({ 'deep.json': deepJson(1000) });
    const { diagnostics } = await loadApp(dir);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.loc.file, d.loc.line]), [['input-too-complex', 'deep.json', 1]]);
  });
});
