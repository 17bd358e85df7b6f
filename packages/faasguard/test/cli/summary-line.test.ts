/**
 * The closing line of a scan: counts per severity (only those present), templates, files, time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summaryLine } from '../../src/cli/summary-line.js';
import type { Finding, Severity } from '../../src/findings/finding.js';

function findings(...severities: Severity[]): Finding[] {
  return severities.map((severity, i) => ({
    ruleId: 'r',
    severity,
    category: 'SAS-3',
    cwe: [],
    title: 't',
    message: 'm',
    location: { file: 'template.yaml', line: i + 1, column: 1 },
    related: [],
    fingerprint: String(i),
  }));
}

describe('summaryLine', () => {
  it('counts findings per severity, most severe first', () => {
    assert.equal(
      summaryLine({ findings: findings('low', 'critical', 'high', 'low'), templates: 5, files: 41, ms: 1_340 }),
      'faasguard: 4 findings (1 critical, 1 high, 2 low) in 5 templates, 41 files, 1.3 s\n',
    );
  });

  it('speaks in the singular of one, and says when there is nothing', () => {
    assert.equal(summaryLine({ findings: findings('medium'), templates: 1, files: 1, ms: 60 }), 'faasguard: 1 finding (1 medium) in 1 template, 1 file, 0.1 s\n');
    assert.equal(summaryLine({ findings: [], templates: 2, files: 12, ms: 12_345 }), 'faasguard: no findings in 2 templates, 12 files, 12.3 s\n');
  });
});
