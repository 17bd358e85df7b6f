/**
 * The command line as CI runs it: a child process without a terminal, real files, real exit codes.
 * A template that cannot be parsed fails the scan (exit 2) in every format, is named on stderr and
 * in the SARIF run; stderr always ends with the summary; the exit code and the messages agree.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PACKAGE_ROOT } from '../helpers/paths.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';
import { validateSarifSchema } from '../report/validators.js';
import { GOOD_TEMPLATE } from '../helpers/hostile-templates.js';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'faasguard.js');

const CLEAN = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: alias/aws/sns\n";
/** Line 4 is where the parser gives up. */
const BROKEN = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket: [\n';
const FUNCTION_WITH_DEPENDENCIES = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: src
`;

let dir = '';
before(() => {
  dir = tempProject({
    'mixed/good.yaml': CLEAN,
    'mixed/bad.yaml': BROKEN,
    'clean/template.yaml': CLEAN,
    'open/template.yaml': GOOD_TEMPLATE,
    'config/faasguard.config.yaml': 'allowInputErrors: true\n',
    'config/good.yaml': CLEAN,
    'config/bad.yaml': BROKEN,
    'deps/template.yaml': FUNCTION_WITH_DEPENDENCIES,
    'deps/src/index.js': 'exports.handler = async () => ({});\n',
    'deps/src/package.json': JSON.stringify({ name: 'a', version: '1.0.0', dependencies: { lodash: '4.17.20' } }),
    'deps/src/package-lock.json': JSON.stringify({ name: 'a', version: '1.0.0', lockfileVersion: 3, packages: { '': { name: 'a', version: '1.0.0', dependencies: { lodash: '4.17.20' } }, 'node_modules/lodash': { version: '4.17.20' } } }),
  });
  fs.mkdirSync(path.join(dir, 'empty'));
});
after(() => removeProject(dir));

function run(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args, '--no-cache'], { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const BROKEN_LINE = /^faasguard: error bad\.yaml:4: YAML syntax error: .* \[yaml-syntax\]$/m;

describe('a template that cannot be parsed', () => {
  it('fails a SARIF scan written to a file, names the file on stderr, and is a notification of an unsuccessful run', () => {
    const sarif = path.join(dir, 'x.sarif');
    const { code, out, err } = run('scan', path.join(dir, 'mixed'), '--format', 'sarif', '--output', sarif);
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, BROKEN_LINE);
    const log = JSON.parse(fs.readFileSync(sarif, 'utf8')) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<Record<string, unknown>> }> }> };
    assert.deepEqual(validateSarifSchema(log), []);
    const [invocation] = log.runs[0]!.invocations;
    assert.equal(invocation!.executionSuccessful, false);
    const [note] = invocation!.toolExecutionNotifications;
    assert.equal(note!['level'], 'error');
    assert.deepEqual(note!['descriptor'], { id: 'yaml-syntax' });
    assert.deepEqual(note!['locations'], [{ physicalLocation: { artifactLocation: { uri: 'bad.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 1 } } }]);
  });

  for (const format of ['json', 'pretty', 'markdown', 'junit']) {
    it(`fails a ${format} scan to standard output and names the file on stderr`, () => {
      const { code, err } = run('scan', path.join(dir, 'mixed'), '--format', format);
      assert.equal(code, 2);
      assert.match(err, BROKEN_LINE);
    });
  }

  it('still shows on stderr with --quiet', () => {
    const { code, err } = run('scan', path.join(dir, 'mixed'), '--format', 'json', '--quiet');
    assert.equal(code, 2);
    assert.match(err, BROKEN_LINE);
    assert.doesNotMatch(err, /input problem in/);
  });

  it('never says "No findings." with exit 2', () => {
    const { code, out } = run('scan', path.join(dir, 'mixed'));
    assert.equal(code, 2);
    assert.doesNotMatch(out, /^No findings\.$/m);
    assert.match(out, /^No findings in the templates that could be read\.$/m);
  });

  it('passes with --allow-input-errors, still shown on stderr', () => {
    const { code, err } = run('scan', path.join(dir, 'mixed'), '--format', 'json', '--allow-input-errors');
    assert.equal(code, 0);
    assert.match(err, BROKEN_LINE);
  });

  it('passes with the configuration key allowInputErrors: true', () => {
    const { code, err } = run('scan', path.join(dir, 'config'), '--format', 'json');
    assert.equal(code, 0);
    assert.match(err, BROKEN_LINE);
  });
});

describe('stderr without a terminal', () => {
  it('ends with the summary for a report written to a file', () => {
    const { code, err } = run('scan', path.join(dir, 'mixed'), '--format', 'sarif', '--output', path.join(dir, 'summary.sarif'));
    assert.equal(code, 2);
    assert.match(err, /^faasguard: no findings, 1 input problem in 1 template, \d+ files?, [\d.]+ s\n$/m);
  });

  it('gives the findings by severity for JSON on standard output', () => {
    const { code, err } = run('scan', path.join(dir, 'open'), '--format', 'json');
    assert.equal(code, 1);
    assert.match(err, /^faasguard: \d+ findings? \((\d+ (critical|high|medium|low|info)(, )?)+\) in 1 template, /m);
  });

  it('says that there is no vulnerability data, for a report written to a file, but not with --quiet', () => {
    const args = ['scan', path.join(dir, 'deps'), '--format', 'sarif', '--output', path.join(dir, 'deps.sarif'), '--no-vuln-cache', '--fail-on', 'none'];
    const shown = run(...args);
    assert.equal(shown.code, 0);
    assert.match(shown.err, /^faasguard: warning No vulnerability data: dependencies were not checked .* \[no-vuln-data\]$/m);
    assert.match(shown.err, /^faasguard: \d+ findings? .*, 1 input problem in 1 template, /m);
    const quiet = run(...args, '--quiet');
    assert.equal(quiet.code, 0);
    assert.equal(quiet.err, '');
  });

  it('is silent with --quiet when all is well', () => {
    const { code, err } = run('scan', path.join(dir, 'clean'), '--format', 'json', '--quiet');
    assert.equal(code, 0);
    assert.equal(err, '');
  });
});

describe('exit codes and messages', () => {
  it('says an empty folder has nothing to scan, with exit 2', () => {
    const { code, out, err } = run('scan', path.join(dir, 'empty'));
    assert.equal(code, 2);
    assert.doesNotMatch(out, /No findings/);
    assert.match(err, /no CloudFormation, SAM, Serverless Framework, CDK or Terraform template found under/);
  });

  it('does not count an applied baseline as an input problem', () => {
    const baseline = path.join(dir, 'open.baseline.json');
    assert.equal(run('baseline', path.join(dir, 'open'), '--output', baseline).code, 0);
    const { code, out, err } = run('scan', path.join(dir, 'open'), '--baseline', baseline);
    assert.equal(code, 0);
    assert.doesNotMatch(out, /input problem/i);
    assert.match(out, /; \d+ baselined, 0 gone from the baseline; 1 template scanned$/m);
    assert.match(out, /^No findings\.$/m);
    assert.equal(err, '');
  });

  it('takes --fail-on in any case, and none', () => {
    assert.equal(run('scan', path.join(dir, 'open'), '--format', 'json', '--fail-on', 'HIGH').code, 1);
    assert.equal(run('scan', path.join(dir, 'open'), '--format', 'json', '--fail-on', 'Critical').code, 0);
    assert.equal(run('scan', path.join(dir, 'open'), '--format', 'json', '--fail-on', 'None').code, 0);
    const wrong = run('scan', path.join(dir, 'open'), '--fail-on', 'severe');
    assert.equal(wrong.code, 2);
    assert.match(wrong.err, /--fail-on must be critical, high, medium, low, info or none/);
  });

  it('exits 0 with --exit-zero, findings and input errors still reported', () => {
    const findings = run('scan', path.join(dir, 'open'), '--format', 'json', '--exit-zero');
    assert.equal(findings.code, 0);
    assert.ok((JSON.parse(findings.out) as { findings: unknown[] }).findings.length > 0);
    const broken = run('scan', path.join(dir, 'mixed'), '--format', 'json', '--exit-zero');
    assert.equal(broken.code, 0);
    assert.match(broken.err, BROKEN_LINE);
  });
});

describe('--output', () => {
  it('creates the missing folders of the report before the scan', () => {
    const file = path.join(dir, 'reports', 'ci', 'x.sarif');
    const { code, err } = run('scan', path.join(dir, 'clean'), '--format', 'sarif', '--output', file);
    assert.equal(code, 0);
    assert.doesNotMatch(err, /internal error/);
    assert.deepEqual(validateSarifSchema(JSON.parse(fs.readFileSync(file, 'utf8'))), []);
  });

  it('refuses a folder under a file with one line, before scanning', () => {
    const file = path.join(dir, 'clean', 'template.yaml', 'x.sarif');
    const { code, err } = run('scan', path.join(dir, 'clean'), '--format', 'sarif', '--output', file);
    assert.equal(code, 2);
    assert.match(err, /^faasguard: --output .*x\.sarif: cannot create its folder .* \(E[A-Z]+\)\n/);
    assert.doesNotMatch(err, /internal error|no findings/);
  });

  it('names the report file the system refuses to write, with the reason', () => {
    // /dev/full takes the file's opening and refuses every write: a full disk.
    const { code, err } = run('scan', path.join(dir, 'clean'), '--format', 'json', '--output', '/dev/full');
    assert.equal(code, 2);
    assert.match(err, /^faasguard: --output \/dev\/full: cannot write it \(ENOSPC\)\n/);
    assert.doesNotMatch(err, /internal error/);
    const ok = path.join(dir, 'reports', 'ok.json');
    assert.equal(run('scan', path.join(dir, 'clean'), '--format', 'json', '--output', ok).code, 0);
    assert.equal((JSON.parse(fs.readFileSync(ok, 'utf8')) as { findings: unknown[] }).findings.length, 0);
  });

  it('refuses a directory as the report file', () => {
    const { code, err } = run('scan', path.join(dir, 'clean'), '--format', 'sarif', '--output', path.join(dir, 'empty'));
    assert.equal(code, 2);
    assert.match(err, /^faasguard: --output .*empty is a directory; give a file name\n/);
  });
});
