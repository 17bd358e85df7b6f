/**
 * The closest of some names to a mistyped one, for "did you mean" hints. Only a near miss is
 * suggested: a suggestion far from what was typed confuses more than it helps.
 */
import { createRequire } from 'node:module';

type Levenshtein = typeof import('fastest-levenshtein');

const require = createRequire(import.meta.url);

export function didYouMean(typed: string, names: readonly string[]): string {
  if (names.length === 0) return '';
  // Loaded only when a mistake needs a hint, so that no scan starts slower for it.
  const { closest, distance } = require('fastest-levenshtein') as Levenshtein;
  const best = closest(typed, [...names]);
  const allowed = Math.max(2, Math.floor(typed.length / 3));
  return distance(typed, best) <= allowed ? ` (did you mean "${best}"?)` : '';
}
