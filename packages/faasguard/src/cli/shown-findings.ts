/**
 * `--severity <level>`: the report shows findings at or above it. It filters what is shown only;
 * `--fail-on` still decides the exit code from every finding, so the command counts those it hid.
 */
import { isSeverity, severityRank, type Finding, type Severity } from '../findings/finding.js';
import type { ScanResult } from '../scan/scan-result.js';
import { UsageError } from './usage-error.js';

/** The result as reports show it, and how many findings were left out of it. */
export interface ShownResult {
  result: ScanResult;
  hidden: number;
}

export function severityFromFlag(flag: string | undefined): Severity | undefined {
  if (flag === undefined) return undefined;
  const value = flag.toLowerCase();
  if (isSeverity(value)) return value;
  throw new UsageError('--severity must be critical, high, medium, low or info');
}

export function shownFindings(result: ScanResult, least: Severity | undefined): ShownResult {
  if (least === undefined) return { result, hidden: 0 };
  const shown = (f: Finding): boolean => severityRank(f.severity) >= severityRank(least);
  const findings = result.findings.filter(shown);
  const suppressed = result.suppressed?.filter(shown);
  return { result: { ...result, findings, ...(suppressed ? { suppressed } : {}) }, hidden: result.findings.length - findings.length };
}
