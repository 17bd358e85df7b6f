/**
 * The JSON report written in pieces (`renderReportParts`, `writeFileInParts`) is the text
 * `renderReport` gives, byte for byte: with findings, suppressed ones, diagnostics, control
 * characters and empty lists alike.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { batched, writeFileInParts } from '../../src/cli/write-in-parts.js';
import { renderReport, renderReportParts } from '../../src/report/reporter.js';
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

describe('json report in parts', () => {
  for (const [name, result] of results()) {
    it(`joins into the whole report: ${name}`, () => {
      const parts = [...renderReportParts(result, 'json', OPTIONS)];
      assert.equal(parts.join(''), renderReport(result, 'json', OPTIONS));
      if (result.findings.length > 1) assert.ok(parts.length > result.findings.length, 'a piece per finding at least');
    });
  }

  it('gives the other formats whole', () => {
    for (const format of ['sarif', 'markdown', 'junit'] as const) {
      assert.deepEqual([...renderReportParts(scanResult(), format, OPTIONS)], [renderReport(scanResult(), format, OPTIONS)]);
    }
  });

  it('is written to a file byte for byte, replacing what was there', () => {
    const file = path.join(dir, 'report.json');
    fs.writeFileSync(file, 'x'.repeat(100_000));
    writeFileInParts(file, renderReportParts(suppressedResult(), 'json', OPTIONS));
    assert.equal(fs.readFileSync(file, 'utf8'), renderReport(suppressedResult(), 'json', OPTIONS));
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
