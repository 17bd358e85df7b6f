/**
 * Every format reports the same findings: counted in each one's own terms, the numbers agree.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REPORT_FORMATS, renderReport } from '../../src/report/reporter.js';
import type { ReportFormat } from '../../src/report/reporter.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { scanResult } from '../fixtures/report/scan-result.js';
import { embeddedData } from './html/embedded-data.js';

/** How many findings a rendered report holds, read the way its consumer would. */
const COUNTERS: Record<ReportFormat, (out: string) => number> = {
  pretty: (out) => Number(/^(\d+) findings? \(/m.exec(out)?.[1]),
  json: (out) => (JSON.parse(out) as { findings: unknown[] }).findings.length,
  sarif: (out) => (JSON.parse(out) as { runs: { results: unknown[] }[] }).runs[0]?.results.length ?? NaN,
  markdown: (out) => out.split('\n').filter((l) => l === '<details>').length,
  junit: (out) => (out.match(/<failure /g) ?? []).length,
  html: (out) => embeddedData(out).findings.length,
};

function counts(result: ScanResult): Record<string, number> {
  return Object.fromEntries(REPORT_FORMATS.map((f) => [f, COUNTERS[f](renderReport(result, f, { color: false }))]));
}

describe('report formats agree', () => {
  it('covers every format', () => {
    assert.deepEqual([...REPORT_FORMATS].sort(), ['html', 'json', 'junit', 'markdown', 'pretty', 'sarif']);
  });

  it('count the same findings', () => {
    const all = Object.fromEntries(REPORT_FORMATS.map((f) => [f, 4]));
    assert.deepEqual(counts(scanResult()), all);
  });

  it('count the same findings when there are none', () => {
    const none = Object.fromEntries(REPORT_FORMATS.map((f) => [f, 0]));
    assert.deepEqual(counts({ ...scanResult(), findings: [] }), none);
  });

  it('count the same findings beyond the markdown table size', () => {
    const [first] = scanResult().findings;
    assert.ok(first);
    const many = Array.from({ length: 25 }, (_, i) => ({ ...first, fingerprint: `fp${String(i).padStart(2, '0')}`, message: `m${i}` }));
    const all = Object.fromEntries(REPORT_FORMATS.map((f) => [f, 25]));
    assert.deepEqual(counts({ ...scanResult(), findings: many }), all);
  });
});
