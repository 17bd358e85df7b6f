/**
 * Canonical order of everything a report prints, so that the same scan always gives the same bytes
 * whatever order the engine produced things in. Inputs are never mutated: the ScanResult belongs to
 * the caller.
 */
import type { Finding } from '../findings/finding.js';
import { compareFindings } from '../findings/sort.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { compareLocations } from '../model/location.js';
import type { RuleMeta } from '../rules/rule.js';
import { compareText } from '../util/compare-text.js';

const DIAGNOSTIC_RANK: Readonly<Record<Diagnostic['severity'], number>> = { error: 0, warning: 1, note: 2 };

/**
 * `compareFindings`, then the message: two findings that share a fingerprint (a rule reporting the
 * same thing twice) would otherwise print in whatever order they came.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => compareFindings(a, b) || compareText(a.message, b.message));
}

/** By place first: diagnostics read like a list of input problems, file after file. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const byLoc = compareLocations(a.loc, b.loc);
  if (byLoc !== 0) return byLoc;
  const byLevel = DIAGNOSTIC_RANK[a.severity] - DIAGNOSTIC_RANK[b.severity];
  if (byLevel !== 0) return byLevel;
  const byCode = compareText(a.code, b.code);
  if (byCode !== 0) return byCode;
  return compareText(a.message, b.message);
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

/** The ScanResult promises rules sorted by id; sorting again costs nothing and protects the output. */
export function sortRules(rules: readonly RuleMeta[]): RuleMeta[] {
  return [...rules].sort((a, b) => compareText(a.id, b.id));
}

export function sortTemplates(templates: readonly string[]): string[] {
  return [...templates].sort(compareText);
}
