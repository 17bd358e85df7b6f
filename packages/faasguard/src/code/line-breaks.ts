/**
 * Where lines break, as the parser of each kind of file counts them, so that findings, code frames
 * and suppression comments agree on line numbers:
 * - JavaScript and TypeScript (the TypeScript compiler): CR LF, LF, CR, U+2028 and U+2029;
 * - Python (its tokenizer reads with universal newlines): CR LF, LF and CR;
 * - anything else, templates above all (the YAML and JSON line index): LF, a CR before it dropped.
 */
const JS_FILE = /\.[cm]?[jt]sx?$/i;
const PYTHON_FILE = /\.py$/i;

const JS_BREAK = /\r\n|[\n\r\u2028\u2029]/;
const PYTHON_BREAK = /\r\n|[\n\r]/;
const OTHER_BREAK = /\r?\n/;

/** The lines of `text`, a file named `file`; the break ending the last line opens no other. */
export function sourceLines(text: string, file: string): string[] {
  const lines = text.split(lineBreakPattern(file));
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** What breaks lines in a file named `file`. */
export function lineBreakPattern(file: string): RegExp {
  if (JS_FILE.test(file)) return JS_BREAK;
  if (PYTHON_FILE.test(file)) return PYTHON_BREAK;
  return OTHER_BREAK;
}

/**
 * Python text for tree-sitter, whose grammar breaks lines at LF only: each lone CR becomes a LF.
 * The length is the same, so offsets still point into the original text.
 */
export function pythonParserText(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
