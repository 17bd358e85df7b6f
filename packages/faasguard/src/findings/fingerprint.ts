import { createHash } from 'node:crypto';

/**
 * A stable identity for a finding: the rule, the file, and the parts that name what is wrong
 * (logical id, route, variable name). Line numbers are left out on purpose.
 */
export function fingerprint(ruleId: string, file: string, key: readonly string[]): string {
  const h = createHash('sha256');
  h.update([ruleId, file, ...key].join('\u0000'));
  return h.digest('hex').slice(0, 32);
}
