/**
 * GitHub code scanning rejects a SARIF run of more than 25,000 results: the log keeps the most
 * severe, says how many it left out in the run's properties, and tells the caller (the CLI writes
 * it on stderr). Checked on a synthetic ScanResult through the renderer: 25,000 real findings would
 * take minutes to scan.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, Severity } from '../../src/findings/finding.js';
import { renderReport } from '../../src/report/reporter.js';
import { SARIF_MAX_RESULTS } from '../../src/report/sarif.js';
import type { SarifLog } from '../../src/report/sarif-types.js';
import { findings, scanResult } from '../fixtures/report/scan-result.js';
import { validateSarifSchema } from './validators.js';

/** `count` copies of the fixture's finding of `severity`, each on its own line with its own fingerprint. */
function many(severity: Severity, count: number, suppressed = false): Finding[] {
  const model = findings().find((f) => f.severity === severity) ?? findings()[0]!;
  return Array.from({ length: count }, (_, i) => ({
    ...model,
    severity,
    location: { file: 'template.yaml', line: 1 + (i % 18), column: 1 },
    fingerprint: `${severity}${suppressed ? 's' : ''}${String(i).padStart(27, '0')}`.slice(0, 32),
    ...(suppressed ? { suppression: { kind: 'inline' as const, reason: 'accepted', location: { file: 'template.yaml', line: 2, column: 1 } } } : {}),
  }));
}

function render(counting: Finding[], suppressed: Finding[] = []): { log: SarifLog; warnings: string[] } {
  const warnings: string[] = [];
  const text = renderReport({ ...scanResult(), findings: counting, suppressed }, 'sarif', { color: false, warn: (m) => warnings.push(m) });
  return { log: JSON.parse(text) as SarifLog, warnings };
}

describe('SARIF results over GitHub code scanning limit', () => {
  it('keeps the 25,000 most severe, the findings that count before suppressed ones, and says how many were left out', () => {
    const { log, warnings } = render([...many('low', 24_990), ...many('critical', 5), ...many('medium', 10)], many('high', 20, true));
    const [run] = log.runs;
    assert.equal(SARIF_MAX_RESULTS, 25_000);
    assert.equal(run!.results.length, 25_000);
    const levels = (level: string) => run!.results.filter((r) => r.properties['severity'] === level).length;
    assert.deepEqual([levels('critical'), levels('medium'), levels('low')], [5, 10, 24_985]);
    assert.equal(run!.results.filter((r) => r.suppressions !== undefined).length, 0, 'suppressed results go first');
    assert.deepEqual(run!.properties, { resultLimit: 25_000, omittedResults: 25 });
    assert.deepEqual(warnings, ["SARIF report: 25 of 25,025 results left out, over GitHub code scanning's limit of 25,000 a run; the most severe are kept"]);
    assert.deepEqual(validateSarifSchema({ ...log, runs: [{ ...run!, results: run!.results.slice(0, 3) }] }), []);
  });

  it('keeps every result, with no properties and no warning, at the limit', () => {
    const { log, warnings } = render(many('low', 24_999), many('info', 1, true));
    assert.equal(log.runs[0]!.results.length, 25_000);
    assert.equal(log.runs[0]!.properties, undefined);
    assert.deepEqual(warnings, []);
  });
});
