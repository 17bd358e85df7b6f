/**
 * The benchmark's measurements in fresh processes: each mode runs and reports what it did, so that
 * `npm run bench` keeps working between the runs that matter. Times are only checked to be measured.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs, { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { generateApp } from '../../bench/generate.js';
import { measureInRounds, wallTogether, warmFileCache } from '../../bench/fresh-process.js';
import { sideBySide } from '../../bench/side-by-side.js';
import { fsCalls } from '../helpers/fs-calls.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'faasguard-bench-modes-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('benchmark measurements', () => {
  it('measures the scan on two threads and on one, the floor and the command line, each mode once per round', () => {
    const files = generateApp(dir, { functions: 6, seed: 3 });
    const r = measureInRounds(['floor', 'scan', 'scan-1-thread', 'command-line'], dir, 2);
    assert.deepEqual(Object.keys(r).sort(), ['command-line', 'floor', 'scan', 'scan-1-thread']);
    // The floor reads every generated file; both scans find the same, and something.
    assert.equal(r.floor.count, files.length);
    assert.ok(r.scan.count > 0);
    assert.equal(r['scan-1-thread'].count, r.scan.count);
    assert.deepEqual(Object.keys(r['scan-1-thread'].phases), Object.keys(r.scan.phases));
    for (const m of Object.values(r)) assert.ok(Number.isFinite(m.wallMs) && m.wallMs > 0 && m.peakRssMb > 0, `measured: ${JSON.stringify(m)}`);
  });

  it('times one one-thread scan alone and two started at once, in turns, and gives their gain', async () => {
    generateApp(dir, { functions: 6, seed: 3 });
    const r = await sideBySide(dir, 1);
    assert.ok(Number.isFinite(r.wallMs) && r.wallMs > 0 && Number.isFinite(r.aloneMs) && r.aloneMs > 0);
    assert.equal(r.gain, (2 * r.aloneMs) / r.wallMs);
  });

  it('fails when a process of the pair fails', async () => {
    await assert.rejects(wallTogether('scan-1-thread', path.join(dir, 'no-such-app'), 2), /scan-1-thread of .*no-such-app failed/);
  });

  it('reads every regular file of the app before measuring, and nothing else (no FIFO, no link)', () => {
    const app = mkdtempSync(path.join(dir, 'warm-'));
    fs.mkdirSync(path.join(app, 'a', 'b'), { recursive: true });
    for (const f of ['top.yaml', 'a/one.js', 'a/b/two.py']) fs.writeFileSync(path.join(app, f), f);
    execFileSync('mkfifo', [path.join(app, 'a', 'pipe')]);
    fs.symlinkSync('missing', path.join(app, 'a', 'dangling'));
    const read = fsCalls('readFileSync', () => warmFileCache(app)).map((file) => path.relative(app, String(file)));
    assert.deepEqual(read.sort(), ['a/b/two.py', 'a/one.js', 'top.yaml']);
  });
});
