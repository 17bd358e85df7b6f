/**
 * The closest of some names to a mistyped one, for "did you mean" hints. Only a near miss is
 * suggested: a suggestion far from what was typed confuses more than it helps.
 */
import { closest, distance } from 'fastest-levenshtein';

export function didYouMean(typed: string, names: readonly string[]): string {
  if (names.length === 0) return '';
  const best = closest(typed, [...names]);
  const allowed = Math.max(2, Math.floor(typed.length / 3));
  return distance(typed, best) <= allowed ? ` (did you mean "${best}"?)` : '';
}
