/**
 * `scanProject`: a scan as `faasguard scan` runs it, configuration file included, with the
 * verdict the exit code would give.
 */
import { failOnOf, type FailOn } from '../config/apply-config.js';
import type { FaasguardConfig } from '../config/config.js';
import { severityRank } from '../findings/finding.js';
import { scan } from '../scan/scan.js';
import type { ScanResult } from '../scan/scan-result.js';
import { resolveProjectOptions, type ProjectOptions } from './project-options.js';

export interface ProjectScanOptions extends ProjectOptions {
  /** The least severity that fails the scan (as `--fail-on`); default: the configuration's `failOn`, else `low` */
  failOn?: FailOn;
}

export interface ProjectScan {
  result: ScanResult;
  /** The configuration that was applied, if any */
  config?: FaasguardConfig;
  /** The `failOn` that was applied */
  failOn: FailOn;
  /** Whether a finding is at or above `failOn` (the command line's exit code 1); suppressed findings never count */
  failed: boolean;
}

/**
 * Scans `target` (a directory, or one template file). Input problems (an unparsable template) are
 * in `result.diagnostics` with severity `error`; `result.templates` is empty when nothing was found.
 */
export async function scanProject(target: string, options: ProjectScanOptions = {}): Promise<ProjectScan> {
  const { failOn: failOnOption, ...rest } = options;
  const { config, scanOptions } = resolveProjectOptions(target, rest);
  const result = await scan(target, scanOptions);
  const failOn = failOnOf(failOnOption, config);
  return { result, ...(config ? { config } : {}), failOn, failed: failsAt(result, failOn) };
}

function failsAt(result: ScanResult, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return result.findings.some((f) => severityRank(f.severity) >= severityRank(failOn));
}
