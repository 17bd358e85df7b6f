/**
 * The library API used as another tool would use it, through the package entry point only: scan
 * the example, record and apply a baseline, draw the attack surface, get the policies; each gives
 * what the matching command prints.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  applyBaseline,
  attackSurface,
  BaselineError,
  ConfigError,
  leastPrivilege,
  readBaselineFile,
  renderMap,
  renderReport,
  reportPathsFor,
  scanProject,
  writeBaselineFile,
} from '../../src/index.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { removeProject, tempRepo } from '../helpers/temp-project.js';

const EXAMPLE = path.relative(process.cwd(), path.join(REPO_ROOT, 'examples/order-app/vulnerable'));

describe('library API', () => {
  it('scanProject finds what faasguard scan finds, with the same verdict', async () => {
    const { result, failOn, failed } = await scanProject(EXAMPLE, { config: false });
    assert.equal(failOn, 'low');
    assert.equal(failed, true);
    assert.deepEqual(result.templates, ['template.yaml']);
    assert.ok(result.findings.some((f) => f.ruleId === 'command-injection' && f.location.file === 'src/process-upload.js'));
    const cli = await runCli('scan', EXAMPLE, '--format', 'json', '--no-config', '--no-cache');
    assert.equal(cli.code, 1);
    // The command writes paths from the repository root; a library user asks for the same.
    assert.equal(renderReport(result, 'json', { color: false, paths: reportPathsFor(EXAMPLE) }), cli.out);
  });

  it('a baseline written from a scan hides every finding of the same scan', async () => {
    const dir = tempRepo({});
    try {
      const { result } = await scanProject(EXAMPLE, { config: false });
      const file = path.join(dir, 'baseline.json');
      assert.equal(writeBaselineFile(file, result.findings), result.findings.length);
      const applied = applyBaseline(result, readBaselineFile(file), file);
      assert.deepEqual(applied.findings, []);
      assert.deepEqual(applied.baseline, { file, baselined: result.findings.length, gone: 0 });
    } finally {
      removeProject(dir);
    }
  });

  it('names the file of a bad baseline or configuration', async () => {
    const dir = tempRepo({ 'baseline.json': '{"version": 7}', 'faasguard.config.yaml': 'failOn: sometimes\n' });
    try {
      assert.throws(() => readBaselineFile(path.join(dir, 'baseline.json')), (e: unknown) => e instanceof BaselineError && /baseline\.json: unsupported baseline version 7/.test(e.message));
      await assert.rejects(scanProject(EXAMPLE, { config: path.join(dir, 'faasguard.config.yaml') }), (e: unknown) => e instanceof ConfigError && /faasguard\.config\.yaml/.test(e.message));
    } finally {
      removeProject(dir);
    }
  });

  it('a configuration file applies as on the command line, and options win over it', async () => {
    const dir = tempRepo({ 'faasguard.config.yaml': 'failOn: critical\nrules:\n  command-injection: off\n' });
    try {
      const config = path.join(dir, 'faasguard.config.yaml');
      const { result, failOn } = await scanProject(EXAMPLE, { config });
      assert.equal(failOn, 'critical');
      assert.ok(!result.findings.some((f) => f.ruleId === 'command-injection'));
      assert.equal((await scanProject(EXAMPLE, { config, failOn: 'none' })).failed, false);
    } finally {
      removeProject(dir);
    }
  });

  it('attackSurface gives the map faasguard map draws', async () => {
    const { map, templates } = await attackSurface(EXAMPLE, { config: false });
    assert.deepEqual(templates, ['template.yaml']);
    assert.ok(map.functions.some((f) => f.id.endsWith('/ProcessUploadFunction')));
    assert.ok(map.entryPoints.some((e) => e.kind === 'public-writer'));
    const cli = await runCli('map', EXAMPLE, '--format', 'json', '--no-config');
    assert.equal(renderMap(map, 'json'), cli.out);
  });

  it('leastPrivilege gives the policies faasguard policy prints', async () => {
    const { privileges, render } = await leastPrivilege(EXAMPLE, { config: false });
    const createOrder = privileges.find((p) => p.fn.logicalId === 'CreateOrderFunction');
    assert.deepEqual(createOrder?.actions.map((a) => a.action), ['dynamodb:PutItem']);
    assert.equal(createOrder?.analyzed, true);
    assert.equal(render('sam'), (await runCli('policy', EXAMPLE, '--format', 'sam', '--no-config')).out);
    const one = JSON.parse(render('json', ['CreateOrderFunction'])) as Array<{ function: string }>;
    assert.deepEqual(one.map((p) => p.function), ['CreateOrderFunction']);
  });

  it('leastPrivilege reads no excluded code', async () => {
    const { privileges } = await leastPrivilege(EXAMPLE, { config: false, exclude: ['src/create-order.js'] });
    const createOrder = privileges.find((p) => p.fn.logicalId === 'CreateOrderFunction');
    assert.deepEqual(createOrder?.actions, []);
    assert.equal(createOrder?.analyzed, false);
  });
});

describe('library API secrets', () => {
  it('masks a secret of the app in the map and the policies', async () => {
    // The same value as a secret environment variable, a route path and a bucket name the code reads.
    const secret = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
    const dir = tempRepo({
      'template.yaml': [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  PayFunction:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: nodejs20.x',
        '      Handler: pay.handler',
        '      CodeUri: src',
        '      Environment:',
        '        Variables:',
        `          STRIPE_SECRET_KEY: ${secret}`,
        '      Events:',
        '        Hook:',
        '          Type: Api',
        '          Properties:',
        `            Path: /hook/${secret}`,
        '            Method: post',
        '',
      ].join('\n'),
      'src/pay.js': [
        "const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');",
        'const s3 = new S3Client({});',
        `exports.handler = async () => s3.send(new GetObjectCommand({ Bucket: '${secret}', Key: 'k' }));`,
        '',
      ].join('\n'),
    });
    try {
      const { map } = await attackSurface(dir, { config: false });
      assert.ok(map.entryPoints.some((e) => e.label.startsWith('POST /hook/sk_l')));
      assert.doesNotMatch(JSON.stringify(map), /4eC39HqLyjWDarjtT1zdp7dc/);
      const policies = await leastPrivilege(dir, { config: false });
      assert.deepEqual(policies.privileges[0]?.actions.map((a) => a.resources), [[`arn:\${AWS::Partition}:s3:::${secret}/*`]]);
      const rendered = policies.render('json');
      assert.match(rendered, /s3:GetObject/);
      assert.doesNotMatch(rendered, /4eC39HqLyjWDarjtT1zdp7dc/);
    } finally {
      removeProject(dir);
    }
  });
});
