/**
 * Pruning a walk of a syntax tree by words of its text. A walk that looks only for nodes spelling
 * one of a few words (`require`, `rejectUnauthorized`) can enter only the nodes whose text holds
 * one, from the root down to each, instead of every node: most files hold none, and the walk then
 * stops at the root. Where the source may spell a word with escapes that name its characters
 * (`\u0072`, `\x72`, `\162`, a backslash before a line break), which the parser reads as the plain
 * word but a search of the text does not find, the whole tree is walked.
 */
import { escapeRegExp } from '../util/escape-regexp.js';

/** Whether a walk should enter a node, given its text's start (leading trivia included) and end offsets. */
export type MayHold = (node: { pos: number; end: number }) => boolean;

/** Enters every node: for a text that may spell the words with escapes. */
const EVERY_NODE: MayHold = () => true;

/**
 * Whether a node of `text` may hold one of `words`. `mayEscape` says that the text may spell them
 * with escapes (see `mayEscapeIdentifiers` and `mayEscapeStrings` in `parse-js.ts`). `words` is a
 * constant list: its search expression is made once per list, not per call.
 */
export function wordSpans(text: string, words: readonly string[], mayEscape: boolean): MayHold {
  if (mayEscape) return EVERY_NODE;
  const at = wordPositions(text, words);
  return (node) => {
    const i = firstAtOrAfter(at, node.pos);
    return i < at.length && at[i]! < node.end;
  };
}

/**
 * Whether the text may hold one of the words anywhere (see `wordSpans`), a backslash before any
 * of their characters allowed. Plain searches of the text, then of the text without backslashes,
 * which finds those spellings and a few more (`'aws\\-sdk'`, a backslash in the string: the file
 * is then walked for nothing). One expression of every word with optional backslashes found the
 * same, but compiling it for the SDK's 21 names took 20 ms on the first file of a scan and 4 ms
 * on the second: more than the searches of a whole small app.
 */
export function mayHoldAnyWord(text: string, words: readonly string[], mayEscape: boolean): boolean {
  if (mayEscape || words.some((w) => text.includes(w))) return true;
  if (!text.includes('\\')) return false;
  const plain = text.replaceAll('\\', '');
  return words.some((w) => plain.includes(w));
}

/**
 * Where each word starts in the text, in increasing order. A backslash may stand before any of its
 * characters: in a string, one before a character that makes no escape is left out
 * (`'reject\Unauthorized'` is `rejectUnauthorized`).
 */
function wordPositions(text: string, words: readonly string[]): number[] {
  const at: number[] = [];
  const pattern = loosePattern(words);
  // Searched again from the next character, so that a word starting inside another is found too.
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    at.push(m.index);
    pattern.lastIndex = m.index + 1;
  }
  return at;
}

/** The words, each character optionally after a backslash, as one expression (made once per list). */
const loosePatterns = new WeakMap<readonly string[], RegExp>();

function loosePattern(words: readonly string[]): RegExp {
  let pattern = loosePatterns.get(words);
  if (!pattern) loosePatterns.set(words, (pattern = new RegExp(words.map(looseWord).join('|'), 'g')));
  pattern.lastIndex = 0;
  return pattern;
}

function looseWord(word: string): string {
  return [...word].map((c) => `\\\\?${escapeRegExp(c)}`).join('');
}

/** The index of the first value at least `pos` in the sorted list (its length when none). */
function firstAtOrAfter(sorted: readonly number[], pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
