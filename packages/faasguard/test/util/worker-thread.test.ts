/**
 * A worker thread asked for more work after its answer (`util/worker-thread.ts`): each question
 * gets its own reply, in order, even when asked before the first answer; a failure rejects what
 * is awaited and never throws; an idle thread does not keep the process alive.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { startWorker } from '../../src/util/worker-thread.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'faasguard-worker-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Answers its data after a while, then each message with an echo, as the file-scan thread does
 * (messages sent meanwhile wait); `throw` throws, `exit` stops it.
 */
const SCRIPT = pathToFileURL(path.join(dir, 'echo.mjs'));
writeFileSync(
  SCRIPT,
  `import { parentPort, workerData } from 'node:worker_threads';
setTimeout(() => {
  parentPort.postMessage({ first: workerData });
  parentPort.on('message', (m) => {
    if (m === 'throw') throw new Error('asked to fail');
    if (m === 'exit') process.exit(3);
    parentPort.postMessage({ echo: m });
  });
}, 100);
`,
);

const MODULE = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'util', 'worker-thread.js')).href;

describe('worker thread', () => {
  it('gives each question its own reply, in order, even when asked before the first answer', async () => {
    const worker = startWorker<{ first: string }>(SCRIPT, 'data');
    const a = worker.ask<{ echo: string }>('a');
    const b = worker.ask<{ echo: string }>('b');
    assert.deepEqual(await worker.answer, { first: 'data' });
    assert.deepEqual(await a, { echo: 'a' });
    assert.deepEqual(await b, { echo: 'b' });
    assert.deepEqual(await worker.ask('c'), { echo: 'c' });
    worker.stop();
  });

  it('rejects what is awaited when the thread fails or stops, and every question after', async () => {
    const failing = startWorker(SCRIPT, 'data');
    await failing.answer;
    await assert.rejects(failing.ask('throw'), /asked to fail/);
    await assert.rejects(failing.ask('again'), /asked to fail/);
    const exiting = startWorker(SCRIPT, 'data');
    const exit = exiting.ask('exit');
    assert.deepEqual(await exiting.answer, { first: 'data' });
    await assert.rejects(exit, /exit code 3/);
    await assert.rejects(exiting.ask('again'), /exit code 3/);
    const missing = startWorker(new URL('./no-such-worker.js', import.meta.url), 'data');
    await assert.rejects(missing.answer);
    await assert.rejects(missing.ask('x'));
  });

  it('lets the process end while the thread waits for a question', () => {
    // A file of its own: a worker thread inherits the process's options, and `-e` with them would not start it.
    const main = path.join(dir, 'main.mjs');
    writeFileSync(main, `const { startWorker } = await import(${JSON.stringify(MODULE)}); const w = startWorker(new URL(${JSON.stringify(SCRIPT.href)}), 'data'); console.log(JSON.stringify(await w.answer)); console.log(JSON.stringify(await w.ask('q')));`);
    const child = spawnSync(process.execPath, [main], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(child.status, 0, child.stderr);
    assert.deepEqual(child.stdout.trim().split('\n'), ['{"first":"data"}', '{"echo":"q"}']);
  });
});
