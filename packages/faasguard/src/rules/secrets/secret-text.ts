/**
 * Wording shared by the secret rules: what was found (always redacted) and where it should live.
 */
import { betterHomeAdvice, type SecretMatch } from '../../secrets/index.js';
import type { Severity } from '../../findings/finding.js';

/** "GitHub token (ghp_…3xYz)": the kind and the redaction, never the value. */
export function secretLabel(match: SecretMatch): string {
  // The library's generic description already says "hard-coded"; messages say that themselves.
  const description = match.kind === 'generic-secret' ? 'high-entropy value under a secret-like name' : match.description;
  return `${description} (${match.redacted})`;
}

/** A short pointer to the safer store and the permission the function's role then needs. */
export function storeAdvice(match: SecretMatch): string {
  const advice = betterHomeAdvice(match.kind);
  const store = advice.store === 'secretsmanager' ? 'AWS Secrets Manager' : 'an SSM Parameter Store SecureString parameter';
  if (match.kind === 'aws-access-key-id' || match.kind === 'aws-secret-access-key') {
    return 'Remove the key: grant the execution role the permissions it was used for. Rotate it now: it is in the repository history.';
  }
  return `Move it to ${store} and read it at run time; the execution role then needs ${advice.iamActions.join(', ')} on it (plus kms:Decrypt for a customer managed key). Rotate it now: it is in the repository history.`;
}

/** Medium-confidence matches (heuristics, test keys) are reported one level lower. */
export function confidenceSeverity(match: SecretMatch, high: Severity = 'high'): Severity | undefined {
  if (match.confidence === 'high') return undefined;
  return high === 'critical' ? 'high' : high === 'high' ? 'medium' : 'low';
}

/** Stable identity of a secret within its file: kind, redaction, and which of equal-looking ones. */
export function secretKeys<T extends { match: SecretMatch; loc: { file: string } }>(items: readonly T[]): Map<T, string[]> {
  const seen = new Map<string, number>();
  const out = new Map<T, string[]>();
  for (const item of items) {
    const id = `${item.loc.file}\u0000${item.match.kind}\u0000${item.match.redacted}`;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    out.set(item, [item.match.kind, item.match.redacted, String(n)]);
  }
  return out;
}
