/**
 * The `--fail-on` threshold of the commands that gate CI (`scan`, `changed`): which findings make
 * the exit code 1.
 */
import { failOnOf, type FailOn } from '../config/apply-config.js';
import type { FaasguardConfig } from '../config/config.js';
import { isSeverity, severityRank, type Finding } from '../findings/finding.js';
import { UsageError } from './usage-error.js';

/** `--fail-on` in any case; `none` never fails on findings. */
export function failOnFromFlag(flag: string | undefined): FailOn | undefined {
  if (flag === undefined) return undefined;
  const value = flag.toLowerCase();
  if (value === 'none' || isSeverity(value)) return value;
  throw new UsageError('--fail-on must be critical, high, medium, low, info or none');
}

/** Whether a finding reaches the threshold of the flag, else of the configuration (default low). */
export function failsOn(findings: readonly Finding[], flag: FailOn | undefined, config: FaasguardConfig | undefined): boolean {
  const failOn = failOnOf(flag, config);
  return failOn !== 'none' && findings.some((f) => severityRank(f.severity) >= severityRank(failOn));
}
