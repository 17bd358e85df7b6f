/**
 * `faasguard changed <file>…` as a hook runs it: a child process in the project's folder, without a
 * terminal. It scans the whole project and reports and fails only on the findings in the files given.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PACKAGE_ROOT, REPO_ROOT } from '../helpers/paths.js';
import { removeProject, tempRepo, writeFiles } from '../helpers/temp-project.js';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'faasguard.js');
const VULNERABLE = path.join(REPO_ROOT, 'examples/order-app/vulnerable');

let dir = '';
before(() => {
  dir = tempRepo({});
  fs.cpSync(VULNERABLE, path.join(dir, 'app'), { recursive: true });
});
after(() => removeProject(dir));

function changed(cwd: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const env = { ...process.env, NO_COLOR: '1', FAASGUARD_NOW: '2026-11-23' };
  const r = spawnSync(process.execPath, [BIN, 'changed', '--no-cache', ...args], { cwd, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'], env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('faasguard changed', () => {
  it('fails on the findings of a changed handler, and names them with the file and line', () => {
    const { code, out, err } = changed(path.join(dir, 'app'), 'src/process-upload.js');
    assert.equal(code, 1);
    assert.match(out, /^ {2}src\/process-upload\.js:7:14 {2}command-injection {2}Command injection/m);
    // Its s3 write back into the bucket that triggers it is a place of the recursive-loop finding.
    assert.match(out, /^ {2}template\.yaml:100:9 {2}recursive-trigger-loop/m);
    assert.doesNotMatch(out, /lambda-permission-public|api-route-without-auth/);
    assert.match(err, /^faasguard: 2 findings in 1 changed file, 38 in the project/m);
  });

  it('passes when the changed files hold none of the project\'s findings', () => {
    const { code, out, err } = changed(path.join(dir, 'app'), 'src/get-order.js');
    assert.equal(code, 0, err);
    assert.match(out, /^No findings\.$/m);
    assert.match(err, /0 findings in 1 changed file, 38 in the project/);
  });

  it('takes paths relative to the working directory and a --root below it, as pre-commit passes them from the repository root', () => {
    const { code, out } = changed(dir, '--root', 'app', 'app/template.yaml', 'README.md');
    assert.equal(code, 1);
    assert.match(out, /^ {2}template\.yaml:114:3 {2}lambda-permission-public/m);
    assert.doesNotMatch(out, /command-injection/);
  });

  it('applies --fail-on to the changed files\' findings', () => {
    assert.equal(changed(path.join(dir, 'app'), 'src/process-upload.js', '--fail-on', 'CRITICAL').code, 1);
    assert.equal(changed(dir, '--root', 'app', 'app/src/payment-webhook.js', 'app/src/create-order.js', '--fail-on', 'critical').code, 0);
    assert.equal(changed(path.join(dir, 'app'), 'src/process-upload.js', '--fail-on', 'none').code, 0);
  });

  it('with --baseline, neither reports nor counts the findings the baseline holds, and refuses a baseline it cannot read', () => {
    const app = path.join(dir, 'app');
    const baseline = path.join(dir, 'known.json');
    const made = spawnSync(process.execPath, [BIN, 'baseline', '.', '--no-cache', '-q', '-o', baseline], { cwd: app, encoding: 'utf8', timeout: 120_000, env: { ...process.env, FAASGUARD_NOW: '2026-11-23' } });
    assert.equal(made.status, 0, made.stderr);
    const known = changed(app, 'src/process-upload.js', '--baseline', baseline);
    assert.equal(known.code, 0, known.err);
    assert.match(known.out, /^No findings\.$/m);
    assert.match(known.err, /^faasguard: 0 findings in 1 changed file, 0 in the project, not counting 38 in the baseline/m);
    const missing = changed(app, 'src/process-upload.js', '--baseline', path.join(dir, 'no-such.json'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /--baseline .*no-such\.json/);
  });

  it('does not scan when no given file is under the root', () => {
    const { code, out } = changed(dir, '--root', 'app', 'README.md', '../elsewhere.yaml');
    assert.equal(code, 0);
    assert.equal(out, '');
  });

  it('fails with exit 2 on a changed template that cannot be parsed, naming it, unless --allow-input-errors', () => {
    const project = tempRepo({ 'ok.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: alias/aws/sns\n' });
    try {
      writeFiles(project, { 'bad.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket: [\n' });
      const broken = changed(project, 'bad.yaml');
      assert.equal(broken.code, 2);
      assert.match(broken.err, /^faasguard: error bad\.yaml:4: YAML syntax error/m);
      assert.equal(changed(project, 'bad.yaml', '--allow-input-errors').code, 0);
      // Another file's problem is left to the full scan.
      assert.equal(changed(project, 'ok.yaml').code, 0);
    } finally {
      removeProject(project);
    }
  });

  it('exits 2 with a one-line message on a wrong --root or --fail-on, and when the root holds no template', () => {
    const noRoot = changed(dir, '--root', 'missing', 'a.yaml');
    assert.equal(noRoot.code, 2);
    assert.match(noRoot.err, /^faasguard: --root missing is not a directory$/m);
    assert.match(changed(dir, '--fail-on', 'severe', 'a.yaml').err, /^faasguard: --fail-on must be critical, high, medium, low, info or none$/m);
    fs.mkdirSync(path.join(dir, 'empty'), { recursive: true });
    const empty = changed(dir, '--root', 'empty', 'empty/x.yaml');
    assert.equal(empty.code, 2);
    assert.match(empty.err, /no CloudFormation, SAM, Serverless Framework, CDK or Terraform template found under empty/);
  });
});
