/**
 * The command line end to end: the example app (vulnerable and fixed), exit codes, usage errors,
 * `rules`, `explain`, and the generated rule pages being current.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.js';
import { checksTableMarkdown, withChecksTable } from '../../src/docs/checks-table.js';
import { ruleMarkdown, rulesIndexMarkdown } from '../../src/docs/rule-doc.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.js';

const run = runCli;

const EXAMPLE = path.join(REPO_ROOT, 'examples/order-app');

// Runtime deprecation depends on the scan date: pin it so that the expected findings do not change with the calendar.
process.env['FAASGUARD_NOW'] = '2026-11-23';

/** The problems planted in examples/order-app/vulnerable: rule, file, line, subject. */
const PLANTED: Array<[string, string, number, string]> = [
  ['public-source-triggers-function', 'template.yaml', 83, 'UploadsBucket'],
  ['lambda-permission-public', 'template.yaml', 114, 'PartnerInvokePermission'],
  ['api-route-without-auth', 'template.yaml', 72, 'GetOrderFunction.Get'],
  ['env-plaintext-secret', 'template.yaml', 95, 'ProcessUploadFunction'],
  ['recursive-trigger-loop', 'template.yaml', 100, 'ProcessUploadFunction'],
  ['function-url-without-auth', 'template.yaml', 112, 'PaymentWebhookFunction'],
  ['cognito-user-pool-without-mfa', 'template.yaml', 22, 'UserPool'],
];

interface JsonFinding {
  ruleId: string;
  location: { file: string; line: number };
  subject?: { logicalId: string };
}

describe('faasguard scan', () => {
  it('finds the planted problems in the vulnerable example', async () => {
    const { code, out } = await run('scan', path.join(EXAMPLE, 'vulnerable'), '--format', 'json');
    assert.equal(code, 1);
    const report = JSON.parse(out) as { scanRoot: string; findings: JsonFinding[] };
    // Paths start at the repository root: `scanRoot` is where the example stands under it.
    const findings = report.findings.map((f) => [f.ruleId, path.posix.relative(report.scanRoot, f.location.file), f.location.line, f.subject?.logicalId]);
    for (const planted of PLANTED) assert.ok(findings.some((f) => JSON.stringify(f) === JSON.stringify(planted)), `missing ${planted.join(' ')}`);
  });

  it('reports nothing on the fixed example, and exits 0', async () => {
    const { code, out } = await run('scan', path.join(EXAMPLE, 'fixed'), '--format', 'json');
    const findings = (JSON.parse(out) as { findings: JsonFinding[] }).findings;
    for (const [ruleId, , , subject] of PLANTED) {
      assert.ok(!findings.some((f) => f.ruleId === ruleId && f.subject?.logicalId === subject), `${ruleId} on ${subject} is still reported`);
    }
    assert.deepEqual(findings, []);
    assert.equal(code, 0);
  });

  it('never prints a secret, in any format', async () => {
    for (const format of ['pretty', 'json', 'sarif', 'html']) {
      const { out } = await run('scan', path.join(EXAMPLE, 'vulnerable'), '--format', format, '--no-color');
      assert.ok(out.includes('env-plaintext-secret'), format);
      assert.ok(!out.includes('q7RzT2vX9kLm4NpW8sYb'), `${format} output leaks the password`);
    }
  });

  it('shows code frames of code files when the target is one template file', async () => {
    const { out } = await run('scan', path.join(EXAMPLE, 'vulnerable', 'template.yaml'), '--no-color');
    assert.match(out, /src\/process-upload\.js:7:14 {2}command-injection/);
    assert.match(out, /> +7 \| +execSync\(/);
  });

  it('--fail-on decides the exit code', async () => {
    const dir = path.join(EXAMPLE, 'vulnerable');
    assert.equal((await run('scan', dir, '--fail-on', 'critical', '--format', 'json')).code, 1);
    const onlyMedium = path.join(FIXTURES, 'rules/lambda-permission-service-without-source/fail');
    assert.equal((await run('scan', onlyMedium, '--fail-on', 'high', '--format', 'json')).code, 0);
    assert.equal((await run('scan', onlyMedium, '--fail-on', 'medium', '--format', 'json')).code, 1);
  });

  it('exits 2 on usage errors and when nothing can be scanned', async () => {
    assert.equal((await run('scan')).code, 2);
    assert.equal((await run('scan', EXAMPLE, '--format', 'xml')).code, 2);
    assert.equal((await run('scan', EXAMPLE, '--fail-on', 'urgent')).code, 2);
    assert.equal((await run('scan', path.join(EXAMPLE, 'missing'))).code, 2);
    assert.equal((await run('scan', EXAMPLE, '--param', 'novalue')).code, 2);
    assert.equal((await run('frobnicate')).code, 2);
    const empty = await run('scan', path.join(EXAMPLE, 'vulnerable', 'src'), '--format', 'json');
    assert.equal(empty.code, 2);
    assert.match(empty.err, /no CloudFormation, SAM, Serverless Framework, CDK or Terraform template/);
  });

  it('reads parameters from files in both layouts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'faasguard-params-'));
    try {
      const objectFile = path.join(dir, 'object.json');
      const listFile = path.join(dir, 'list.json');
      writeFileSync(objectFile, JSON.stringify({ Env: 'prod' }));
      writeFileSync(listFile, JSON.stringify([{ ParameterKey: 'Env', ParameterValue: 'prod' }]));
      for (const file of [objectFile, listFile]) {
        assert.ok((await functionsOf('--params-file', file)).includes('ProdOnly'), file);
      }
      writeFileSync(listFile, '[{"Value": 1}]');
      assert.equal((await run('scan', path.join(FIXTURES, 'sam-app'), '--params-file', listFile)).code, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes template parameters (a resource whose Condition needs Env=prod)', async () => {
    assert.ok(!(await functionsOf()).includes('ProdOnly'));
    assert.ok((await functionsOf('--param', 'Env=prod')).includes('ProdOnly'));
  });
});

async function functionsOf(...options: string[]): Promise<string[]> {
  const { out } = await run('map', path.join(FIXTURES, 'sam-app'), '--format', 'json', ...options);
  return (JSON.parse(out) as { functions: Array<{ name: string }> }).functions.map((f) => f.name);
}

describe('faasguard rules and explain', () => {
  it('lists every rule', async () => {
    const { code, out } = await run('rules');
    assert.equal(code, 0);
    for (const r of ALL_RULES) assert.ok(out.includes(r.meta.id));
  });

  it('explains a rule from its metadata, and refuses an unknown id', async () => {
    const { code, out } = await run('explain', 'function-url-without-auth');
    assert.equal(code, 0);
    assert.match(out, /How to fix it:/);
    assert.match(out, /AuthType: AWS_IAM/);
    assert.equal((await run('explain', 'no-such-rule')).code, 2);
  });

  it('has a current documentation page for every rule (run `npm run docs` after changing a rule)', () => {
    const dir = path.join(REPO_ROOT, 'docs/rules');
    const metas = ALL_RULES.map((r) => r.meta).sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const m of metas) assert.equal(readFileSync(path.join(dir, `${m.id}.md`), 'utf8'), ruleMarkdown(m), `docs/rules/${m.id}.md is stale`);
    assert.equal(readFileSync(path.join(dir, 'README.md'), 'utf8'), rulesIndexMarkdown(metas));
    const pages = readdirSync(dir).filter((f) => f !== 'README.md').sort();
    assert.deepEqual(pages, metas.map((m) => `${m.id}.md`));
  });

  it("has the current checks table in the repository's README (run `npm run docs`)", () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const table = checksTableMarkdown(ALL_RULES.map((r) => r.meta), 'docs/rules/');
    assert.equal(withChecksTable(readme, table), readme, 'README.md: the checks table is stale');
    for (const m of ALL_RULES.map((r) => r.meta)) assert.ok(readme.includes(`(docs/rules/${m.id}.md)`), `README.md: ${m.id} is not in the checks table`);
  });
});
