import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../src/findings/finding.js';
import { buildReportData } from '../../src/report/html/report-data.js';
import { renderReport } from '../../src/report/reporter.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { scanResult } from '../fixtures/report/scan-result.js';

/** One finding per place, all in `big.yaml`. */
function resultWith(text: string, places: { line: number; column: number }[]): ScanResult {
  const findings: Finding[] = places.map((loc, i) => ({
    ruleId: 'iam-wildcard-action',
    severity: 'medium',
    category: 'SAS-4',
    cwe: [],
    title: 'IAM policy allows every action',
    message: `finding ${i}`,
    location: { file: 'big.yaml', ...loc },
    related: [],
    fingerprint: String(i).padStart(32, '0'),
  }));
  return { ...scanResult(), findings, diagnostics: [], readSource: (file) => (file === 'big.yaml' ? text : undefined) };
}

/** Counts the lines a report hands to the redactor, and their total length. */
function countingRedactor(): { redact: (line: string) => string; calls: number; chars: number } {
  const counter = {
    calls: 0,
    chars: 0,
    redact: (line: string): string => {
      counter.calls += 1;
      counter.chars += line.length;
      return line;
    },
  };
  return counter;
}

const LINES = 400;
const manyLines = Array.from({ length: LINES }, (_, i) => `  Key${i}: value${i}`).join('\n');
const onEveryLine = Array.from({ length: LINES }, (_, i) => ({ line: i + 1, column: 3 }));
const oneLongLine = `{${Array.from({ length: LINES }, (_, i) => `"k${i}":"v${i}"`).join(',')}}`;
const alongTheLine = Array.from({ length: LINES }, (_, i) => ({ line: 1, column: oneLongLine.indexOf(`"k${i}"`) + 1 }));

describe('code frames of many findings in one file', () => {
  it('pretty: each line of the file is redacted once, however many frames show it', () => {
    const counter = countingRedactor();
    const out = renderReport(resultWith(manyLines, onEveryLine), 'pretty', { color: false, redactLine: counter.redact });
    assert.ok(out.includes('> 200 |   Key199: value199'));
    assert.ok(counter.calls <= LINES, `${counter.calls} lines redacted for a ${LINES}-line file`);
  });

  it('HTML: each line of the file is redacted once, however many frames show it', () => {
    const counter = countingRedactor();
    const data = buildReportData(resultWith(manyLines, onEveryLine), { redactLine: counter.redact });
    assert.equal(data.findings.length, LINES);
    assert.equal(data.findings.find((f) => f.location === 'big.yaml:200')?.frame?.marked, 200);
    assert.ok(counter.calls <= LINES, `${counter.calls} lines redacted for a ${LINES}-line file`);
  });

  it('a one-line (minified) file is redacted once, not once per finding', () => {
    const counter = countingRedactor();
    const out = renderReport(resultWith(oneLongLine, alongTheLine), 'pretty', { color: false, redactLine: counter.redact });
    assert.equal(counter.calls, 1);
    assert.equal(counter.chars, oneLongLine.length);
    const lines = out.split('\n');
    const marked = lines.findIndex((l, i) => l.includes('> 1 |') && lines.slice(0, i).some((m) => m.endsWith('finding 399')));
    assert.equal(lines[marked + 1]!.indexOf('^'), lines[marked]!.indexOf('"k399"'), 'the caret sits under the finding');
  });
});
