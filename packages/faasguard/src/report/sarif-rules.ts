/**
 * SARIF rule descriptors (`tool.driver.rules`) from RuleMeta, with the properties GitHub code
 * scanning reads: `security` in the tags marks a security result, `external/cwe/cwe-NNN` tags its
 * CWEs, `security-severity` (a CVSS-like score as a string) places it in GitHub's
 * critical/high/medium/low bands, and `helpUri` links the rule's page.
 */
import { terraformExample } from '../rules/terraform-examples.js';
import type { Finding, Severity } from '../findings/finding.js';
import { rulePageUrl } from '../project-urls.js';
import type { RuleMeta } from '../rules/rule.js';
import { compareText } from '../util/compare-text.js';
import { sortRules } from './ordering.js';
import type { SarifLevel, SarifReportingDescriptor } from './sarif-types.js';

const LEVEL: Readonly<Record<Severity, SarifLevel>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

// GitHub's bands: 9.0–10.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low, 0.0 none (info).
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

/**
 * A name people can read, never equal to the id (SARIF validators warn, as the id is an opaque
 * identifier): the id in PascalCase, or the title's lead for a one-word id (`ssrf`).
 */
export function ruleName(rule: Pick<RuleMeta, 'id' | 'title'>): string {
  const name = pascalCase(rule.id);
  if (name.toLowerCase() !== rule.id.toLowerCase()) return name;
  const fromTitle = pascalCase(rule.title.split(':')[0] ?? '');
  return fromTitle !== '' && fromTitle.toLowerCase() !== rule.id.toLowerCase() ? fromTitle : `${name}Rule`;
}

/** `external/cwe/cwe-NNN` is the form GitHub code scanning filters CWEs by; it keeps 10 tags a rule. */
function tags(rule: RuleMeta): string[] {
  const cwes = rule.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`);
  return [...new Set(['security', rule.category, ...cwes])];
}

function helpText(rule: RuleMeta): string {
  if (rule.remediation === '') return rule.description;
  return `${rule.description}\n\nRemediation:\n${rule.remediation}`;
}

function helpMarkdown(rule: RuleMeta, terraform: boolean): string {
  const parts = [rule.description];
  if (rule.remediation !== '') parts.push(`## Remediation\n\n${rule.remediation}`);
  const tf = terraform ? terraformExample(rule.id) : undefined;
  if (tf) parts.push(`## In Terraform\n\nVulnerable:\n\n\`\`\`hcl\n${tf.vulnerable}\n\`\`\`\n\nFixed:\n\n\`\`\`hcl\n${tf.fixed}\n\`\`\``);
  const refs = rule.references ?? [];
  if (refs.length > 0) parts.push(`## References\n\n${refs.map((r) => `- ${r}`).join('\n')}`);
  return parts.join('\n\n');
}

/** `terraform`: some finding of the rule comes from a Terraform file; its help then shows the Terraform form. */
export function reportingDescriptor(rule: RuleMeta, terraform = false): SarifReportingDescriptor {
  return {
    id: rule.id,
    name: ruleName(rule),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: helpText(rule), markdown: helpMarkdown(rule, terraform) },
    helpUri: rulePageUrl(rule.id),
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
