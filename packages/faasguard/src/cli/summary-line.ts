/**
 * The one line that ends a scan on stderr:
 * `faasguard: 32 findings (3 critical, 5 high, 10 medium, 14 low), 1 input problem in 1 template, 41 files, 1.3 s`.
 */
import { SEVERITIES, type Finding } from '../findings/finding.js';
import { countBySeverity } from '../report/summary.js';
import { seconds } from './duration.js';
import { plural } from './plural.js';

export interface ScanTally {
  findings: readonly Finding[];
  /** Errors and warnings about the input (notes, such as the baseline's, are not problems) */
  inputProblems?: number;
  templates: number;
  files: number;
  ms: number;
}

export function summaryLine(tally: ScanTally): string {
  const counts = countBySeverity(tally.findings);
  const bySeverity = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const findings = counts.total === 0 ? 'no findings' : `${plural(counts.total, 'finding')} (${bySeverity.join(', ')})`;
  const problems = tally.inputProblems ? `, ${plural(tally.inputProblems, 'input problem')}` : '';
  return `faasguard: ${findings}${problems} in ${plural(tally.templates, 'template')}, ${plural(tally.files, 'file')}, ${seconds(tally.ms)}\n`;
}
