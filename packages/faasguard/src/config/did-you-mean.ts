/**
 * The closest of some names to a mistyped one, for "did you mean" hints. Only a near miss is
 * suggested: a suggestion far from what was typed confuses more than it helps.
 */
import { createRequire } from 'node:module';

type Levenshtein = typeof import('fastest-levenshtein');

const require = createRequire(import.meta.url);

/** ` (did you mean "x"?)`, or '' when no name is near. */
export function didYouMean(typed: string, names: readonly string[]): string {
  const best = closestName(typed, names);
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

/** The name nearest to `typed`, if it is near enough to be what was meant. */
export function closestName(typed: string, names: readonly string[]): string | undefined {
  if (names.length === 0) return undefined;
  // Loaded only when a mistake needs a hint, so that no scan starts slower for it.
  const { closest, distance } = require('fastest-levenshtein') as Levenshtein;
  const best = closest(typed, [...names]);
  const allowed = Math.max(2, Math.floor(typed.length / 3));
  return distance(typed, best) <= allowed ? best : undefined;
}

/** The edit distance of two names. */
export function editDistance(a: string, b: string): number {
  return (require('fastest-levenshtein') as Levenshtein).distance(a, b);
}
