/**
 * The per-file scans of the dependency and secret analyses (`analysis/file-scans.ts`), computed
 * ahead on a thread of their own for a large app (`file-scans-ahead.ts`): what they read, and that
 * a scan gives the same report with them as without.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { generateApp } from '../../bench/generate.js';
import { discoverFiles } from '../../src/discover/discover.js';
import { readFileScans } from '../../src/analysis/file-scans.js';
import { findFileSecrets } from '../../src/analysis/file-secrets.js';
import { ModelBuilder } from '../../src/loaders/model-builder.js';
import { MIN_FILES_AHEAD, startFileScansAhead } from '../../src/analysis/file-scans-ahead.js';
import { renderReport } from '../../src/report/reporter.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import type { WorkerInput } from '../../src/code/code-facts-run.js';
import { prepareCodeAnalysis } from '../../src/code/code-facts.js';
import { analyzeFunctionsCode, type FunctionsCode } from '../../src/code/function-code-facts.js';
import { ModelIndex } from '../../src/model/model-index.js';
import { tempProject, writeFiles } from '../helpers/temp-project.js';

const made: string[] = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const SECRETS = {
  '.env': 'STAGE=prod\nSTRIPE_API_KEY=Rk7Ts3Vu9Wx2Yz6Ab4Cd8E\n',
  'api/index.js': "const client = require('./client');\nconst apiKey = 'Hp4Tq8Wm2Xk7Rv9Ln3Bs';\nexports.handler = async () => client(apiKey);\n",
};

async function filesOf(dir: string) {
  return (await discoverFiles(dir, { exclude: [], excludeElsewhere: [] })).files;
}

describe('file scans', () => {
  it('reads the imports of code files and the secrets of searchable files, and skips installed packages', async () => {
    const dir = tempProject({
      ...SECRETS,
      'api/client.js': "import got from 'got';\nexport default (k) => got(k);\n",
      'worker/app.py': 'import boto3\nfrom requests import get\n',
      'api/vendor/lib/x.js': "require('left-pad');\nconst k = 'Zq3Xr7Vt2Wn8Bp4Lm6Hs';\n",
      'api/package-lock.json': '{"lockfileVersion": 3, "token": "Hp4Tq8Wm2Xk7Rv9Ln3Bs"}',
      'notes.md': 'apiKey = "Hp4Tq8Wm2Xk7Rv9Ln3Bs"\n',
    });
    made.push(dir);
    const scans = readFileScans(await filesOf(dir), { imports: true, secrets: true });
    assert.deepEqual([...scans.imports.keys()].sort(), ['api/client.js', 'api/index.js', 'worker/app.py']);
    assert.deepEqual(scans.imports.get('worker/app.py')?.map((i) => [i.specifier, i.line]), [['boto3', 1], ['requests', 2]]);
    assert.deepEqual(scans.imports.get('api/client.js')?.map((i) => i.specifier), ['got']);
    assert.deepEqual([...scans.secrets.keys()].sort(), ['.env', 'api/client.js', 'api/index.js', 'worker/app.py']);
    assert.deepEqual(scans.secrets.get('.env')?.map((m) => m.line), [2]);
    assert.deepEqual(scans.secrets.get('api/index.js')?.map((m) => m.line), [2]);
    assert.deepEqual(scans.secrets.get('api/client.js'), []);
    const importsOnly = readFileScans(await filesOf(dir), { imports: true, secrets: false });
    assert.equal(importsOnly.secrets.size, 0);
    assert.equal(importsOnly.imports.size, 3);
  });

  it('records the files read that hold no inline suppression, which the suppression step then does not read again', async () => {
    const dir = tempProject({
      ...SECRETS,
      'api/quiet.js': "// faasguard-ignore-next-line secret-in-code: a test key\nconst apiKey = 'Hp4Tq8Wm2Xk7Rv9Ln3Bs';\n",
      'notes.md': 'faasguard-ignore: not read, not a code file\n',
    });
    made.push(dir);
    const scans = readFileScans(await filesOf(dir), { imports: true, secrets: true });
    assert.deepEqual([...scans.unmarked].sort(), ['.env', 'api/index.js']);
  });

  it('the secrets search takes the matches already found for a file instead of reading it again', async () => {
    const dir = tempProject(SECRETS);
    made.push(dir);
    const files = await filesOf(dir);
    const model = new ModelBuilder().model;
    const read = await findFileSecrets(model, files, new Set());
    assert.deepEqual(read.secrets.map((s) => [s.loc.file, s.loc.line, s.kind]), [['.env', 2, 'env-file']]);
    const given = { ...read.secrets[0]!.match, line: 9 };
    const known = await findFileSecrets(model, files, new Set(), new Map([['.env', [given]]]));
    assert.deepEqual(known.secrets.map((s) => [s.loc.file, s.loc.line]), [['.env', 9]]);
  });

  it('starts a thread only with a second thread, enough files and something to compute', async () => {
    const few = tempProject(SECRETS);
    made.push(few);
    const files = await filesOf(few);
    const many = Array.from({ length: MIN_FILES_AHEAD }, (_, i) => ({ ...files[0]!, rel: `f${i}.js` }));
    assert.equal(startFileScansAhead(files, { imports: true, secrets: true }, 2), undefined);
    assert.equal(startFileScansAhead(many, { imports: true, secrets: true }, 1), undefined);
    assert.equal(startFileScansAhead(many, { imports: false, secrets: false }, 2), undefined);
  });

  it("gives on its thread what it gives here, and nothing when the thread cannot run", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'faasguard-scans-'));
    made.push(dir);
    generateApp(dir, { functions: MIN_FILES_AHEAD + 20, seed: 5 });
    writeFiles(dir, SECRETS);
    const files = await filesOf(dir);
    const request = { imports: true, secrets: true };
    const ahead = startFileScansAhead(files, request, 2);
    assert.ok(ahead, 'a thread was started');
    // Asked before its scans are in: the thread answers them first, then this.
    const app = await loadApp(dir);
    const index = ModelIndex.of(app.model);
    const share = app.model.functions.slice(-30);
    const input: WorkerInput = { root: dir, functions: share, triggers: share.flatMap((fn) => index.triggersOf(fn)), python: true, exclusion: {} };
    const code = ahead.ask<FunctionsCode>(input);
    const got = await ahead.results();
    const here = readFileScans(files, request);
    assert.ok(here.imports.size >= MIN_FILES_AHEAD);
    assert.deepEqual(got, here);
    // Then it analyzes the share of the code it is given, as this thread would.
    await prepareCodeAnalysis(app.model, dir);
    const codeHere = analyzeFunctionsCode(share, (fn) => index.triggersOf(fn), dir);
    const codeThere = await code;
    ahead.stop();
    assert.deepEqual(codeThere.functions.map((f) => [f.fn.id, f.resolution.ok, f.files, f.analysis?.flows.length ?? -1]), codeHere.functions.map((f) => [f.fn.id, f.resolution.ok, f.files, f.analysis?.flows.length ?? -1]));
    assert.ok(codeHere.functions.some((f) => (f.analysis?.flows.length ?? 0) > 0), 'flows are among them');
    assert.deepEqual([...codeThere.files.keys()], [...codeHere.files.keys()]);
    const broken = startFileScansAhead(files, request, 2, new URL('./no-such-worker.js', import.meta.url));
    assert.equal(await broken?.results(), undefined);
    broken?.stop();
  });

  it('leaves the report of a large app byte-identical', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'faasguard-scans-'));
    made.push(dir);
    generateApp(dir, { functions: MIN_FILES_AHEAD + 20, seed: 7 });
    writeFiles(dir, { ...SECRETS, 'api/quiet.js': "// faasguard-ignore-next-line secret-in-code: a test key\nconst apiKey = 'Zq3Xr7Vt2Wn8Bp4Lm6Hs';\nexports.client = () => apiKey;\n", 'api/template.yaml': "Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs20.x\n      CodeUri: .\n      Handler: index.handler\n" });
    const one = await scan(dir, { threads: 1 });
    const two = await scan(dir, { threads: 2 });
    assert.ok(one.findings.some((f) => f.ruleId === 'secret-in-code' && f.location.file === 'api/index.js'));
    assert.ok(one.findings.some((f) => f.ruleId.startsWith('dependency-')));
    // Its suppression is read on both, although the scans ahead tell which files hold none.
    assert.deepEqual((two.suppressed ?? []).map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`), ['secret-in-code api/quiet.js:2']);
    assert.equal(renderReport(two, 'json', { color: false }), renderReport(one, 'json', { color: false }));
  });
});
