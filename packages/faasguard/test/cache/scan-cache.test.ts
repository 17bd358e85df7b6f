import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MAX_ENTRIES } from '../../src/cache/scan-cache.js';
import { scan, type ScanOptions } from '../../src/scan/scan.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.js';
import { removeProject, tempProject, writeFiles } from '../helpers/temp-project.js';
import { runCli } from '../helpers/run-cli.js';

const EXAMPLE = path.join(REPO_ROOT, 'examples/order-app/vulnerable');

/** A copy of the example app, with a git-ignored helper module its upload handler imports. */
function exampleCopy(): string {
  const dir = tempProject({});
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  const handler = path.join(dir, 'src/process-upload.js');
  fs.writeFileSync(handler, `const shell = require('./generated/shell');\n${fs.readFileSync(handler, 'utf8')}`);
  writeFiles(dir, { '.gitignore': 'src/generated/\n', 'src/generated/shell.js': "exports.run = (cmd) => require('child_process').execSync(cmd);\n" });
  return dir;
}

function ruleIds(findings: ReadonlyArray<{ ruleId: string; location: { file: string; line: number } }>): string[] {
  return findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`);
}

describe('scan cache', () => {
  let app: string;
  let cacheDir: string;
  let options: ScanOptions;
  before(() => {
    app = exampleCopy();
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-cache-'));
    options = { scanCache: cacheDir };
  });
  after(() => {
    removeProject(app);
    removeProject(cacheDir);
  });

  it('reuses the result of an unchanged app, with the same findings and diagnostics', async () => {
    const first = await scan(app, options);
    const second = await scan(app, options);
    assert.equal(first.fromCache, undefined);
    assert.equal(second.fromCache, true);
    assert.ok(first.findings.length >= 30);
    assert.deepEqual(second.findings, first.findings);
    assert.deepEqual(second.diagnostics, first.diagnostics);
    assert.deepEqual(second.templates, first.templates);
    assert.deepEqual(second.rules, first.rules);
    assert.deepEqual(second.suppressed, first.suppressed);
    assert.deepEqual(second.attackSurface(), first.attackSurface());
    assert.ok(second.attackSurface().map.functions.length >= 4);
    const frameFile = first.findings[0]!.location.file;
    assert.equal(second.readSource(frameFile), first.readSource(frameFile));
  });

  it('scans again when a template changes, and reports the change', async () => {
    await scan(app, options);
    const template = path.join(app, 'template.yaml');
    const original = fs.readFileSync(template, 'utf8');
    fs.writeFileSync(template, original.replace(/AuthType: NONE/, 'AuthType: AWS_IAM'));
    try {
      const changed = await scan(app, options);
      assert.equal(changed.fromCache, undefined);
      assert.equal(changed.findings.some((f) => f.ruleId === 'function-url-without-auth'), false);
    } finally {
      fs.writeFileSync(template, original);
    }
    const restored = await scan(app, options);
    assert.equal(restored.fromCache, undefined, 'the entry now holds the edited content');
    assert.equal(restored.findings.some((f) => f.ruleId === 'function-url-without-auth'), true);
  });

  it('checks code the scan read beyond the listed files (a git-ignored module)', async () => {
    await scan(app, options);
    assert.equal((await scan(app, options)).fromCache, true);
    const helper = path.join(app, 'src/generated/shell.js');
    const original = fs.readFileSync(helper, 'utf8');
    fs.writeFileSync(helper, `${original}// edited\n`);
    try {
      assert.equal((await scan(app, options)).fromCache, undefined);
    } finally {
      fs.writeFileSync(helper, original);
    }
  });

  it('covers Terraform modules, and the files their templatefile() calls read', async () => {
    const dir = tempProject({});
    fs.cpSync(path.join(FIXTURES, 'terraform', 'annotated', 'expressions'), dir, { recursive: true });
    try {
      const tf = { ...options, terraform: true };
      const first = await scan(dir, tf);
      const second = await scan(dir, tf);
      assert.equal(second.fromCache, true);
      assert.deepEqual(ruleIds(second.findings), ruleIds(first.findings));
      assert.ok(first.findings.some((f) => f.ruleId === 'public-source-triggers-function'));
      assert.equal((await scan(dir, { ...options, terraform: false })).findings.some((f) => f.location.file === 'main.tf'), false, 'keyed by the option');
      // The policy the queue's templatefile() reads is an input: closing it is seen.
      const policy = path.join(dir, 'policies/public-queue.json');
      fs.writeFileSync(policy, fs.readFileSync(policy, 'utf8').replace('"Principal": "*"', '"Principal": { "AWS": "arn:aws:iam::123456789012:root" }'));
      const changed = await scan(dir, tf);
      assert.equal(changed.fromCache, undefined);
      assert.equal(changed.findings.some((f) => f.ruleId === 'public-source-triggers-function'), false);
    } finally {
      removeProject(dir);
    }
  });

  it('scans again when a file appears', async () => {
    await scan(app, options);
    writeFiles(app, { 'src/new-file.js': 'module.exports = 1;\n' });
    try {
      assert.equal((await scan(app, options)).fromCache, undefined);
      assert.equal((await scan(app, options)).fromCache, true);
    } finally {
      fs.rmSync(path.join(app, 'src/new-file.js'));
    }
  });

  it('keys the result by options, rules and scan date', async () => {
    await scan(app, options);
    assert.equal((await scan(app, options)).fromCache, true);
    assert.equal((await scan(app, { ...options, params: new Map([['Stage', 'prod']]) })).fromCache, undefined);
    const fewer = ALL_RULES.filter((r) => r.meta.id !== 'function-url-without-auth');
    const withFewer = await scan(app, { ...options, rules: fewer });
    assert.equal(withFewer.fromCache, undefined);
    assert.equal(withFewer.findings.some((f) => f.ruleId === 'function-url-without-auth'), false);
    const saved = process.env['FAASGUARD_NOW'];
    process.env['FAASGUARD_NOW'] = '2030-01-01';
    try {
      assert.equal((await scan(app, options)).fromCache, undefined);
    } finally {
      if (saved === undefined) delete process.env['FAASGUARD_NOW'];
      else process.env['FAASGUARD_NOW'] = saved;
    }
  });

  it(`keeps the ${MAX_ENTRIES} most recently written entries`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-prune-'));
    try {
      for (let i = 0; i < MAX_ENTRIES + 3; i++) {
        const old = path.join(dir, `old-${String(i).padStart(2, '0')}.json`);
        fs.writeFileSync(old, '{}');
        fs.utimesSync(old, new Date(2026, 0, 1, 0, i), new Date(2026, 0, 1, 0, i));
      }
      await scan(app, { scanCache: dir });
      const left = fs.readdirSync(dir).sort();
      assert.equal(left.length, MAX_ENTRIES);
      assert.equal(left.filter((f) => !f.startsWith('old-')).length, 1, 'the new entry stays');
      assert.ok(!left.includes('old-00.json') && !left.includes('old-03.json') && left.includes('old-04.json'));
    } finally {
      removeProject(dir);
    }
  });

  it('goes on with a malformed FAASGUARD_NOW, which the deprecation rule reports, as without a cache', async () => {
    const saved = process.env['FAASGUARD_NOW'];
    process.env['FAASGUARD_NOW'] = 'not-a-date';
    try {
      const cached = await scan(app, options);
      const plain = await scan(app, {});
      const failed = (r: typeof plain) => r.diagnostics.filter((d) => d.code === 'rule-failed').map((d) => d.message);
      assert.deepEqual(failed(cached), ['rule runtime-deprecated failed: FAASGUARD_NOW=not-a-date is not an ISO date (e.g. 2026-11-23)']);
      assert.deepEqual(failed(cached), failed(plain));
      assert.equal(cached.findings.length, plain.findings.length);
    } finally {
      if (saved === undefined) delete process.env['FAASGUARD_NOW'];
      else process.env['FAASGUARD_NOW'] = saved;
    }
  });

  it('treats an unreadable or foreign entry as a miss', async () => {
    await scan(app, options);
    for (const f of fs.readdirSync(cacheDir)) fs.writeFileSync(path.join(cacheDir, f), '{"format": 1, "key": "x"');
    const again = await scan(app, options);
    assert.equal(again.fromCache, undefined);
    assert.deepEqual(ruleIds((await scan(app, options)).findings), ruleIds(again.findings));
  });

  it('is used by the command line unless --no-cache is given', async () => {
    const cliCache = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-cli-cache-'));
    const saved = process.env['FAASGUARD_CACHE_DIR'];
    process.env['FAASGUARD_CACHE_DIR'] = cliCache;
    try {
      const uncached = await runCli('scan', app, '--format', 'json', '--no-cache');
      assert.equal(fs.existsSync(path.join(cliCache, 'scans')), false);
      const first = await runCli('scan', app, '--format', 'json');
      assert.equal(fs.readdirSync(path.join(cliCache, 'scans')).length, 1);
      const second = await runCli('scan', app, '--format', 'json');
      assert.equal(second.out, first.out);
      assert.equal(first.out, uncached.out);
      assert.equal(second.code, uncached.code);
    } finally {
      if (saved === undefined) delete process.env['FAASGUARD_CACHE_DIR'];
      else process.env['FAASGUARD_CACHE_DIR'] = saved;
      removeProject(cliCache);
    }
  });
});
