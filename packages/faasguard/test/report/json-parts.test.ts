/**
 * The JSON and SARIF reports written in pieces (`jsonTextParts`, `renderReportParts`,
 * `writeFileInParts`) are the text `renderReport` gives, byte for byte: with findings, suppressed
 * ones, diagnostics, control characters and empty lists alike.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { batched, writeFileInParts } from '../../src/cli/write-in-parts.js';
import { jsonTextParts } from '../../src/report/json-text-parts.js';
import { renderReport, renderReportParts } from '../../src/report/reporter.js';
import { escapeJson } from '../../src/report/terminal-text.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { scanResult, suppressedResult } from '../fixtures/report/scan-result.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-json-parts-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const OPTIONS = { color: false };

function results(): [string, ScanResult][] {
  const plain = scanResult();
  const controls: ScanResult = { ...plain, findings: plain.findings.map((f) => ({ ...f, message: `${f.message}\u202e\u0085 "quoted"\n\tline` })) };
  return [
    ['findings and diagnostics', plain],
    ['suppressed findings', suppressedResult()],
    ['control characters', controls],
    ['nothing found', { ...plain, templates: [], findings: [], diagnostics: [], rules: [] }],
  ];
}

/** Values with every case `JSON.stringify` treats apart. */
const VALUES: unknown[] = [
  { a: 1, b: [1, 'two', null, true, { c: [] }], d: {}, e: [[]], f: { g: { h: { i: [1, [2, [3]]] } } } },
  { skipped: undefined, fn: () => 1, sym: Symbol('s'), kept: 'x', list: [undefined, () => 1, Symbol('s'), 0] },
  { onlySkipped: undefined },
  { when: new Date(0), custom: { toJSON: () => ({ made: 'by toJSON' }) }, 'key "quoted"\n': 'line\u2028break\u202e', '': -0 },
  [],
  {},
  [{}, [], '', 0, false],
  'top-level string',
  42,
  null,
];

describe('json text in parts', () => {
  for (const [i, value] of VALUES.entries()) {
    it(`joins into what JSON.stringify writes, at every depth: value ${i}`, () => {
      const whole = `${escapeJson(JSON.stringify(value, null, 2))}\n`;
      for (let depth = 0; depth <= 6; depth++) assert.equal([...jsonTextParts(value, depth)].join(''), whole, `split depth ${depth}`);
    });
  }

  it('splits the outer levels only', () => {
    assert.deepEqual([...jsonTextParts({ a: [{ b: 1 }, { c: 2 }] }, 2)], ['{\n  "a": ', '[\n    ', '{\n      "b": 1\n    }', ',\n    ', '{\n      "c": 2\n    }', '\n  ]', '\n}', '\n']);
  });
});

describe('reports in parts', () => {
  for (const [name, result] of results()) {
    for (const format of ['json', 'sarif'] as const) {
      it(`join into the whole ${format} report: ${name}`, () => {
        const parts = [...renderReportParts(result, format, OPTIONS)];
        assert.equal(parts.join(''), renderReport(result, format, OPTIONS));
        if (result.findings.length > 1) assert.ok(parts.length > result.findings.length, 'a piece per finding at least');
      });
    }
  }

  it('gives the other formats whole', () => {
    for (const format of ['markdown', 'junit'] as const) {
      assert.deepEqual([...renderReportParts(scanResult(), format, OPTIONS)], [renderReport(scanResult(), format, OPTIONS)]);
    }
  });

  it('is written to a file byte for byte, replacing what was there', () => {
    const file = path.join(dir, 'report.json');
    fs.writeFileSync(file, 'x'.repeat(100_000));
    writeFileInParts(file, renderReportParts(suppressedResult(), 'json', OPTIONS));
    assert.equal(fs.readFileSync(file, 'utf8'), renderReport(suppressedResult(), 'json', OPTIONS));
  });

  it('leaves the file as it was when the report fails half-way, with nothing beside it', () => {
    const file = path.join(dir, 'kept.sarif');
    fs.writeFileSync(file, 'the last report');
    function* failing(): Generator<string> {
      yield 'x'.repeat(3 << 20);
      throw new Error('rendering failed');
    }
    assert.throws(() => writeFileInParts(file, failing()), /rendering failed/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'the last report');
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('kept.sarif') && f !== 'kept.sarif'), []);
    writeFileInParts(file, ['new ', 'report']);
    assert.equal(fs.readFileSync(file, 'utf8'), 'new report');
  });

  it('keeps the permissions of the report it replaces', () => {
    const file = path.join(dir, 'private.json');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, 0o600);
    writeFileInParts(file, ['{}']);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(fs.readFileSync(file, 'utf8'), '{}');
    const usual = path.join(dir, 'usual.json');
    fs.writeFileSync(usual, '{}');
    const fresh = path.join(dir, 'fresh.json');
    writeFileInParts(fresh, ['{}']);
    assert.equal(fs.statSync(fresh).mode, fs.statSync(usual).mode, 'a new report gets the permissions of any new file');
  });

  it('leaves a report it may not write as it is, with the error writing it in place gives', () => {
    // Root may write any file: the writer runs as an unprivileged user then, as most scans do.
    const asRoot = process.getuid?.() === 0;
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-read-only-'));
    fs.chmodSync(folder, 0o777);
    const locked = path.join(folder, 'locked.json');
    const open = path.join(folder, 'open.json');
    fs.writeFileSync(locked, 'kept');
    fs.chmodSync(locked, 0o444);
    fs.writeFileSync(open, 'old');
    fs.chmodSync(open, 0o666);
    const module = new URL('../../src/cli/write-in-parts.js', import.meta.url).href;
    const write = (file: string) =>
      spawnSync(process.execPath, ['--input-type=module', '-e', `const { writeFileInParts } = await import(${JSON.stringify(module)}); try { writeFileInParts(${JSON.stringify(file)}, ['new']); console.log('written'); } catch (e) { console.log(e.code, e.path); }`], {
        encoding: 'utf8',
        timeout: 60_000,
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
    try {
      assert.equal(write(locked).stdout.trim(), `EACCES ${locked}`);
      assert.equal(fs.readFileSync(locked, 'utf8'), 'kept');
      assert.deepEqual(fs.readdirSync(folder).sort(), ['locked.json', 'open.json'], 'nothing left beside it');
      assert.equal(write(open).stdout.trim(), 'written');
      assert.equal(fs.readFileSync(open, 'utf8'), 'new');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('writes to a device as it is, without a file beside it', () => {
    writeFileInParts(os.devNull, renderReportParts(scanResult(), 'json', OPTIONS));
    assert.equal(fs.statSync(os.devNull).isCharacterDevice(), true, 'the device is still a device');
  });

  it('gathers pieces into batches of about the size asked, in order', () => {
    const pieces = ['ab', 'cde', 'f', 'ghij', 'k'];
    assert.deepEqual([...batched(pieces, 4)], ['abcde', 'fghij', 'k']);
    assert.deepEqual([...batched(pieces, 100)], ['abcdefghijk']);
    assert.deepEqual([...batched([], 4)], []);
    const big = `${'é'.repeat(3000)}\u2028`;
    assert.equal([...batched([big, big], 1000)].join(''), big + big);
  });
});
