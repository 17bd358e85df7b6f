import { compareLocations } from '../model/location.js';
import type { Finding } from './finding.js';
import { severityRank } from './finding.js';

/** The order of findings in every output: most severe first, then by place, then by rule. */
export function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = severityRank(b.severity) - severityRank(a.severity);
  if (bySeverity !== 0) return bySeverity;
  const byLoc = compareLocations(a.location, b.location);
  if (byLoc !== 0) return byLoc;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0;
}
