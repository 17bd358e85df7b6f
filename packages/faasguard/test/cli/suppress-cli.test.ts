/**
 * Suppressions through the command line: they never decide the exit code nor enter a baseline,
 * JSON keeps them with their reason, and --show-suppressed lists them in pretty and Markdown.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';
import { webhookTemplate } from '../fixtures/suppress/webhook-template.js';

// Runtime deprecation depends on the scan date: pin it so that the findings keep their meaning.
process.env['FAASGUARD_NOW'] = '2026-11-23';

const COMMENT = '# faasguard-ignore function-url-without-auth: payment webhook, every request carries an HMAC signature';

const template = webhookTemplate;

interface Report {
  summary: Record<string, number>;
  findings: { ruleId: string; fingerprint: string; suppression?: { kind: string; reason: string; location: { file: string; line: number; column: number } } }[];
}

const dirs: string[] = [];
after(() => dirs.forEach(removeProject));

function project(comment: string): string {
  const dir = tempProject({ 'template.yaml': template(comment) });
  dirs.push(dir);
  return dir;
}

describe('suppressions on the command line', () => {
  it('leave suppressed findings out of the exit code', async () => {
    assert.equal((await runCli('scan', project('# nothing accepted'), '--fail-on', 'high', '--format', 'json')).code, 1);
    assert.equal((await runCli('scan', project(COMMENT), '--fail-on', 'high', '--format', 'json')).code, 0);
  });

  it('keep suppressed findings in JSON, with the reason and the place of the comment', async () => {
    const report = JSON.parse((await runCli('scan', project(COMMENT), '--format', 'json')).out) as Report;
    const suppressed = report.findings.filter((f) => f.suppression !== undefined);
    assert.deepEqual(suppressed.map((f) => [f.ruleId, f.suppression]), [
      ['function-url-without-auth', { kind: 'inline', reason: 'payment webhook, every request carries an HMAC signature', location: { file: 'template.yaml', line: 3, column: 3 } }],
    ]);
    assert.equal(report.summary['suppressed'], 1);
    assert.equal(report.summary['high'], 0);
  });

  it('list suppressed findings in pretty and Markdown only with --show-suppressed', async () => {
    const dir = project(COMMENT);
    const hidden = await runCli('scan', dir, '--no-color');
    // Code frames of other findings may show the comment; no finding line names the rule.
    assert.doesNotMatch(hidden.out, /:\d+ {2}(\w+ )?function-url-without-auth {2}/);
    assert.match(hidden.out, /; 1 suppressed \(--show-suppressed lists them\);/);
    const shown = await runCli('scan', dir, '--no-color', '--show-suppressed');
    assert.match(shown.out, /SUPPRESSED \(1\)\n\n {2}template\.yaml:11:19 {2}high function-url-without-auth {2}Function URL without authentication\n {4}suppressed at template\.yaml:3: payment webhook, every request carries an HMAC signature\n/);
    const markdown = await runCli('scan', dir, '--format', 'markdown', '--show-suppressed');
    assert.ok(markdown.out.includes('| high | `function-url-without-auth` | `template.yaml:11` | payment webhook, every request carries an HMAC signature | `template.yaml:3` |'));
    assert.equal((await runCli('scan', dir, '--format', 'markdown')).out.includes('function-url-without-auth'), false);
  });

  it('never print a secret whose finding is suppressed, in any format', async () => {
    const secret = 'q7RzT2vX9kLm4NpW8sYb';
    const dir = tempProject({
      'template.yaml': template(COMMENT).replace('      FunctionUrlConfig:', `      Environment:\n        Variables:\n          DB_PASSWORD: '${secret}'  # faasguard-ignore env-plaintext-secret: a test value\n      FunctionUrlConfig:`),
    });
    dirs.push(dir);
    for (const format of ['pretty', 'json', 'sarif', 'markdown', 'junit']) {
      const { out } = await runCli('scan', dir, '--format', format, '--no-color', '--show-suppressed');
      assert.ok(out.includes('env-plaintext-secret'), format);
      assert.equal(out.includes(secret), false, `${format} output leaks the password`);
    }
  });

  it('keep suppressed findings out of a baseline, so that removing the suppression brings them back', async () => {
    const dir = project(COMMENT);
    const baselineFile = path.join(dir, 'baseline.json');
    assert.equal((await runCli('baseline', dir, '--output', baselineFile)).code, 0);
    const baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as { findings: { ruleId: string }[] };
    assert.ok(baseline.findings.length > 0);
    assert.deepEqual(baseline.findings.filter((e) => e.ruleId === 'function-url-without-auth'), []);

    const withSuppression = JSON.parse((await runCli('scan', dir, '--format', 'json', '--baseline', baselineFile)).out) as Report;
    assert.deepEqual(withSuppression.findings.map((f) => [f.ruleId, f.suppression !== undefined]), [['function-url-without-auth', true]]);

    writeFileSync(path.join(dir, 'template.yaml'), template('# accepted no more'));
    const withoutSuppression = await runCli('scan', dir, '--format', 'json', '--baseline', baselineFile, '--fail-on', 'high');
    assert.deepEqual((JSON.parse(withoutSuppression.out) as Report).findings.map((f) => [f.ruleId, f.suppression !== undefined]), [['function-url-without-auth', false]]);
    assert.equal(withoutSuppression.code, 1);
  });
});
