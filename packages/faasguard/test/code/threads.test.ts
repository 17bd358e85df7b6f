/**
 * The code analysis on two threads gives the reports one thread gives: same findings, flows,
 * diagnostics and order, in every format.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { generateApp } from '../../bench/generate.js';
import { MIN_FUNCTIONS_FOR_THREADS, runsPython, startInTwoThreads, type SpareThread } from '../../src/code/code-facts-threads.js';
import { analyzeWorkerShare, type WorkerInput } from '../../src/code/code-facts-run.js';
import { codeFactsFor, peekCodeFacts, prepareCodeAnalysis, startCodeAnalysis } from '../../src/code/code-facts.js';
import { CodeFactsPending } from '../../src/code/code-facts-pending.js';
import { analyzeFunctionsCode, type FunctionsCode } from '../../src/code/function-code-facts.js';
import { FunctionClaims } from '../../src/code/function-claims.js';
import { ModelIndex } from '../../src/model/model-index.js';
import { renderReport } from '../../src/report/reporter.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { writeFiles } from '../helpers/temp-project.js';

const made: string[] = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A generated app large enough for two threads, plus a shared module that does not parse. */
function largeApp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faasguard-threads-'));
  made.push(dir);
  generateApp(dir, { functions: MIN_FUNCTIONS_FOR_THREADS + 40, seed: 3 });
  return dir;
}

describe('code analysis on two threads', () => {
  it('gives byte-identical JSON and SARIF reports to one thread', async () => {
    const dir = largeApp();
    writeFiles(dir, { 'broken/template.yaml': brokenTemplate(), 'broken/src/a.js': "const s = require('./shared');\nexports.handler = async (e) => require('child_process').execSync(s.x(e.body));\n", 'broken/src/b.js': "const s = require('./shared');\nexports.handler = async (e) => s.x(e.body);\n", 'broken/src/shared.js': 'exports.x = (v) => v; function (\n' });
    const one = await scan(dir, { threads: 1 });
    const two = await scan(dir, { threads: 2 });
    assert.ok(one.findings.length > 1000, `only ${one.findings.length} findings`);
    assert.ok(one.findings.some((f) => f.flow !== undefined && f.location.file.endsWith('.py')), 'Python flows are among them');
    assert.ok(one.diagnostics.some((d) => d.code === 'code-syntax' && d.loc.file === 'broken/src/shared.js'));
    assert.equal(renderReport(two, 'json', { color: false }), renderReport(one, 'json', { color: false }));
    assert.equal(renderReport(two, 'sarif', { color: false }), renderReport(one, 'sarif', { color: false }));
  });

  it('the worker thread leaves excluded code unread, as one thread does', async () => {
    const dir = largeApp();
    const exclude = ['**/*.js', '**/*.py'];
    const one = await scan(dir, { threads: 1, exclude });
    const two = await scan(dir, { threads: 2, exclude });
    const inCode = two.findings.filter((f) => /\.(js|py)$/.test(f.location.file)).map((f) => `${f.ruleId} ${f.location.file}`);
    assert.deepEqual(inCode, []);
    assert.ok(two.diagnostics.filter((d) => d.code === 'code-not-analyzed').length > MIN_FUNCTIONS_FOR_THREADS / 2);
    assert.equal(renderReport(two, 'json', { color: false }), renderReport(one, 'json', { color: false }));
  });

  it('hands the second share to a thread already running, when given one', async () => {
    const { dir, app, index, single } = await analyzedOnOneThread();
    const asked: WorkerInput[] = [];
    const spare: SpareThread = {
      ask: async <A>(message: unknown) => {
        asked.push(message as WorkerInput);
        // As a thread would answer: copies, which the main thread replaces with its own objects.
        return structuredClone(await analyzeWorkerShare(message as WorkerInput)) as A;
      },
    };
    const missing = new URL('./no-such-worker.js', import.meta.url);
    const two = await startInTwoThreads(app.model, dir, true, missing, {}, spare).finish();
    assert.equal(asked.length, 1);
    // Its share: every Python function first, then the last of the others, each in model order.
    const python = app.model.functions.filter(runsPython).map((f) => f.id);
    const others = app.model.functions.filter((f) => !runsPython(f)).map((f) => f.id);
    const share = asked[0]!.functions.map((f) => f.id);
    assert.ok(python.length > 20 && share.length > app.model.functions.length / 2);
    assert.deepEqual(share.slice(0, python.length), python);
    assert.deepEqual(share.slice(python.length), others.slice(others.length - (share.length - python.length)));
    assert.deepEqual(two.functions.map((f) => [f.fn.id, f.analysis?.flows.length ?? -1]), single.functions.map((f) => [f.fn.id, f.analysis?.flows.length ?? -1]));
    assert.ok(two.functions.every((f) => f.fn === index.function(f.fn.id)), "the model's own functions are put back");
    assert.deepEqual([...two.files.keys()], [...single.files.keys()]);
  });

  it('answers a rule that asks while the two threads are at work with CodeFactsPending, not a second analysis', async () => {
    const dir = largeApp();
    const app = await loadApp(dir);
    assert.equal((await startCodeAnalysis(app.model, { root: dir, exclusion: {} }, 1)).onTwoThreads, false);
    const started = await startCodeAnalysis(app.model, { root: dir, exclusion: {} }, 2);
    assert.equal(started.onTwoThreads, true);
    started.analyzeMine();
    assert.throws(() => codeFactsFor(app.model, { root: dir, exclusion: {} }), CodeFactsPending);
    assert.equal(peekCodeFacts(app.model, dir), undefined);
    await started.finish();
    const facts = codeFactsFor(app.model, { root: dir, exclusion: {} });
    assert.equal(facts, peekCodeFacts(app.model, dir));
    assert.equal(facts.functions.length, app.model.functions.length);
  });

  it("helps with the worker's share from its end, joining every part in model order", async () => {
    const { dir, app, single } = await analyzedOnOneThread();
    const workerDid: string[][] = [];
    // A worker that claims the first ten functions of its share and then stops, as when it meets the main thread there.
    const spare: SpareThread = {
      ask: async <A>(message: unknown) => {
        const share = message as WorkerInput;
        const claims = new FunctionClaims(share.claims!);
        const code = analyzeFunctionsCode(share.functions, (fn) => share.triggers.filter((t) => t.functionId === fn.id), share.root, share.exclusion, (i) => i < 10 && claims.take(i));
        workerDid.push(code.functions.map((f) => f.fn.id));
        return structuredClone(code) as A;
      },
    };
    const two = await startInTwoThreads(app.model, dir, true, new URL('./no-such-worker.js', import.meta.url), {}, spare).finish();
    assert.equal(workerDid[0]?.length, 10);
    assert.deepEqual(two.functions.map((f) => [f.fn.id, f.analysis?.flows.length ?? -1]), single.functions.map((f) => [f.fn.id, f.analysis?.flows.length ?? -1]));
    assert.deepEqual([...two.files.keys()], [...single.files.keys()]);
    assert.deepEqual([...two.usersOf].map(([file, users]) => [file, users.map((u) => u.id)]), [...single.usersOf].map(([file, users]) => [file, users.map((u) => u.id)]));
  });

  it('leaves the worker nothing when the main thread has taken its whole share first', async () => {
    const { dir, app, single } = await analyzedOnOneThread();
    let answered: FunctionsCode | undefined;
    const spare: SpareThread = {
      // Answers only after the main thread has gone through the share: every claim is taken.
      ask: <A>(message: unknown) => new Promise<A>((resolve) => setImmediate(() => void analyzeWorkerShare(message as WorkerInput).then((code) => resolve((answered = code) as A)))),
    };
    const two = await startInTwoThreads(app.model, dir, true, new URL('./no-such-worker.js', import.meta.url), {}, spare).finish();
    assert.equal(answered?.functions.length, 0);
    assert.deepEqual(two.functions.map((f) => f.fn.id), single.functions.map((f) => f.fn.id));
    assert.deepEqual([...two.files.keys()], [...single.files.keys()]);
  });

  it("analyzes the worker's part itself when the worker cannot run", async () => {
    const { dir, app, index, single } = await analyzedOnOneThread();
    const missing = new URL('./no-such-worker.js', import.meta.url);
    const fallback = await startInTwoThreads(app.model, dir, true, missing).finish();
    assert.equal(fallback.functions.length, app.model.functions.length);
    assert.deepEqual(fallback.functions.map((f) => f.analysis?.flows.length ?? -1), single.functions.map((f) => f.analysis?.flows.length ?? -1));
    assert.deepEqual([...fallback.files.keys()], [...single.files.keys()]);
  });
});

/** A large app loaded, and its code analyzed on this thread alone: what two threads must give. */
async function analyzedOnOneThread() {
  const dir = largeApp();
  const app = await loadApp(dir);
  await prepareCodeAnalysis(app.model, dir);
  const index = ModelIndex.of(app.model);
  return { dir, app, index, single: analyzeFunctionsCode(app.model.functions, (fn) => index.triggersOf(fn), dir) };
}

function brokenTemplate(): string {
  const fn = (name: string, handler: string) => `  ${name}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs20.x\n      CodeUri: src/\n      Handler: ${handler}\n      FunctionUrlConfig:\n        AuthType: NONE\n`;
  return `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n${fn('BrokenA', 'a.handler')}${fn('BrokenB', 'b.handler')}`;
}
