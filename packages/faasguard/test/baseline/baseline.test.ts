/**
 * The baseline workflow end to end through the CLI, on a copy of the vulnerable example: moving
 * things around in the template brings no finding back; a new resource is the only new finding;
 * a removed one is counted as gone.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

// Runtime deprecation depends on the scan date; fix it so the rule set gives the same findings.
process.env['FAASGUARD_NOW'] = '2026-11-23';

const EXAMPLE = path.join(REPO_ROOT, 'examples/order-app/vulnerable');

interface Report {
  findings: { ruleId: string; fingerprint: string; subject?: { logicalId: string } }[];
  diagnostics: { code: string; message: string }[];
}

const NEW_PERMISSION = `
  AnyoneInvokesGetOrder:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref GetOrderFunction
      Action: lambda:InvokeFunction
      Principal: '*'
`;

/** Moves `UploadsBucket` after `OrdersTable` and puts blank lines and comments above resources. */
function shuffle(template: string): string {
  const bucket = '  UploadsBucket:\n    Type: AWS::S3::Bucket\n\n';
  assert.ok(template.includes(bucket));
  return template
    .replace(bucket, '')
    .replace('  OrdersTable:\n', `${bucket}  # the orders\n\n\n  OrdersTable:\n`)
    .replace('  UserPool:\n', '  # who may sign in\n\n  UserPool:\n')
    .replace('  PaymentWebhookFunction:\n', '\n\n  # payments\n  PaymentWebhookFunction:\n');
}

/** Removes the `PartnerInvokePermission` resource, the template's last. */
function withoutPartnerPermission(template: string): string {
  const at = template.indexOf('  PartnerInvokePermission:');
  assert.ok(at > 0);
  return template.slice(0, at);
}

describe('baseline', () => {
  let dir = '';
  let baselineFile = '';
  let template = '';
  let original = '';

  before(async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'faasguard-baseline-'));
    dir = path.join(tmp, 'app');
    cpSync(EXAMPLE, dir, { recursive: true });
    baselineFile = path.join(tmp, 'baseline.json');
    template = path.join(dir, 'template.yaml');
    original = readFileSync(template, 'utf8');
    const written = await runCli('baseline', dir, '--output', baselineFile, '--no-vuln-cache');
    assert.equal(written.code, 0, written.err);
  });

  after(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  async function rescan(text: string): Promise<Report & { note: string }> {
    writeFileSync(template, text);
    const run = await runCli('scan', dir, '--format', 'json', '--baseline', baselineFile, '--no-vuln-cache');
    const report = JSON.parse(run.out) as Report;
    const note = report.diagnostics.find((d) => d.code === 'baseline-applied');
    assert.ok(note, 'the report carries the baseline note');
    return { ...report, note: note.message };
  }

  it('writes sorted, versioned entries with rule, file and message', () => {
    const baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as { version: number; findings: { fingerprint: string; ruleId: string; file: string; message: string }[] };
    assert.equal(baseline.version, 1);
    assert.ok(baseline.findings.length > 10);
    const fingerprints = baseline.findings.map((e) => e.fingerprint);
    assert.deepEqual(fingerprints, [...fingerprints].sort());
    assert.deepEqual(Object.keys(baseline.findings[0] ?? {}), ['fingerprint', 'ruleId', 'file', 'message']);
  });

  it('reports nothing new after blank lines, comments and reordering', async () => {
    const shuffled = shuffle(original);
    assert.notEqual(shuffled, original);
    const report = await rescan(shuffled);
    assert.deepEqual(report.findings, []);
    assert.match(report.note, / 0 baselined findings are gone$/);
  });

  it('reports exactly the new vulnerable resource', async () => {
    const report = await rescan(shuffle(original) + NEW_PERMISSION);
    assert.deepEqual(report.findings.map((f) => `${f.ruleId} ${f.subject?.logicalId}`), ['lambda-permission-public AnyoneInvokesGetOrder']);
  });

  it('counts the baselined findings of a removed resource as gone', async () => {
    // The permission is the only thing making CreateOrderFunction public (its API route has an
    // authorizer), so its findings about a public function go with it: three in all.
    const report = await rescan(withoutPartnerPermission(original));
    assert.deepEqual(report.findings, []);
    assert.match(report.note, /; 3 baselined findings are gone$/);
    const plain = JSON.parse((await runCli('scan', dir, '--format', 'json', '--no-vuln-cache')).out) as Report;
    const present = new Set(plain.findings.map((f) => f.fingerprint));
    const baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as { findings: { fingerprint: string; ruleId: string }[] };
    const gone = baseline.findings.filter((e) => !present.has(e.fingerprint)).map((e) => e.ruleId);
    assert.deepEqual(gone.sort(), ['lambda-permission-public', 'public-function-without-alarm', 'public-function-without-reserved-concurrency']);
  });

  it('says in the pretty summary line how many were baselined and how many are gone', async () => {
    writeFileSync(template, withoutPartnerPermission(original));
    const run = await runCli('scan', dir, '--baseline', baselineFile, '--no-color', '--no-vuln-cache');
    const summary = run.out.trimEnd().split('\n').at(-1) ?? '';
    assert.match(summary, /; 35 baselined, 3 gone from the baseline; /);
  });

  it('refuses a baseline file it cannot read', async () => {
    const run = await runCli('scan', dir, '--baseline', path.join(dir, 'missing.json'));
    assert.equal(run.code, 2);
    assert.match(run.err, /--baseline cannot read baseline/);
  });
});
