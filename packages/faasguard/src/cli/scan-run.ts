/**
 * A scan from the flags of `scan` and `baseline`, in two steps: `prepareScan` checks the target,
 * the flags and the configuration, so that a command can stop on a mistake before it writes
 * anything (an output folder); `runScan` then scans.
 */
import { defaultScanCacheDir } from '../cache/scan-cache.js';
import { applyConfig } from '../config/apply-config.js';
import type { FaasguardConfig } from '../config/config.js';
import { shownPath } from '../config/shown-path.js';
import { scan, type ScanOptions } from '../scan/scan.js';
import type { ScanResult } from '../scan/scan-result.js';
import { isSet, stringValues, type Values } from './option-values.js';
import { parseParams } from './params.js';
import type { ScanFeedback } from './scan-feedback.js';
import { excludeFlags, loaderOptions, maxFileSize, vulnOptions } from './scan-flags.js';
import { configFromFlags, targetOf } from './scan-input.js';

/** A scan whose flags and configuration have been checked. */
export interface PreparedScan {
  target: string;
  config?: FaasguardConfig;
  options: ScanOptions;
}

export function prepareScan(command: string, positionals: readonly string[], values: Values, err: NodeJS.WritableStream): PreparedScan {
  const target = targetOf(command, positionals);
  const flags: ScanOptions = {
    exclude: excludeFlags(values),
    params: parseParams(stringValues(values, 'param'), stringValues(values, 'params-file')),
    maxFileSize: maxFileSize(values),
    ...loaderOptions(values),
    ...vulnOptions(values),
    ...(isSet(values, 'no-cache') ? {} : { scanCache: defaultScanCacheDir() }),
  };
  const config = configFromFlags(target, values, err);
  return { target, ...(config ? { config } : {}), options: applyConfig(flags, config) };
}

export async function runScan(prepared: PreparedScan, feedback: ScanFeedback): Promise<ScanResult> {
  feedback.note(prepared.config === undefined ? 'no configuration file' : `configuration ${shownPath(prepared.config.file)}`);
  try {
    return await scan(prepared.target, { ...prepared.options, onProgress: feedback.onProgress, onPhase: feedback.onPhase, onRuleTime: feedback.onRuleTime });
  } finally {
    feedback.end();
  }
}
