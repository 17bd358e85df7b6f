/**
 * Whether an IAM action pattern (`s3:Put*`, `*`, `sqs:sendmessage`) covers an action. IAM
 * compares actions without regard to case and allows `*` and `?` wildcards.
 */
import { wildcardRegExp } from '../util/wildcard-regexp.js';

export function actionMatches(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  if (p === '*' || p === a) return true;
  if (!p.includes('*') && !p.includes('?')) return false;
  return wildcardRegExp(p).test(a);
}

export function anyActionMatches(patterns: readonly unknown[], actions: readonly string[]): boolean {
  return patterns.some((p) => typeof p === 'string' && actions.some((a) => actionMatches(p, a)));
}
