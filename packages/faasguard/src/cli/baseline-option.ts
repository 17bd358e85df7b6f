/**
 * `--baseline <file>` of `scan` and `changed`: the baseline read before the scan (a wrong path
 * fails at once, not after a long scan), its problems as usage errors that name the file.
 */
import { BaselineError, type Baseline } from '../baseline/baseline-file.js';
import { readBaselineFile } from '../baseline/baseline-io.js';
import { UsageError } from './usage-error.js';

export function baselineOrUsageError(file: string): Baseline {
  try {
    return readBaselineFile(file);
  } catch (e) {
    if (e instanceof BaselineError) throw new UsageError(`--baseline ${e.message}`);
    throw e;
  }
}
