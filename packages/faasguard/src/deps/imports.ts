/**
 * The modules a code file imports, for the declared-versus-imported check. JavaScript and
 * TypeScript are read with the TypeScript compiler's import pre-scan (static `import`,
 * `export … from`, `import x = require()`, `require('x')` and `import('x')` with a literal);
 * Python is read line by line (`import a.b, c`, `from a import b`, `importlib.import_module('a')`).
 * Nothing is resolved or executed; specifiers built at run time are not seen.
 */
import { loadTypeScript } from '../code/load-typescript.js';
import ts from '../code/typescript-lib.cjs';
import { mayEscapeIdentifiers, sourceFileOptions } from '../code/parse-js.js';
import { optionalImportTest } from './python-optional-imports.js';
import { LineIndex } from '../parse/line-index.js';
import { nodeStart } from '../code/ts-positions.js';

/** One import of a module, where it is written (1-based line and column). */
export interface ImportRef {
  specifier: string;
  line: number;
  column: number;
  /** TypeScript imports only types (`import type`, every specifier `type`): the compiler removes it */
  typeOnly?: boolean;
  /**
   * Written at the module's top, where loading the file runs it: an unindented line that is an
   * import or export declaration, a `const`/`let`/`var` declaration or a bare `require(…)` (Python:
   * an unindented `import` or `from … import`). Read from the line, not a tree, so an import it
   * leaves unmarked may still run at load; marked ones do.
   */
  moduleTop?: true;
  /** Python: inside a `try:` whose handler catches a missing module, so the code runs without it */
  optional?: true;
}

export type CodeLanguage = 'javascript' | 'python';

/** Largest file read for imports: bundles past this are generated, not the function's own code. */
export const MAX_IMPORT_SCAN_BYTES = 2 * 1024 * 1024;

const JS_EXTENSIONS = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/i;
const PY_EXTENSIONS = /\.py$/i;

/** The language whose imports `file` holds, or undefined for other files (and type declarations). */
export function codeLanguage(file: string): CodeLanguage | undefined {
  if (/\.d\.[cm]?ts$/i.test(file)) return undefined;
  if (JS_EXTENSIONS.test(file)) return 'javascript';
  return PY_EXTENSIONS.test(file) ? 'python' : undefined;
}

/** Imports of one file, in source order; [] for files of no known language. */
export function extractImports(file: string, text: string): ImportRef[] {
  if (text.length > MAX_IMPORT_SCAN_BYTES) return [];
  const language = codeLanguage(file);
  if (language === 'javascript') return extractJsImports(file, text);
  return language === 'python' ? extractPythonImports(text) : [];
}

/**
 * The compiler's import pre-scan (`preProcessFile`) reads tokens, not a tree: several times faster
 * than a full parse, and it finds the same import forms (static, `export … from`,
 * `import x = require()`, `require()` and `import()` with a literal), comments and strings excluded.
 */
export function extractJsImports(file: string, text: string): ImportRef[] {
  loadTypeScript();
  const lines = new LineIndex(text);
  const typeOnly = MAY_IMPORT_TYPES.test(text) ? typeOnlyImports(file, text) : new Set<number>();
  return ts.preProcessFile(text.slice(0, importsEnd(text)), true, true).importedFiles.map((ref) => {
    const { line, column } = lines.position(ref.pos); // the opening quote
    const top = atModuleTop(text, ref.pos - column + 1, ref.pos);
    return { specifier: ref.fileName, line, column, ...(typeOnly.has(ref.pos) ? { typeOnly: true } : {}), ...(top ? { moduleTop: true } : {}) };
  });
}

/**
 * Whether the import whose module name opens at `quote` is written where loading the file runs it:
 * its line (from `lineStart`) is an unindented import or export declaration, or a short
 * declaration or bare call of `require(` (`const AWS = require('aws-sdk')`). A long line (minified
 * code) is read only at its start: testing each import's whole line made a one-line bundle of
 * 20,000 imports take 1.6 s instead of 0.08.
 */
function atModuleTop(text: string, lineStart: number, quote: number): boolean {
  if (DECLARATION_START.test(text.slice(lineStart, lineStart + 8))) return true;
  return quote - lineStart <= MAX_REQUIRE_LINE && TOP_REQUIRE.test(text.slice(lineStart, quote + 1));
}

const DECLARATION_START = /^(?:import(?![\s(]*\()|export)\b/;
const TOP_REQUIRE = /^(?:(?:const|let|var)\s[^;{}()]*=\s*)?require\s*\(\s*['"]$/;
/** Longer than any `const name = require('` a person writes. */
const MAX_REQUIRE_LINE = 200;

/**
 * Where the pre-scan may stop: past every module name an import can write. Code imports at its top,
 * and the pre-scan reads tokens to the end: 1.75 s of the file-scan thread's CPU on the
 * 10,000-function benchmark app; on the 1,000-function app's 765 files, 25 ms instead of 100 warm.
 * Every form names its module right after `import`, `require` or `from`, with only
 * blanks, comments and one `(` between, so nothing past the line of the first quote after the last
 * of those words (or the last comment mark, which a comment hiding a quote needs) can be a module
 * name, nor the first thing after that line unless it is a quote. When the text could defeat this
 * reading (a template literal there, a comment or a character outside ASCII right after, an escaped
 * identifier, a string continued over a line end), the whole text is read. Cut at a line end, a
 * prefix gives the pre-scan the same tokens up to the cut.
 */
export function importsEnd(text: string): number {
  if (mayEscapeIdentifiers(text)) return text.length;
  const last = Math.max(...IMPORT_WORDS.map((w) => text.lastIndexOf(w)));
  if (last < 0) return 0;
  const quote = firstOf(text, QUOTES, last);
  if (quote < 0) return lineEnd(text, last);
  if (text[quote] === '`') return text.length;
  const afterQuoteLine = lineEnd(text, quote);
  if (continuesLine(text, afterQuoteLine)) return text.length;
  // A `//` comment holding the last word and a quote ends with its line: the module name may follow.
  const next = skipBlanksAndParen(text, afterQuoteLine);
  if (next >= text.length) return text.length;
  const c = text[next]!;
  if (c === "'" || c === '"') {
    const end = lineEnd(text, next);
    return continuesLine(text, end) ? text.length : end;
  }
  return c === '`' || c === '/' || c.charCodeAt(0) > 0x7e ? text.length : afterQuoteLine;
}

/** The words an import is written with, and the comment marks (a comment between may hide a quote). */
const IMPORT_WORDS = ['import', 'require', 'from', '//', '/*', '*/'];
/** `import()` takes a template literal too: one as the module name is read whole. */
const QUOTES = ["'", '"', '`'];

function firstOf(text: string, needles: readonly string[], from: number): number {
  const found = needles.map((n) => text.indexOf(n, from)).filter((i) => i >= 0);
  return found.length === 0 ? -1 : Math.min(...found);
}

/** Just past the line of `at` (its `\n` included), or the end of the text. */
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

/** Whether the line ending at `end` ends with a backslash (a string continued on the next line). */
function continuesLine(text: string, end: number): boolean {
  let i = end - 1;
  while (i >= 0 && (text[i] === '\n' || text[i] === '\r')) i--;
  return text[i] === '\\';
}

function skipBlanksAndParen(text: string, from: number): number {
  let i = from;
  while (i < text.length && ' \t\r\n\v\f('.includes(text[i]!)) i++;
  return i;
}

/** Cheap test before a full parse: only files with `import type`, `export type` or `{ type X` can import types alone. */
const MAY_IMPORT_TYPES = /\b(?:import|export)\s+type\b|[{,]\s*type\s+[\w$]/;

/**
 * Positions (of the module name, as the pre-scan gives them) of import and export declarations that bring
 * in types only: `import type …`, `export type … from`, or named imports that are all `type`.
 */
function typeOnlyImports(file: string, text: string): Set<number> {
  const source = ts.createSourceFile(file, text, sourceFileOptions(), false, scriptKind(file));
  const out = new Set<number>();
  for (const statement of source.statements) {
    if (!isTypeOnlyDeclaration(statement)) continue;
    const spec = (statement as ts.ImportDeclaration | ts.ExportDeclaration).moduleSpecifier;
    if (spec && ts.isStringLiteral(spec)) out.add(nodeStart(spec, source));
  }
  return out;
}

function isTypeOnlyDeclaration(node: ts.Statement): boolean {
  if (ts.isExportDeclaration(node)) return node.isTypeOnly || (node.exportClause !== undefined && ts.isNamedExports(node.exportClause) && allTypes(node.exportClause.elements));
  if (!ts.isImportDeclaration(node) || !node.importClause) return false;
  const clause = node.importClause;
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return clause.name === undefined && named !== undefined && ts.isNamedImports(named) && allTypes(named.elements);
}

function allTypes(elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>): boolean {
  return elements.length > 0 && elements.every((e) => e.isTypeOnly);
}

function scriptKind(file: string): ts.ScriptKind {
  if (/\.tsx$/i.test(file)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/i.test(file)) return ts.ScriptKind.TS;
  return /\.jsx$/i.test(file) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
}

const PY_IMPORT = /^(\s*)import\s+(.+)$/;
const PY_FROM = /^(\s*)from\s+([\w.]+)\s+import\b/;
const PY_DYNAMIC = /\b(?:importlib\.import_module|__import__)\(\s*(['"])([\w.]+)\1/g;

export function extractPythonImports(text: string): ImportRef[] {
  const out: ImportRef[] = [];
  let inString: string | undefined;
  const lines = text.split('\n').map((raw) => raw.replace(/\r$/, ''));
  const optional = optionalImportTest(lines);
  lines.forEach((line, i) => {
    const wasInString = inString;
    inString = tripleQuoteState(line, inString);
    if (wasInString) return;
    const found = pythonLineImports(line, i + 1);
    if (found.length > 0 && found[0]!.moduleTop !== true && optional(i)) for (const f of found) f.optional = true;
    out.push(...found);
  });
  return out;
}

/** Tracks whether a line leaves us inside a triple-quoted string, where `import` is only text. */
function tripleQuoteState(line: string, open: string | undefined): string | undefined {
  // Most lines have none: checked before a regular expression runs over every line of every file.
  if (!line.includes('"""') && !line.includes("'''")) return open;
  let state = open;
  for (const m of line.matchAll(/"""|'''/g)) {
    if (state === undefined) state = m[0];
    else if (state === m[0]) state = undefined;
  }
  return state;
}

function pythonLineImports(line: string, lineNo: number): ImportRef[] {
  // Every form below has the word: most lines are left before a regular expression runs.
  if (!line.includes('import')) return [];
  const code = line.replace(/#.*$/, '');
  const out: ImportRef[] = [];
  const from = PY_FROM.exec(code);
  const top = (indent: string): { moduleTop?: true } => (indent === '' ? { moduleTop: true } : {});
  if (from) out.push({ specifier: from[2]!, line: lineNo, column: code.indexOf(from[2]!, from[1]!.length + 4) + 1, ...top(from[1]!) });
  const plain = from ? null : PY_IMPORT.exec(code);
  if (plain) {
    let offset = code.indexOf(plain[2]!);
    for (const part of plain[2]!.split(',')) {
      const name = /^\s*([\w.]+)/.exec(part)?.[1];
      if (name) out.push({ specifier: name, line: lineNo, column: code.indexOf(name, offset) + 1, ...top(plain[1]!) });
      offset += part.length + 1;
    }
  }
  for (const m of code.matchAll(PY_DYNAMIC)) out.push({ specifier: m[2]!, line: lineNo, column: (m.index ?? 0) + 1 });
  return out;
}
