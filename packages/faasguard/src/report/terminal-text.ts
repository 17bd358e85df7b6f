/**
 * Text from scanned files (logical ids, paths, template lines) is attacker-controlled: a template can
 * carry escape sequences that rewrite the terminal, hide findings or spoof output, and a newline in a
 * name can forge a line of a report. Every piece of such text goes through `escapeLine` (or
 * `escapeControl` where its own line breaks are kept) before any text output shows it: the reports,
 * the maps, messages on stderr. JSON outputs keep the values and escape them as JSON (`escapeJson`).
 */

// C0 controls except tab and newline, DEL, C1 controls, the line and paragraph separators, and the
// bidi embeddings, overrides and isolates that can reorder what a reader sees ("Trojan Source").
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves raw of `CONTROL` (it escapes C0 itself). */
const JSON_RAW_CONTROL = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Replaces control characters with a visible escape (`\x1b`), keeping tabs and newlines. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, visible);
}

/**
 * Like `escapeControl`, for text that must stay on one line (code-frame lines). A byte-order mark
 * is dropped: it is invisible, but columns on line 1 count it, and dropping it here keeps the caret
 * (measured through this same function) aligned.
 */
export function escapeLine(text: string): string {
  return escapeControl(text.replace(/\uFEFF/g, '')).replace(/[\n\t]/g, (ch) => (ch === '\t' ? '  ' : visible(ch)));
}

/**
 * JSON text (from `JSON.stringify`) with no raw control character left: DEL, C1, separators and bidi
 * controls become `\uXXXX` escapes, which parse back to the same strings. They can occur only
 * inside strings, so the text stays valid JSON.
 */
export function escapeJson(json: string): string {
  return json.replace(JSON_RAW_CONTROL, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
