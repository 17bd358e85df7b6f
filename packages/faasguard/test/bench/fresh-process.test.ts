/**
 * The benchmark's measurements in fresh processes: each mode runs and reports what it did, so that
 * `npm run bench` keeps working between the runs that matter. Times are only checked to be measured.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { generateApp } from '../../bench/generate.js';
import { measureInRounds } from '../../bench/fresh-process.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'faasguard-bench-modes-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('benchmark measurements', () => {
  it('measures the scan on two threads and on one, and the floor, each mode once per round', () => {
    const files = generateApp(dir, { functions: 6, seed: 3 });
    const r = measureInRounds(['floor', 'scan', 'scan-1-thread'], dir, 2);
    assert.deepEqual(Object.keys(r).sort(), ['floor', 'scan', 'scan-1-thread']);
    // The floor reads every generated file; both scans find the same, and something.
    assert.equal(r.floor.count, files.length);
    assert.ok(r.scan.count > 0);
    assert.equal(r['scan-1-thread'].count, r.scan.count);
    assert.deepEqual(Object.keys(r['scan-1-thread'].phases), Object.keys(r.scan.phases));
    for (const m of Object.values(r)) assert.ok(Number.isFinite(m.wallMs) && m.wallMs > 0 && m.peakRssMb > 0, `measured: ${JSON.stringify(m)}`);
  });
});
