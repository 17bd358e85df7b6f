import type { Finding, Severity, Suppression } from '../findings/finding.js';
import type { ScanResult } from '../scan/scan-result.js';
import { fileLine } from './file-line.js';
import { sortFindings } from './ordering.js';

/** Number of findings per severity, plus the total. Keys follow `SEVERITIES` (critical first). */
export type SeverityCounts = Record<Severity, number> & { total: number };

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 };
  for (const f of findings) {
    counts[f.severity] += 1;
    counts.total += 1;
  }
  return counts;
}

/** What a report says when no template was loaded: nothing was checked, so there is no verdict. */
export const NOTHING_SCANNED = 'nothing scanned: no template was loaded';

/** The findings the scanned project accepts, in report order. */
export function suppressedFindings(result: ScanResult): Finding[] {
  return sortFindings(result.suppressed ?? []);
}

/** Where and why a finding is accepted, as reports print it. */
export function suppressionText(s: Suppression): string {
  return `suppressed at ${fileLine(s.location)}: ${s.reason}`;
}
