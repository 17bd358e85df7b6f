import type { Finding, Severity } from '../findings/finding.js';

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

