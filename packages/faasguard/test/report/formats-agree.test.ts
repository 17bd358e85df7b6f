/**
 * Every format reports the same findings: counted in each one's own terms, the numbers agree, for
 * the findings that count and for the suppressed ones.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REPORT_FORMATS, renderReport } from '../../src/report/reporter.js';
import type { ReportFormat } from '../../src/report/reporter.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { scanResult, suppressedResult } from '../fixtures/report/scan-result.js';
import { embeddedData } from './html/embedded-data.js';

/** How many findings that count a rendered report holds, read the way its consumer would. */
const COUNTERS: Record<ReportFormat, (out: string) => number> = {
  pretty: (out) => Number(/^(\d+) findings? \(/m.exec(out)?.[1]),
  json: (out) => (JSON.parse(out) as { findings: { suppression?: unknown }[] }).findings.filter((f) => f.suppression === undefined).length,
  sarif: (out) => (JSON.parse(out) as { runs: { results: { suppressions?: unknown }[] }[] }).runs[0]?.results.filter((r) => r.suppressions === undefined).length ?? NaN,
  markdown: (out) => out.split('\n').filter((l) => l === '<details>').length,
  junit: (out) => (out.match(/<failure /g) ?? []).length,
  html: (out) => embeddedData(out).findings.length,
};

/** How many suppressed findings it says there are. */
const SUPPRESSED_COUNTERS: Record<ReportFormat, (out: string) => number> = {
  pretty: (out) => Number(/; (\d+) suppressed/.exec(out)?.[1] ?? 0),
  json: (out) => (JSON.parse(out) as { summary: { suppressed: number } }).summary.suppressed,
  sarif: (out) => (JSON.parse(out) as { runs: { results: { suppressions?: unknown }[] }[] }).runs[0]?.results.filter((r) => r.suppressions !== undefined).length ?? NaN,
  markdown: (out) => Number(/^(\d+) suppressed findings? /m.exec(out)?.[1] ?? 0),
  junit: (out) => (out.match(/<skipped /g) ?? []).length,
  html: (out) => embeddedData(out).suppressed ?? 0,
};

function counts(result: ScanResult, counters = COUNTERS): Record<string, number> {
  return Object.fromEntries(REPORT_FORMATS.map((f) => [f, counters[f](renderReport(result, f, { color: false }))]));
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

  it('count the same findings, and the same suppressed ones, when some are suppressed', () => {
    assert.deepEqual(counts(suppressedResult()), Object.fromEntries(REPORT_FORMATS.map((f) => [f, 3])));
    assert.deepEqual(counts(suppressedResult(), SUPPRESSED_COUNTERS), Object.fromEntries(REPORT_FORMATS.map((f) => [f, 1])));
    assert.deepEqual(counts(scanResult(), SUPPRESSED_COUNTERS), Object.fromEntries(REPORT_FORMATS.map((f) => [f, 0])));
  });

  it('count the same findings beyond the markdown table size', () => {
    const [first] = scanResult().findings;
    assert.ok(first);
    const many = Array.from({ length: 25 }, (_, i) => ({ ...first, fingerprint: `fp${String(i).padStart(2, '0')}`, message: `m${i}` }));
    const all = Object.fromEntries(REPORT_FORMATS.map((f) => [f, 25]));
    assert.deepEqual(counts({ ...scanResult(), findings: many }), all);
  });
});
