/**
 * Suppressed findings in every format: kept and marked in JSON, SARIF and JUnit, counted in pretty
 * and Markdown and listed there only with --show-suppressed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReport } from '../../src/report/reporter.js';
import type { ReportFormat } from '../../src/report/reporter.js';
import type { SarifLog } from '../../src/report/sarif-types.js';
import { SUPPRESSION, suppressedResult } from '../fixtures/report/scan-result.js';
import { checkXml } from './xml-check.js';
import { multitoolProblems, requireMultitool, validateJsonReport, validateSarifSchema } from './validators.js';

function render(format: ReportFormat, showSuppressed = false): string {
  return renderReport(suppressedResult(), format, { color: false, showSuppressed });
}

describe('suppressed findings in the JSON report', () => {
  const report = JSON.parse(render('json')) as {
    summary: Record<string, number>;
    findings: { ruleId: string; suppression?: unknown }[];
  };

  it('validates against the schema', () => {
    assert.deepEqual(validateJsonReport(report), []);
  });

  it('keeps the suppressed finding last, with its reason and place, out of the severity counts', () => {
    assert.deepEqual(report.findings.map((f) => f.ruleId), ['function-url-without-auth', 'plaintext-secret-in-environment', 'samconfig-missing', 'iam-wildcard-action']);
    assert.deepEqual(report.findings[3]?.suppression, { kind: 'inline', reason: SUPPRESSION.reason, location: { file: 'template.yaml', line: 14, column: 9 } });
    assert.equal('suppression' in report.findings[0]!, false);
    assert.deepEqual(report.summary, { critical: 1, high: 1, medium: 0, low: 0, info: 1, total: 3, suppressed: 1 });
  });

  it('is rejected by the schema when a suppression has no reason', () => {
    const broken = structuredClone(report) as { findings: { suppression?: { reason?: string } }[] };
    delete broken.findings[3]!.suppression!.reason;
    assert.deepEqual(validateJsonReport(broken), ["/findings/3/suppression must have required property 'reason'"]);
  });
});

describe('suppressed findings in the SARIF report', () => {
  const text = render('sarif');
  const [run] = (JSON.parse(text) as SarifLog).runs;

  it('validates against the official SARIF 2.1.0 schema', () => {
    assert.deepEqual(validateSarifSchema(JSON.parse(text)), []);
  });

  it('passes Sarif.Multitool validate without errors or warnings', (t) => {
    const bin = requireMultitool(t);
    if (bin === undefined) return;
    assert.deepEqual(multitoolProblems(bin, text), []);
  });

  it('gives the suppressed result an in-source suppression with its justification and place', () => {
    const results = run?.results ?? [];
    assert.deepEqual(results.map((r) => [r.ruleId, r.suppressions?.length ?? 0]), [
      ['function-url-without-auth', 0],
      ['plaintext-secret-in-environment', 0],
      ['samconfig-missing', 0],
      ['iam-wildcard-action', 1],
    ]);
    assert.deepEqual(results[3]?.suppressions, [
      {
        kind: 'inSource',
        status: 'accepted',
        justification: SUPPRESSION.reason,
        location: { physicalLocation: { artifactLocation: { uri: 'template.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 14, startColumn: 9 } } },
      },
    ]);
    assert.equal(results[3]?.ruleIndex, run?.tool.driver.rules.findIndex((r) => r.id === 'iam-wildcard-action'));
  });
});

describe('suppressed findings in the JUnit report', () => {
  const xml = render('junit');

  it('is well-formed XML', () => {
    assert.deepEqual(checkXml(xml).problems, []);
  });

  it('makes the suppressed finding a skipped case that says where and why', () => {
    assert.ok(xml.includes('<testsuite name="iam-wildcard-action" tests="1" failures="0" errors="0" skipped="1">'));
    assert.ok(xml.includes(`<skipped message="suppressed at template.yaml:14: sandbox account | nothing &lt;else&gt; in it">`));
    assert.ok(xml.includes('<testsuites name="faasguard" tests="5" failures="3" errors="1">'));
  });
});

describe('suppressed findings in the pretty report', () => {
  it('counts them without showing them', () => {
    const out = render('pretty');
    assert.equal(out.includes('iam-wildcard-action'), false);
    assert.match(out.trimEnd().split('\n').at(-1)!, /^3 findings \(1 critical, 1 high, 0 medium, 0 low, 1 info\); 1 suppressed \(--show-suppressed lists them\); 1 input problem; 2 templates scanned$/);
  });

  it('lists them last, marked, with --show-suppressed', () => {
    const out = render('pretty', true);
    const block = out.slice(out.indexOf('SUPPRESSED (1)'));
    assert.ok(out.indexOf('SUPPRESSED (1)') > out.indexOf('INFO (1)'));
    assert.match(block, /^SUPPRESSED \(1\)\n\n {2}template\.yaml:17:23 {2}medium iam-wildcard-action {2}IAM policy allows every action\n {4}suppressed at template\.yaml:14: sandbox account \| nothing <else> in it\n/);
    assert.match(out.trimEnd().split('\n').at(-1)!, /; 1 suppressed; 1 input problem;/);
  });
});

describe('suppressed findings in the Markdown report', () => {
  it('counts them without showing them', () => {
    const out = render('markdown');
    assert.equal(out.includes('iam-wildcard-action'), false);
    assert.deepEqual(out.split('\n').slice(0, 5), ['## faasguard: 3 findings', '', '2 templates scanned.', '', '1 suppressed finding not shown (`--show-suppressed` lists them).']);
  });

  it('lists them in a table with the reason, escaped, with --show-suppressed', () => {
    const out = render('markdown', true);
    assert.ok(out.includes('1 suppressed finding, listed at the end.'));
    const table = out.slice(out.indexOf('### Suppressed (1)')).split('\n').slice(0, 5);
    assert.deepEqual(table, [
      '### Suppressed (1)',
      '',
      '| Severity | Rule | Location | Reason | Suppressed at |',
      '| --- | --- | --- | --- | --- |',
      '| medium | `iam-wildcard-action` | `template.yaml:17` | sandbox account \\| nothing &lt;else&gt; in it | `template.yaml:14` |',
    ]);
    assert.equal(out.split('\n').filter((l) => l === '<details>').length, 3, 'suppressed findings get no details block');
  });
});
