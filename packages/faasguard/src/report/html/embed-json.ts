/**
 * JSON that can sit inside `<script type="application/json">` whatever the strings hold: `<` and
 * `>` could close the element (`</script>`) or open a comment, `&` could start an entity, and
 * U+2028/U+2029 break older JavaScript parsers. Escaped as `\uXXXX`, they parse back to the same
 * strings with `JSON.parse`. Control characters are escaped too (see `escapeJson`).
 */
import { escapeJson } from '../terminal-text.js';

const UNSAFE = /[<>&\u2028\u2029]/g;

export function scriptJson(value: unknown): string {
  return escapeJson(JSON.stringify(value)).replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
