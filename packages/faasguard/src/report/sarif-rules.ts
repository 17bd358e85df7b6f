/**
 * SARIF rule descriptors (`tool.driver.rules`) from RuleMeta, with the properties GitHub code
 * scanning reads: `security` in the tags marks a security result, and `security-severity` (a CVSS-like
 * score as a string) places it in GitHub's critical/high/medium/low bands.
 */
import type { Finding, Severity } from '../findings/finding.js';
import type { RuleMeta } from '../rules/rule.js';
import { compareText, sortRules } from './ordering.js';
import type { SarifLevel, SarifReportingDescriptor } from './sarif-types.js';

export const RULE_DOCS_BASE = 'https://github.com/faasguard/faasguard/blob/main/docs/rules/';

const LEVEL: Readonly<Record<Severity, SarifLevel>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

// GitHub bands: >= 9.0 critical, >= 7.0 high, >= 4.0 medium, > 0 low.
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

export function sarifLevel(severity: Severity): SarifLevel {
  return LEVEL[severity];
}

export function securitySeverity(severity: Severity): string {
  return SECURITY_SEVERITY[severity];
}

/** `function-url-without-auth` → `FunctionUrlWithoutAuth`, the SARIF convention for rule names. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
}

function tags(rule: RuleMeta): string[] {
  // `external/cwe/cwe-NNN` is the form GitHub code scanning recognises for CWE filtering.
  const external = rule.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`);
  return [...new Set(['security', rule.category, ...rule.cwe, ...external])];
}

function helpText(rule: RuleMeta): string {
  if (rule.remediation === '') return rule.description;
  return `${rule.description}\n\nRemediation:\n${rule.remediation}`;
}

function helpMarkdown(rule: RuleMeta): string {
  const parts = [rule.description];
  if (rule.remediation !== '') parts.push(`## Remediation\n\n${rule.remediation}`);
  const refs = rule.references ?? [];
  if (refs.length > 0) parts.push(`## References\n\n${refs.map((r) => `- ${r}`).join('\n')}`);
  return parts.join('\n\n');
}

export function reportingDescriptor(rule: RuleMeta): SarifReportingDescriptor {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: helpText(rule), markdown: helpMarkdown(rule) },
    helpUri: `${RULE_DOCS_BASE}${encodeURIComponent(rule.id)}.md`,
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: { tags: tags(rule), 'security-severity': securitySeverity(rule.severity) },
  };
}

/**
 * A stand-in for a rule a finding names but the result does not describe, so that every result
 * still points at a descriptor (`ruleIndex` must be valid). Should not happen; costs nothing.
 */
function metaFromFinding(f: Finding): RuleMeta {
  return { id: f.ruleId, title: f.title, category: f.category, cwe: f.cwe, severity: f.severity, description: f.title, remediation: '' };
}

/** The rules of the run, sorted by id, and each rule's index for `result.ruleIndex`. */
export function runRules(rules: readonly RuleMeta[], findings: readonly Finding[]): { metas: RuleMeta[]; index: Map<string, number> } {
  const known = new Map(rules.map((r) => [r.id, r] as const));
  for (const f of [...findings].sort((a, b) => compareText(a.ruleId, b.ruleId) || compareText(a.fingerprint, b.fingerprint))) {
    if (!known.has(f.ruleId)) known.set(f.ruleId, metaFromFinding(f));
  }
  const metas = sortRules([...known.values()]);
  return { metas, index: new Map(metas.map((r, i) => [r.id, i] as const)) };
}
