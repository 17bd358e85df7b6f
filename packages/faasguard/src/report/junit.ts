/**
 * JUnit XML for CI systems that show test results: each rule that ran is a test suite, each
 * finding a failing test case (type = severity), and a rule with no findings one passing case, so
 * that CI dashboards show what was checked as well as what failed. A suppressed finding is a
 * skipped case whose message gives the reason. Input problems form a last suite: errors there are
 * JUnit errors, warnings and notes pass with their text as output.
 */
import type { Finding } from '../findings/finding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ScanResult } from '../scan/scan-result.js';
import { compareText } from '../util/compare-text.js';
import { fileLine } from './file-line.js';
import { sortDiagnostics, sortFindings, sortRules } from './ordering.js';
import { suppressedFindings, suppressionText } from './summary.js';
import { escapeLine } from './terminal-text.js';
import { attributes, escapeXmlText } from './xml.js';

/** Name of the suite that holds the input problems. */
export const JUNIT_INPUT_SUITE = 'faasguard input problems';
/** Name of the passing test case of a rule without findings. */
export const JUNIT_PASSING_CASE = 'no findings';

export function renderJunit(result: ScanResult): string {
  const findings = sortFindings(result.findings);
  const suppressed = suppressedFindings(result);
  const suites = ruleIds(result, [...findings, ...suppressed]).map((id) => ruleSuite(id, findings.filter((f) => f.ruleId === id), suppressed.filter((f) => f.ruleId === id)));
  if (result.diagnostics.length > 0) suites.push(inputSuite(sortDiagnostics(result.diagnostics)));
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const root = attributes([['name', 'faasguard'], ['tests', tests], ['failures', findings.length], ['errors', errors]]);
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${root}>`, ...suites.flatMap((s) => s.lines), '</testsuites>', ''].join('\n');
}

interface Suite {
  tests: number;
  lines: string[];
}

/** Every rule that ran, plus any rule a finding names that the metadata lacks. */
function ruleIds(result: ScanResult, findings: readonly Finding[]): string[] {
  const ids = new Set(sortRules(result.rules).map((r) => r.id));
  for (const f of findings) ids.add(f.ruleId);
  return [...ids].sort(compareText);
}

function ruleSuite(ruleId: string, findings: readonly Finding[], suppressed: readonly Finding[]): Suite {
  const cases = findings.length + suppressed.length === 0 ? [passingCase(ruleId)] : [...findings.map(findingCase), ...suppressed.map(suppressedCase)];
  const attrs = attributes([['name', ruleId], ['tests', cases.length], ['failures', findings.length], ['errors', 0], ['skipped', suppressed.length]]);
  return { tests: cases.length, lines: [`  <testsuite${attrs}>`, ...cases.flat(), '  </testsuite>'] };
}

function passingCase(ruleId: string): string[] {
  return [`    <testcase${attributes([['classname', ruleId], ['name', JUNIT_PASSING_CASE]])}/>`];
}

function findingCase(f: Finding): string[] {
  const failure = attributes([['message', f.message], ['type', f.severity]]);
  return [`    <testcase${caseAttributes(f)}>`, `      <failure${failure}>${escapeXmlText(failureBody(f))}</failure>`, '    </testcase>'];
}

function suppressedCase(f: Finding): string[] {
  const skipped = attributes([['message', f.suppression ? suppressionText(f.suppression) : 'suppressed']]);
  return [`    <testcase${caseAttributes(f)}>`, `      <skipped${skipped}>${escapeXmlText(failureBody(f))}</skipped>`, '    </testcase>'];
}

function caseAttributes(f: Finding): string {
  const name = `${fileLine(f.location)} ${f.subject?.logicalId ?? f.title}`;
  return attributes([['classname', f.ruleId], ['name', name], ['file', f.location.file], ['line', f.location.line]]);
}

/** What a CI log shows under the failure: the rule's title, the place and the related places. */
function failureBody(f: Finding): string {
  const lines = [`${f.severity} ${f.ruleId}: ${f.title}`, `at ${fileLine(f.location)}`, f.message];
  for (const rel of f.related) lines.push(`related ${fileLine(rel.loc)}: ${rel.message}`);
  for (const step of f.flow ?? []) lines.push(`flow ${fileLine(step.loc)}: ${step.message}`);
  // One line each: a line break in a name from the project is shown escaped, never a line of its own.
  return lines.map(escapeLine).join('\n');
}

function inputSuite(diagnostics: readonly Diagnostic[]): Suite {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const attrs = attributes([['name', JUNIT_INPUT_SUITE], ['tests', diagnostics.length], ['failures', 0], ['errors', errors], ['skipped', 0]]);
  return { tests: diagnostics.length, lines: [`  <testsuite${attrs}>`, ...diagnostics.flatMap(diagnosticCase), '  </testsuite>'] };
}

function diagnosticCase(d: Diagnostic): string[] {
  const attrs = attributes([['classname', d.code], ['name', `${fileLine(d.loc)} ${d.code}`], ['file', d.loc.file], ['line', d.loc.line]]);
  const body = d.severity === 'error'
    ? `      <error${attributes([['message', d.message], ['type', d.code]])}/>`
    : `      <system-out>${escapeXmlText(escapeLine(`${d.severity}: ${d.message}`))}</system-out>`;
  return [`    <testcase${attrs}>`, body, '    </testcase>'];
}
