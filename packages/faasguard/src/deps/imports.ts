/**
 * The modules a code file imports, for the declared-versus-imported check. JavaScript and
 * TypeScript are read with the TypeScript compiler's import pre-scan (static `import`,
 * `export … from`, `import x = require()`, `require('x')` and `import('x')` with a literal);
 * Python is read line by line (`import a.b, c`, `from a import b`, `importlib.import_module('a')`).
 * Nothing is resolved or executed; specifiers built at run time are not seen.
 */
import { loadTypeScript } from '../code/load-typescript.js';
import ts from '../code/typescript-lib.cjs';
import { sourceFileOptions } from '../code/parse-js.js';
import { LineIndex } from '../parse/line-index.js';

/** One import of a module, where it is written (1-based line and column). */
export interface ImportRef {
  specifier: string;
  line: number;
  column: number;
  /** TypeScript imports only types (`import type`, every specifier `type`): the compiler removes it */
  typeOnly?: boolean;
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
  return ts.preProcessFile(text, true, true).importedFiles.map((ref) => {
    const { line, column } = lines.position(ref.pos); // the opening quote
    return { specifier: ref.fileName, line, column, ...(typeOnly.has(ref.pos) ? { typeOnly: true } : {}) };
  });
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
    if (spec && ts.isStringLiteral(spec)) out.add(spec.getStart(source));
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
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const wasInString = inString;
    inString = tripleQuoteState(line, inString);
    if (wasInString) return;
    out.push(...pythonLineImports(line, i + 1));
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
  if (from) out.push({ specifier: from[2]!, line: lineNo, column: code.indexOf(from[2]!, from[1]!.length + 4) + 1 });
  const plain = from ? null : PY_IMPORT.exec(code);
  if (plain) {
    let offset = code.indexOf(plain[2]!);
    for (const part of plain[2]!.split(',')) {
      const name = /^\s*([\w.]+)/.exec(part)?.[1];
      if (name) out.push({ specifier: name, line: lineNo, column: code.indexOf(name, offset) + 1 });
      offset += part.length + 1;
    }
  }
  for (const m of code.matchAll(PY_DYNAMIC)) out.push({ specifier: m[2]!, line: lineNo, column: (m.index ?? 0) + 1 });
  return out;
}
