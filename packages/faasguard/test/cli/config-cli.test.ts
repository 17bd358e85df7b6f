/**
 * The configuration file end to end: found upward from the scanned directory, rules on/off and
 * severities, failOn under --fail-on, excludes and parameters relative to the configuration,
 * --config and --no-config, clear errors (exit 2), and `faasguard init`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { starterConfig } from '../../src/config/starter-config.js';
import { runCli } from '../helpers/run-cli.js';
import { removeProject, tempProject, tempRepo, type ProjectFiles } from '../helpers/temp-project.js';

// Runtime deprecation depends on the scan date: pin it so that the expected findings do not change with the calendar.
process.env['FAASGUARD_NOW'] = '2026-11-23';

const made: string[] = [];
after(() => made.forEach(removeProject));

/** A project under its own `.git` root, so that no configuration above it is read. */
function repo(files: ProjectFiles): string {
  const dir = tempRepo(files);
  made.push(dir);
  return dir;
}

/** Medium findings (permission without source, runtime, concurrency) and low ones (logs, tracing, alarm). */
const PERMISSION_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Processor:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/processor
      Code:
        ZipFile: exports.handler = async () => {};
  FromAnyBucket:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !GetAtt Processor.Arn
      Action: lambda:InvokeFunction
      Principal: s3.amazonaws.com
`;

/** A function that exists only when the parameter Env is prod. */
function prodOnlyTemplate(logicalId: string): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env:
    Type: String
    Default: dev
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  ${logicalId}:
    Type: AWS::Lambda::Function
    Condition: IsProd
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/r
      Code:
        ZipFile: x
`;
}

interface JsonReport {
  templates: string[];
  findings: Array<{ ruleId: string; severity: string }>;
}

async function scanJson(...argv: string[]): Promise<{ code: number; report: JsonReport; err: string }> {
  const { code, out, err } = await runCli('scan', ...argv, '--format', 'json');
  return { code, report: JSON.parse(out) as JsonReport, err };
}

function severityOf(report: JsonReport, ruleId: string): string[] {
  return report.findings.filter((f) => f.ruleId === ruleId).map((f) => f.severity);
}

describe('scan with a configuration file', () => {
  const config = 'failOn: high\nrules:\n  lambda-permission-service-without-source: high\n  function-without-tracing: off\n';

  it('turns rules off, changes severities, and sets the --fail-on default', async () => {
    const dir = repo({ 'template.yaml': PERMISSION_TEMPLATE, 'faasguard.config.yaml': config });
    const { code, report } = await scanJson(dir);
    assert.deepEqual(severityOf(report, 'lambda-permission-service-without-source'), ['high']);
    assert.deepEqual(severityOf(report, 'function-without-tracing'), []);
    assert.equal(code, 1, 'a high finding with failOn: high');
  });

  it('lets --fail-on win over failOn', async () => {
    const dir = repo({ 'template.yaml': PERMISSION_TEMPLATE, 'faasguard.config.yaml': config });
    assert.equal((await scanJson(dir, '--fail-on', 'critical')).code, 0);
  });

  it('is ignored with --no-config', async () => {
    const dir = repo({ 'template.yaml': PERMISSION_TEMPLATE, 'faasguard.config.yaml': config });
    const { code, report } = await scanJson(dir, '--no-config', '--fail-on', 'high');
    assert.deepEqual(severityOf(report, 'lambda-permission-service-without-source'), ['medium']);
    assert.deepEqual(severityOf(report, 'function-without-tracing'), ['low']);
    assert.equal(code, 0);
  });

  it('is found above the scanned directory, with excludes relative to it', async () => {
    const dir = repo({
      'faasguard.config.yaml': 'exclude:\n  - "services/legacy/**"\n',
      'services/api/template.yaml': PERMISSION_TEMPLATE,
      'services/legacy/template.yaml': PERMISSION_TEMPLATE,
    });
    assert.deepEqual((await scanJson(path.join(dir, 'services'))).report.templates, ['services/api/template.yaml']);
    assert.deepEqual((await scanJson(path.join(dir, 'services'), '--no-config')).report.templates, ['services/api/template.yaml', 'services/legacy/template.yaml']);
  });

  it('--config reads the named file only', async () => {
    const dir = repo({ 'template.yaml': PERMISSION_TEMPLATE, 'faasguard.config.yaml': config, 'ci/strict.json': '{ "rules": { "runtime-deprecated": "critical" } }' });
    const { code, report } = await scanJson(dir, '--config', path.join(dir, 'ci/strict.json'));
    assert.deepEqual(severityOf(report, 'runtime-deprecated'), ['critical']);
    assert.deepEqual(severityOf(report, 'function-without-tracing'), ['low'], 'the file found upward is not read');
    assert.equal(code, 1);
  });

  it('gives each template its parameters, under --param', async () => {
    const dir = repo({
      'faasguard.config.yaml': 'parameters:\n  stacks/api.yaml:\n    Env: prod\n',
      'stacks/api.yaml': prodOnlyTemplate('ApiProdOnly'),
      'stacks/db.yaml': prodOnlyTemplate('DbProdOnly'),
    });
    assert.deepEqual(await functionsOf(dir), ['ApiProdOnly']);
    assert.deepEqual(await functionsOf(dir, '--param', 'Env=dev'), []);
    assert.deepEqual(await functionsOf(dir, '--param', 'Env=prod'), ['ApiProdOnly', 'DbProdOnly']);
  });
});

async function functionsOf(dir: string, ...options: string[]): Promise<string[]> {
  const { out } = await runCli('map', dir, '--format', 'json', ...options);
  return (JSON.parse(out) as { functions: Array<{ name: string }> }).functions.map((f) => f.name).sort();
}

describe('a configuration that cannot be used', () => {
  it('exits 2 with the file, line, column and a hint, and no stack', async () => {
    const dir = repo({ 'template.yaml': PERMISSION_TEMPLATE, 'faasguard.config.yaml': 'failOn: high\nrulez:\n  x: off\n' });
    const { code, out, err } = await runCli('scan', dir);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.equal(err, `${path.join(dir, 'faasguard.config.yaml')}:2:1: unknown key "rulez" (did you mean "rules"?)\n`);
  });

  it('stops map and policy too', async () => {
    const dir = repo({ 'template.yaml': PERMISSION_TEMPLATE, 'faasguard.config.yaml': 'rules:\n  no-such-rule: off\n' });
    for (const command of ['map', 'policy', 'baseline']) {
      const { code, err } = await runCli(command, dir);
      assert.equal(code, 2, command);
      assert.match(err, /faasguard\.config\.yaml:2:3: unknown rule "no-such-rule"/, command);
    }
  });

  it('exits 2 for two configuration files in one directory, a missing --config file, and both --config and --no-config', async () => {
    const dir = repo({ 'template.yaml': PERMISSION_TEMPLATE, 'faasguard.config.yaml': '', '.faasguard.yml': '' });
    const two = await runCli('scan', dir);
    assert.equal(two.code, 2);
    assert.match(two.err, /more than one configuration file in one directory; keep one\n$/);
    const missing = await runCli('scan', dir, '--config', path.join(dir, 'nope.yaml'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.yaml: cannot be read \(ENOENT\)\n$/);
    const both = await runCli('scan', dir, '--config', path.join(dir, '.faasguard.yml'), '--no-config');
    assert.equal(both.code, 2);
    assert.match(both.err, /--config and --no-config are alternatives/);
  });
});

describe('faasguard init', () => {
  it('writes the starter configuration, which a scan then reads', async () => {
    const dir = repo({ 'template.yaml': PERMISSION_TEMPLATE });
    const { code, out } = await runCli('init', dir);
    const file = path.join(dir, 'faasguard.config.yaml');
    assert.equal(code, 0);
    assert.equal(out, `wrote ${file}: every option is commented out; uncomment what you need\n`);
    assert.equal(readFileSync(file, 'utf8'), starterConfig());
    assert.equal((await runCli('scan', dir, '--format', 'json', '--verbose')).err.split('\n')[0], `faasguard: configuration ${file}`);
  });

  it('refuses to overwrite a configuration unless --force', async () => {
    const dir = repo({ 'faasguard.config.yaml': 'failOn: high\n' });
    const file = path.join(dir, 'faasguard.config.yaml');
    const refused = await runCli('init', dir);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /faasguard\.config\.yaml exists; --force overwrites it/);
    assert.equal(readFileSync(file, 'utf8'), 'failOn: high\n');
    assert.equal((await runCli('init', dir, '--force')).code, 0);
    assert.equal(readFileSync(file, 'utf8'), starterConfig());
  });

  it('refuses to add a second configuration next to one of another name, and a missing directory', async () => {
    const dir = repo({ '.faasguard.yml': '' });
    const refused = await runCli('init', dir, '--force');
    assert.equal(refused.code, 2);
    assert.match(refused.err, /\.faasguard\.yml exists: faasguard reads one configuration file per directory/);
    assert.ok(!existsSync(path.join(dir, 'faasguard.config.yaml')));
    assert.equal((await runCli('init', path.join(dir, 'missing'))).code, 2);
  });
});
