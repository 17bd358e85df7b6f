/**
 * Whether an IAM action pattern (`s3:Put*`, `*`, `sqs:sendmessage`) covers an action. IAM
 * compares actions without regard to case and allows `*` and `?` wildcards.
 */
export function actionMatches(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  if (p === '*' || p === a) return true;
  if (!p.includes('*') && !p.includes('?')) return false;
  const re = new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(a);
}

export function anyActionMatches(patterns: readonly unknown[], actions: readonly string[]): boolean {
  return patterns.some((p) => typeof p === 'string' && actions.some((a) => actionMatches(p, a)));
}
