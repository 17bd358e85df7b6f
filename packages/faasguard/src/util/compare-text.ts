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
 * digits and letters; each is given a control character below `0` to sort by.
 */
const PUNCTUATION_ORDER = '_-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';

/**
 * For names that reports list (IAM actions, SAM policy templates, packages, advisory ids): the
 * order `localeCompare` gives them in English, whatever the locale. For ASCII text that is
 * punctuation first (in `PUNCTUATION_ORDER`), then digits, then letters regardless of case; of
 * names equal but for case, the one with a lowercase letter where they first differ comes first.
 */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  return compareText(collationKey(a), collationKey(b)) || compareText(b, a);
}

function collationKey(s: string): string {
  let key = '';
  for (const c of s.toLowerCase()) {
    const rank = PUNCTUATION_ORDER.indexOf(c);
    key += rank < 0 ? c : String.fromCharCode(1 + rank);
  }
  return key;
}
