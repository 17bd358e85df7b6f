/**
 * Finding handlers: every export form, every reason a handler is not analyzed, files that do not
 * parse, and paths that would leave the scan root.
 */
import assert from 'node:assert/strict';
import { existsSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { resolveHandler, splitNodeHandler } from '../../src/code/handler-resolution.js';
import { CodeFiles, resolveRelative } from '../../src/code/module-graph.js';
import type { LambdaFunction } from '../../src/model/app-model.js';
import { FIXTURES } from '../helpers/paths.js';
import { codeFindings, scanCode } from './helpers.js';
import { removeProject, tempProject, writeFiles } from '../helpers/temp-project.js';
import { scan } from '../../src/scan/scan.js';
import { iamActionGrantedNeverUsed } from '../../src/rules/privilege/iam-action-granted-never-used.js';

const ROOT = path.join(FIXTURES, 'code', 'resolution');

function fn(handler: string, runtime = 'nodejs20.x', codePath = 'src'): LambdaFunction {
  return { id: 's/F', logicalId: 'F', stack: 's', loc: { file: 'template.yaml', line: 1, column: 1 }, runtime, handler, code: { kind: 'path', path: codePath }, environment: [], layers: [], inVpc: false, urls: [] };
}

describe('handler resolution', () => {
  it('splits handler strings at the first dot after the last slash', () => {
    assert.deepEqual(splitNodeHandler('src/handlers/app.handler'), { module: 'src/handlers/app', exportName: 'handler' });
    assert.deepEqual(splitNodeHandler('index.handlers.create'), { module: 'index', exportName: 'handlers.create' });
    assert.equal(splitNodeHandler('handler'), undefined);
  });

  it('tries every JavaScript and TypeScript extension', () => {
    const files = new CodeFiles(ROOT);
    assert.deepEqual(resolveHandler(fn('esm.run'), files), { ok: true, language: 'node', file: 'src/esm.mjs', exportName: 'run', handler: 'esm.run' });
    assert.deepEqual(resolveHandler(fn('named.main'), files), { ok: true, language: 'node', file: 'src/named.cts', exportName: 'main', handler: 'named.main' });
  });

  it('uses esbuild entry points from the template metadata when the handler names the output', async () => {
    const found = await codeFindings('esbuild');
    assert.deepEqual(found.map((g) => [g.rule, g.at, g.subject]), [['command-injection', 'orders/src/handlers/create.ts:4', 'CreateOrder']]);
  });

  it('finds Python handlers: dotted packages, __init__.py, and checks the function is defined', async () => {
    const files = new CodeFiles(path.join(FIXTURES, 'code', 'python'));
    const py = (handler: string) => resolveHandler(fn(handler, 'python3.12'), files);
    assert.deepEqual(py('orders.handlers.create.lambda_handler'), { ok: true, language: 'python', file: 'src/orders/handlers/create.py', exportName: 'lambda_handler', handler: 'orders.handlers.create.lambda_handler' });
    assert.deepEqual(py('orders.handle'), { ok: true, language: 'python', file: 'src/orders/__init__.py', exportName: 'handle', handler: 'orders.handle' });
    assert.match(reason(py('app.not_defined')), /src\/app\.py does not define not_defined/);
    const result = await scanCode('python');
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'handler-not-found').map((d) => d.message), ['handler of Missing not analyzed: src/app.py does not define not_defined']);
  });

  it('checks the modules a Python handler imports for secrets and TLS settings', async () => {
    const found = await codeFindings('python');
    assert.deepEqual(found.map((g) => [g.rule, g.at, g.subject]).sort(), [
      ['secret-in-code', 'src/orders/common/db.py:3', 'CreateOrder'],
      ['tls-verification-disabled', 'src/app.py:5', 'Health'],
    ]);
  });

  it('analyzes inline Node.js and Python code and points into the template: block scalars line by line, quoted code on its line', async () => {
    const found = await codeFindings('inline');
    assert.deepEqual(found.map((g) => [g.rule, g.at, g.subject, g.steps]), [
      ['command-injection', 'template.yaml:14', 'Inline', ['template.yaml:14', 'template.yaml:14']],
      ['command-injection', 'template.yaml:35', 'PyInline', ['template.yaml:35', 'template.yaml:35']],
      ['command-injection', 'template.yaml:23', 'Raw', ['template.yaml:23', 'template.yaml:23']],
    ]);
    const result = await scanCode('inline');
    const columns = result.findings.map((f) => f.location.column);
    assert.deepEqual(columns, [20, 23, 82]);
  });

  it("leaves inline code unanalyzed when the handler names a module other than index, which the code that runs is saved as", async () => {
    const template = (pyHandler: string, nodeHandler: string): string => `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
      Policies:
        - PolicyName: Read
          PolicyDocument:
            Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: 'arn:aws:s3:::reports/*' }]
  Agent:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: ${pyHandler}
      Role: !GetAtt Role.Arn
      Code:
        ZipFile: |
          def lambda_handler(event, context):
              return {'statusCode': 200}
  Tool:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: ${nodeHandler}
      Role: !GetAtt Role.Arn
      Code:
        ZipFile: 'exports.handler = async () => ({ statusCode: 200 });'
`;
    const run = async (pyHandler: string, nodeHandler: string) => {
      const root = tempProject({ 'template.yaml': template(pyHandler, nodeHandler) });
      try {
        return await scan(root, { noCache: true, rules: [iamActionGrantedNeverUsed] });
      } finally {
        removeProject(root);
      }
    };
    // A placeholder a deploy script replaces: what it does is not in the template.
    const placeholder = await run('agent.handler.lambda_handler', 'tool.handler');
    assert.deepEqual(placeholder.findings, []);
    assert.deepEqual(placeholder.diagnostics.filter((d) => d.code === 'handler-not-found').map((d) => d.message), [
      'handler of Agent not analyzed: the handler names module agent.handler, but inline code is saved as index: the code that runs is deployed outside the template',
      'handler of Tool not analyzed: the handler names module tool, but inline code is saved as index: the code that runs is deployed outside the template',
    ]);
    const inline = await run('index.lambda_handler', 'index.handler');
    assert.deepEqual(inline.findings.map((f) => [f.ruleId, f.location.line]), [['iam-action-granted-never-used', 10]]);
  });

  it('gives a reason when it cannot', () => {
    const files = new CodeFiles(ROOT);
    assert.match(reason(resolveHandler(fn('nothere.handler'), files)), /no file src\/nothere/);
    assert.match(reason(resolveHandler(fn('app.handler', 'python3.12'), files)), /no file src\/app\.py or src\/app\/__init__\.py/);
    assert.match(reason(resolveHandler(fn('app.handler', 'java21'), files)), /runtime java21 is not analyzed/);
    assert.match(reason(resolveHandler(fn('handler'), files)), /not of the form file\.export/);
    assert.match(reason(resolveHandler(fn('../../outside.handler', 'nodejs20.x', ''), files)), /outside the scanned directory/);
  });

  it('never resolves an import outside the root', () => {
    const files = new CodeFiles(ROOT);
    assert.equal(resolveRelative(files, 'src/esm.mjs', '../../sources/src/api.js'), undefined);
    assert.equal(resolveRelative(files, 'src/esm.mjs', 'child_process'), undefined);
    assert.equal(resolveRelative(files, 'src/named.cts', './esm.mjs'), 'src/esm.mjs');
  });

  it('follows relative imports from an entry once, whatever trees are held since', () => {
    const root = tempProject({
      'src/a.js': "const lib = require('./lib');\nimport('./lazy.mjs');\nrequire('aws-sdk');\n",
      'src/b.ts': "import { x } from './lib.js';\nexport * from '../shared/index';\n",
      'src/lib.js': "module.exports = require('./deep/util');\n",
      'src/deep/util.js': "require('../../../outside');\n",
      'src/lazy.mjs': '',
      'shared/index.ts': '',
    });
    try {
      const files = new CodeFiles(root);
      assert.deepEqual(files.reachableFrom('src/a.js'), ['src/a.js', 'src/lib.js', 'src/lazy.mjs', 'src/deep/util.js']);
      assert.deepEqual(files.reachableFrom('src/b.ts'), ['src/b.ts', 'src/lib.js', 'shared/index.ts', 'src/deep/util.js']);
      // The same answer after the trees are let go, and after a new file appears: walked once per entry.
      files.forgetTrees();
      writeFiles(root, { 'src/a.js': "require('./lib');\nrequire('./new');\n", 'src/new.js': '' });
      assert.deepEqual(files.reachableFrom('src/a.js'), ['src/a.js', 'src/lib.js', 'src/lazy.mjs', 'src/deep/util.js']);
      assert.equal(files.reachableFrom('src/a.js'), files.reachableFrom('src/a.js'));
    } finally {
      removeProject(root);
    }
  });

  it('finds imports nested anywhere in a file, also a require written with escapes', () => {
    const root = tempProject({
      'src/entry.js': [
        "import './top.js';",
        'export async function handler(event) {',
        '  const helpers = { load: () => [1, 2].map(() => require("./in-arrow")) };',
        '  if (event.x) { return (await import(`./in-template.mjs`)).run(); }',
        '  return requ\\u0069re("./escaped");',
        '}',
        "export { y } from './reexported';",
        'const imported = "no import here"; // importer, exporter, required',
      ].join('\n'),
      ...Object.fromEntries(['top.js', 'in-arrow.js', 'in-template.mjs', 'escaped.js', 'reexported.js'].map((name) => [`src/${name}`, ''])),
    });
    try {
      const files = new CodeFiles(root);
      assert.deepEqual(files.reachableFrom('src/entry.js'), ['src/entry.js', 'src/top.js', 'src/in-arrow.js', 'src/in-template.mjs', 'src/escaped.js', 'src/reexported.js']);
    } finally {
      removeProject(root);
    }
  });

  it('answers whether a file exists from its directory listing and the full check alike', () => {
    const outside = tempProject({ 'secret.js': 'x' });
    const root = tempProject({ 'top.js': 'a', 'src/app.js': 'b', 'src/Upper.js': 'c', 'src/sub/index.ts': 'd' });
    try {
      symlinkSync(path.join(outside, 'secret.js'), path.join(root, 'src', 'linked.js'));
      const files = new CodeFiles(root);
      assert.deepEqual(
        ['top.js', 'src/app.js', 'src/sub/index.ts', 'src/app.ts', 'src/sub', 'nodir/x.js', 'src/linked.js', '../top.js'].map((rel) => [rel, files.exists(rel)]),
        [['top.js', true], ['src/app.js', true], ['src/sub/index.ts', true], ['src/app.ts', false], ['src/sub', false], ['nodir/x.js', false], ['src/linked.js', false], ['../top.js', false]],
      );
      // A name listed in another case gets the file system's own answer.
      const upper = files.exists('src/upper.js');
      assert.equal(upper, existsSync(path.join(root, 'src', 'upper.js')));
      assert.equal(files.exists('src/Upper.js'), true);
    } finally {
      removeProject(root);
      removeProject(outside);
    }
  });

  it('reports unresolved handlers and syntax errors as diagnostics, and still analyzes a file with errors', async () => {
    const result = await scanCode('resolution');
    const diags = result.diagnostics.filter((d) => d.code === 'handler-not-found' || d.code === 'code-syntax').map((d) => `${d.code} ${d.loc.file}:${d.loc.line} ${d.severity}`);
    assert.deepEqual(diags.sort(), [
      'code-syntax src/broken.js:6 warning',
      'handler-not-found template.yaml:10 warning',
      'handler-not-found template.yaml:26 warning',
      'handler-not-found template.yaml:38 warning',
      'handler-not-found template.yaml:44 warning',
      'handler-not-found template.yaml:8 warning',
    ]);
    const found = await codeFindings('resolution');
    assert.deepEqual(found.map((g) => [g.rule, g.at]), [['command-injection', 'src/broken.js:4']]);
  });
});

function reason(r: ReturnType<typeof resolveHandler>): string {
  return r.ok ? '' : r.reason;
}
