/**
 * Python imports the code runs without: an import inside a `try:` block whose handlers catch a
 * missing module (`except ImportError`, `ModuleNotFoundError`, `Exception` or a bare `except`).
 * Read from the lines, not a tree: the block an indented line belongs to is the nearest line above
 * indented less, and a handler at the `try`'s indentation must follow its body before anything else.
 *
 * Linear in the file: each line's block is found with one stack over the lines, and each `try`
 * judged once (a file of 20,000 imports in one `try` took 15 s when each import walked its block).
 */

/** A test of the 0-based line `at`, for the lines of one file. */
export function optionalImportTest(lines: readonly string[]): (at: number) => boolean {
  let openers: Int32Array | undefined;
  const judged = new Map<number, boolean>();
  return (at) => {
    openers ??= blockOpeners(lines);
    const opener = openers[at]!;
    if (opener < 0 || !/^\s*try\s*:/.test(lines[opener]!)) return false;
    let known = judged.get(opener);
    if (known === undefined) judged.set(opener, (known = catchesMissingModule(lines, opener)));
    return known;
  };
}

/** For each line, the nearest line above it indented less (-1 for none, and for blank and comment lines). */
function blockOpeners(lines: readonly string[]): Int32Array {
  const out = new Int32Array(lines.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (isBlankOrComment(lines[i]!)) continue;
    const indent = indentOf(lines[i]!);
    while (open.length > 0 && indentOf(lines[open[open.length - 1]!]!) >= indent) open.pop();
    out[i] = open.length > 0 ? open[open.length - 1]! : -1;
    open.push(i);
  }
  return out;
}

/** Whether a handler of the `try` on line `at` catches a missing module. */
function catchesMissingModule(lines: readonly string[], at: number): boolean {
  const tryIndent = indentOf(lines[at]!);
  for (let j = at + 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (isBlankOrComment(line) || indentOf(line) > tryIndent) continue;
    if (indentOf(line) < tryIndent || !/^\s*except\b/.test(line)) return false;
    if (/^\s*except\s*(?::|\(?[^:]*\b(?:ImportError|ModuleNotFoundError|Exception|BaseException)\b)/.test(line)) return true;
  }
  return false;
}

function isBlankOrComment(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#');
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
