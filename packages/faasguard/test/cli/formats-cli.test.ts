/**
 * The command line on Serverless Framework and CDK apps: --stage, --region and --env-vars reach the
 * loader, a single file can be scanned, and a CDK app without cdk.out is explained, not guessed.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { FIXTURES } from '../helpers/paths.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const run = runCli;

const SERVICE = path.join(FIXTURES, 'serverless/orders-service');
const dirs: string[] = [];
after(() => dirs.forEach(removeProject));

describe('faasguard on Serverless Framework and CDK apps', () => {
  it('scans a service with --stage and --region', async () => {
    const dev = JSON.parse((await run('scan', SERVICE, '--format', 'json')).out) as { findings: Array<{ ruleId: string }> };
    assert.ok(dev.findings.some((f) => f.ruleId === 'env-plaintext-secret'), 'config/dev.yml holds a plaintext password');
    const prod = JSON.parse((await run('scan', SERVICE, '--format', 'json', '--stage', 'prod', '--region', 'eu-west-3')).out) as { findings: Array<{ ruleId: string }> };
    assert.ok(!prod.findings.some((f) => f.ruleId === 'env-plaintext-secret'), 'config/prod.yml reads it from SSM');
  });

  it('lets --env-vars open the environment to ${env:…}', async () => {
    process.env['FG_CLI_TEST_TOKEN'] = 'q7RzT2vX9kLm4NpW8sYb';
    const dir = tempProject({ 'serverless.yml': 'service: s\nprovider:\n  name: aws\nfunctions:\n  f:\n    handler: h.main\n    environment:\n      DB_PASSWORD: ${env:FG_CLI_TEST_TOKEN}\n' });
    dirs.push(dir);
    try {
      const closed = await run('map', dir, '--format', 'json');
      assert.equal(closed.code, 0);
      const open = JSON.parse((await run('scan', dir, '--format', 'json', '--env-vars', 'FG_CLI_TEST_TOKEN')).out) as { findings: Array<{ ruleId: string }> };
      assert.ok(open.findings.some((f) => f.ruleId === 'env-plaintext-secret'));
      const shut = JSON.parse((await run('scan', dir, '--format', 'json')).out) as { findings: Array<{ ruleId: string }> };
      assert.ok(!shut.findings.some((f) => f.ruleId === 'env-plaintext-secret'));
    } finally {
      delete process.env['FG_CLI_TEST_TOKEN'];
    }
  });

  it('scans one file given on the command line', async () => {
    const result = await run('scan', path.join(FIXTURES, 'three-ways/serverless/serverless.yml'), '--format', 'json');
    const report = JSON.parse(result.out) as { scanRoot: string; findings: Array<{ ruleId: string; location: { file: string } }> };
    assert.ok(report.findings.some((f) => f.ruleId === 'function-url-without-auth' && f.location.file === path.posix.join(report.scanRoot, 'serverless.yml')));
  });

  it('says how to synthesize a CDK app that has no cloud assembly', async () => {
    const dir = tempProject({ 'cdk.json': '{"app":"node app.js"}', 'app.js': 'process.exit(3)\n' });
    dirs.push(dir);
    const result = await run('scan', dir, '--format', 'json');
    assert.equal(result.code, 2);
    const report = JSON.parse(result.out) as { diagnostics: Array<{ code: string; message: string }> };
    assert.ok(report.diagnostics.some((d) => d.code === 'cdk-not-synthesized' && /cdk synth/.test(d.message)));
  });

  it('reports a failed --synth instead of guessing', async () => {
    // No CDK CLI is installed here, and `npx --no-install` never downloads one: synthesis fails.
    const dir = tempProject({ 'cdk.json': '{"app":"node missing-app.js"}' });
    dirs.push(dir);
    const result = await run('scan', dir, '--format', 'json', '--synth');
    assert.equal(result.code, 2);
    const report = JSON.parse(result.out) as { templates: string[]; diagnostics: Array<{ code: string; severity: string }> };
    assert.deepEqual(report.templates, []);
    assert.ok(report.diagnostics.some((d) => d.code === 'cdk-synth-failed' && d.severity === 'error'));
  });
});
