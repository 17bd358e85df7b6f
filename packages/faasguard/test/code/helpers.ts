/**
 * Scans a code fixture with the code rules and reduces findings to what the tests compare.
 */
import path from 'node:path';
import { FAMILIES } from '../../src/rules/injection/families.js';
import { scan } from '../../src/scan/scan.js';
import { ALL_RULES } from '../../src/rules/index.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { FIXTURES } from '../helpers/paths.js';

export const CODE_RULE_IDS = [
  ...Object.values(FAMILIES).map((f) => f.meta.id),
  'verbose-error-response', 'jwt-decoded-without-verification', 'event-logged', 'secret-in-code', 'tls-verification-disabled', 'authorization-from-client-input',
  'hard-coded-credential-check',
  'secret-logged',
];

export interface Got {
  rule: string;
  at: string;
  subject: string | undefined;
  severity: string;
  /** `file:line` of each flow step, source first */
  steps: string[];
  message: string;
}

export async function scanCode(fixture: string): Promise<ScanResult> {
  return scan(path.join(FIXTURES, 'code', fixture), { rules: ALL_RULES.filter((r) => CODE_RULE_IDS.includes(r.meta.id)) });
}

export async function codeFindings(fixture: string): Promise<Got[]> {
  const result = await scanCode(fixture);
  return result.findings.map((f) => ({
    rule: f.ruleId,
    at: `${f.location.file}:${f.location.line}`,
    subject: f.subject?.logicalId,
    severity: f.severity,
    steps: (f.flow ?? []).map((s) => `${s.loc.file}:${s.loc.line}`),
    message: f.message,
  }));
}

/** The findings of one subject, by file, line and rule, without messages. */
export function bySubject(all: Got[], subject: string): Array<Omit<Got, 'message' | 'severity' | 'subject'>> {
  return all
    .filter((g) => g.subject === subject)
    .map(({ rule, at, steps }) => ({ rule, at, steps }))
    .sort(byPlace);
}

/** `src/a.js:9` before `src/a.js:10`. */
function byPlace(a: { at: string; rule: string }, b: { at: string; rule: string }): number {
  const [fa = '', la = '0'] = a.at.split(/:(?=\d+$)/);
  const [fb = '', lb = '0'] = b.at.split(/:(?=\d+$)/);
  return fa.localeCompare(fb) || Number(la) - Number(lb) || a.rule.localeCompare(b.rule);
}
