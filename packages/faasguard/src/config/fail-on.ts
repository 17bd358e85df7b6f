import type { Severity } from '../findings/finding.js';

/** The least severity that fails a scan (`--fail-on`, `failOn`); `none`: findings never do. */
export type FailOn = Severity | 'none';
