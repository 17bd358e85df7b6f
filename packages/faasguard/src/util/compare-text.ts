/**
 * Orders of text that do not depend on the machine. `String.prototype.localeCompare` without a
 * locale follows the user's (in Lithuanian `y` sorts before `j`), so the same scan could list things
 * in another order elsewhere; and its first call loads a collator, some 10 ms of every scan.
 */

/** By UTF-16 code unit: `B` before `a`, as Go's and C's byte order for ASCII. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * The ASCII punctuation in the order of the Unicode root collation (CLDR), which puts it before
 * digits and letters.
 */
const PUNCTUATION_ORDER = '_-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';

/**
 * What `compareNames` compares an ASCII character by, all punctuation below the digit `0` (48):
 * control characters 0, space 1, punctuation 2 to 33; digits as they are, letters as lowercase.
 */
const WEIGHTS = Int32Array.from({ length: 128 }, (_, c) => {
  if (c < 32 || c === 127) return 0;
  if (c === 32) return 1;
  const rank = PUNCTUATION_ORDER.indexOf(String.fromCharCode(c));
  if (rank >= 0) return 2 + rank;
  return c >= 65 && c <= 90 ? c + 32 : c;
});

/**
 * For names that reports list (IAM actions, SAM policy templates, packages, advisory ids): the
 * order `localeCompare` gives them in English, whatever the locale. For ASCII text that is
 * punctuation first (in `PUNCTUATION_ORDER`), then digits, then letters regardless of case; of
 * names equal but for case, the one with a lowercase letter where they first differ comes first.
 * Other characters compare by code unit. Character by character, without building keys: sorts of
 * a large app's action lists call it some hundred thousand times.
 */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const byWeight = weightOf(a.charCodeAt(i)) - weightOf(b.charCodeAt(i));
    if (byWeight !== 0) return byWeight;
  }
  return a.length - b.length || compareText(b, a);
}

function weightOf(c: number): number {
  return c < 128 ? WEIGHTS[c]! : c;
}
