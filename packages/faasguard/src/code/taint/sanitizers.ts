/**
 * Checks that, when they pass, make a value safe on that branch (allow-lists, anchored patterns,
 * schema validators). Calls whose result is safe are data (`models/sanitizer-rows.ts`), and so
 * are the checks of validation libraries (`models/guard-rows.ts`).
 * A check counts only when it can fail: a local function that always returns true guards nothing
 * (see `summaries.ts`).
 */

/** Method calls on a receiver that answer yes or no: a membership test when the receiver is trusted. */
export const MEMBERSHIP_METHODS: ReadonlySet<string> = new Set(['includes', 'has']);

/** Methods whose result carries no data of the receiver or arguments. */
export const CLEAN_METHODS: ReadonlySet<string> = new Set([
  'includes', 'has', 'test', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'some', 'every', 'isArray', 'findIndex',
  'localeCompare', 'getTime', 'valueOf', 'toFixed', 'isInteger', 'isSafeInteger', 'hasOwnProperty', 'digest', 'verify',
]);

/** An anchored regular expression with no catch-all: `^[\w.-]+$` allows a known alphabet only. */
export function isAnchoredRegex(source: string): boolean {
  return /^\/\^/.test(source) && /\$\/[a-z]*$/.test(source) && !/\.\*|\.\+|\\S|\[\^/.test(source);
}
