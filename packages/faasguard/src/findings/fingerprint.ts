import { hexDigest } from '../util/hex-digest.js';

/**
 * A stable identity for a finding: the rule, the file, and the parts that name what is wrong
 * (logical id, route, variable name). Line numbers are left out on purpose.
 */
export function fingerprint(ruleId: string, file: string, key: readonly string[]): string {
  return hexDigest('sha256', [ruleId, file, ...key].join('\u0000')).slice(0, 32);
}
