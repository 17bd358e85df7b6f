/**
 * The terminal experience of `faasguard scan`: the progress line on a terminal's stderr (after a
 * second, erased at the end), the summary line, --verbose and --quiet; standard output carries the
 * report alone. The clock advances on every reading, so the scan "lasts" without any waiting.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Clock } from '../../src/cli/clock.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { runCliOn } from '../helpers/run-cli.js';

process.env['FAASGUARD_NOW'] = '2026-11-23';

const VULNERABLE = path.join(REPO_ROOT, 'examples/order-app/vulnerable');

/** Each reading is 300 ms after the previous one; timers never fire on their own. */
function steppingClock(): Clock {
  let time = 0;
  return { now: () => (time += 300), every: () => () => {} };
}

const SUMMARY = /^faasguard: (\d+) findings \(\d+ critical, \d+ high, \d+ medium, \d+ low\) in 1 template, (\d+) files, \d+\.\d s$/;

describe('scan on a terminal', () => {
  it('shows progress on stderr, erases it, then ends with the summary; stdout is the report only', async () => {
    const { code, out, err } = await runCliOn({ errIsTty: true, clock: steppingClock() }, 'scan', VULNERABLE, '--format', 'json', '--no-cache');
    assert.equal(code, 1);
    const findings = (JSON.parse(out) as { findings: unknown[] }).findings.length;
    const frames = err.split('\r').slice(1);
    assert.ok(frames.some((f) => /^faasguard: running rules \d+\/\d+ \(\d+ files, 1 template\) \d+\.\d s\x1b\[K$/.test(f)), err);
    const [last, ...rest] = frames.reverse();
    assert.ok(rest.length > 0);
    const [erase, summary] = last!.split(/(?<=\x1b\[K)/);
    assert.equal(erase, '\x1b[K');
    const match = SUMMARY.exec(summary!.trimEnd());
    assert.ok(match, summary);
    assert.equal(Number(match[1]), findings);
    assert.ok(summary!.endsWith('\n'));
  });

  it('writes the summary alone to stderr when it is not a terminal', async () => {
    const { out, err } = await runCliOn({ errIsTty: false, clock: steppingClock() }, 'scan', VULNERABLE, '--format', 'json');
    const match = SUMMARY.exec(err.trimEnd());
    assert.ok(match, err);
    assert.equal(Number(match[1]), (JSON.parse(out) as { findings: unknown[] }).findings.length);
    assert.equal(err.split('\n').length, 2, err);
  });

  it('writes nothing to stderr with --quiet, even on a terminal', async () => {
    const { err } = await runCliOn({ errIsTty: true, clock: steppingClock() }, 'scan', VULNERABLE, '--format', 'json', '--quiet');
    assert.equal(err, '');
  });

  it('leaves the summary to a pretty report shown on the terminal', async () => {
    const { out, err } = await runCliOn({ errIsTty: true, outIsTty: true, clock: steppingClock() }, 'scan', VULNERABLE, '--no-color');
    assert.match(out, /\d+ findings \(.*\); 1 template scanned\n$/);
    assert.ok(!err.includes('findings'), err);
  });

  it('--verbose lists the files found and loaded and the time of each phase', async () => {
    const { err } = await runCliOn({ errIsTty: false }, 'scan', VULNERABLE, '--format', 'json', '--verbose', '--no-config', '--no-cache');
    const lines = err.trimEnd().split('\n');
    assert.equal(lines[0], 'faasguard: no configuration file');
    assert.ok(lines.includes('faasguard: found template.yaml'));
    assert.ok(lines.includes('faasguard: found src/process-upload.js'));
    assert.ok(lines.includes('faasguard: loaded template.yaml'));
    const phases = lines.filter((l) => /^faasguard: (discover|load|analyses|rules): /.test(l));
    assert.deepEqual(phases.map((l) => l.split(':')[1]!.trim()), ['discover', 'load', 'analyses', 'rules']);
    assert.match(phases[1]!, /^faasguard: load: 1 template, \d+ ms$/);
    const match = SUMMARY.exec(lines.at(-1)!);
    assert.ok(match, lines.at(-1));
    assert.equal(Number(match[2]), lines.filter((l) => l.startsWith('faasguard: found ')).length);
  });

  it('--verbose says when the result of an unchanged app is reused, after listing its files', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-terminal-cache-'));
    const saved = process.env['FAASGUARD_CACHE_DIR'];
    process.env['FAASGUARD_CACHE_DIR'] = cacheDir;
    try {
      const first = await runCliOn({ errIsTty: false }, 'scan', VULNERABLE, '--format', 'json', '--verbose', '--no-config');
      const second = await runCliOn({ errIsTty: false }, 'scan', VULNERABLE, '--format', 'json', '--verbose', '--no-config');
      const reused = 'faasguard: no file changed since the last scan: its result is reused (--no-cache scans again)';
      assert.ok(!first.err.split('\n').includes(reused));
      const lines = second.err.trimEnd().split('\n');
      assert.ok(lines.includes(reused), second.err);
      assert.ok(lines.includes('faasguard: found template.yaml'));
      assert.equal(second.out, first.out);
      const match = SUMMARY.exec(lines.at(-1)!);
      assert.equal(Number(match?.[2]), lines.filter((l) => l.startsWith('faasguard: found ')).length);
    } finally {
      if (saved === undefined) delete process.env['FAASGUARD_CACHE_DIR'];
      else process.env['FAASGUARD_CACHE_DIR'] = saved;
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('refuses --quiet with --verbose', async () => {
    const { code, err } = await runCliOn({}, 'scan', VULNERABLE, '--quiet', '--verbose');
    assert.equal(code, 2);
    assert.match(err, /--quiet and --verbose are alternatives/);
  });
});
