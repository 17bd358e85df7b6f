/**
 * The modules a code file imports, for the declared-versus-imported check. JavaScript and
 * TypeScript are parsed with the TypeScript compiler's tolerant parser (static `import`,
 * `export … from`, `import x = require()`, `require('x')` and `import('x')` with a literal);
 * Python is read line by line (`import a.b, c`, `from a import b`, `importlib.import_module('a')`).
 * Nothing is resolved or executed; specifiers built at run time are not seen.
 */
import ts from '../code/typescript-lib.cjs';

/** One import of a module, where it is written (1-based line and column). */
export interface ImportRef {
  specifier: string;
  line: number;
  column: number;
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

const SCRIPT_KIND: Record<string, ts.ScriptKind> = { ts: ts.ScriptKind.TS, mts: ts.ScriptKind.TS, cts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX, jsx: ts.ScriptKind.JSX };

export function extractJsImports(file: string, text: string): ImportRef[] {
  const ext = /\.([^.]+)$/.exec(file)?.[1]?.toLowerCase() ?? 'js';
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, SCRIPT_KIND[ext] ?? ts.ScriptKind.JS);
  const out: ImportRef[] = [];
  const add = (literal: ts.Node): void => {
    if (!ts.isStringLiteralLike(literal)) return;
    const { line, character } = source.getLineAndCharacterOfPosition(literal.getStart(source));
    out.push({ specifier: literal.text, line: line + 1, column: character + 1 });
  };
  const visit = (node: ts.Node): void => {
    const target = moduleSpecifierOf(node);
    if (target) add(target);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The string literal naming the module in an import-like node, if the node is one. */
function moduleSpecifierOf(node: ts.Node): ts.Node | undefined {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return node.moduleSpecifier;
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) return node.moduleReference.expression;
  if (!ts.isCallExpression(node) || node.arguments.length < 1) return undefined;
  const callee = node.expression;
  const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
  const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
  return isRequire || isDynamicImport ? node.arguments[0] : undefined;
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
  let state = open;
  for (const m of line.matchAll(/"""|'''/g)) {
    if (state === undefined) state = m[0];
    else if (state === m[0]) state = undefined;
  }
  return state;
}

function pythonLineImports(line: string, lineNo: number): ImportRef[] {
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
