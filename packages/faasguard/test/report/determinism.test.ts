import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportFormat } from '../../src/report/reporter.js';
import { REPORT_FORMATS, renderReport } from '../../src/report/reporter.js';
import { redactSecret, scanResult } from '../fixtures/report/scan-result.js';

const formats: readonly ReportFormat[] = REPORT_FORMATS;

describe('every report format', () => {
  for (const format of formats) {
    it(`${format}: is byte-identical across renders`, () => {
      const options = { color: true, redactLine: redactSecret };
      assert.equal(renderReport(scanResult(), format, options), renderReport(scanResult(), format, options));
    });

    it(`${format}: does not depend on the input order of findings, diagnostics and rules`, () => {
      const options = { color: false };
      assert.equal(renderReport(scanResult('reversed'), format, options), renderReport(scanResult(), format, options));
    });

    it(`${format}: leaves the scan result untouched`, () => {
      const result = scanResult('reversed');
      const before = JSON.stringify(result);
      renderReport(result, format, { color: false });
      assert.equal(JSON.stringify(result), before);
    });

    it(`${format}: ends with exactly one newline`, () => {
      const out = renderReport(scanResult(), format, { color: false });
      assert.ok(out.endsWith('\n') && !out.endsWith('\n\n'));
    });
  }

  for (const format of ['json', 'sarif'] as const) {
    it(`${format}: ignores the colour option`, () => {
      assert.equal(renderReport(scanResult(), format, { color: true }), renderReport(scanResult(), format, { color: false }));
    });
  }

  it('orders findings that share a fingerprint by message', () => {
    const base = scanResult();
    const [first] = base.findings;
    assert.ok(first);
    const twins = [
      { ...first, message: 'b' },
      { ...first, message: 'a' },
    ];
    for (const format of formats) {
      const forward = renderReport({ ...base, findings: twins }, format, { color: false });
      const backward = renderReport({ ...base, findings: [...twins].reverse() }, format, { color: false });
      assert.equal(forward, backward, format);
    }
  });

  it('rejects an unknown format', () => {
    assert.throws(() => renderReport(scanResult(), 'xml' as ReportFormat, { color: false }), /unknown report format/);
  });
});
