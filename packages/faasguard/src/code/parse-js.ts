/**
 * The one place that knows which parser reads JavaScript and TypeScript (see README.md for the
 * choice). Everything else sees a parsed file: its AST, a line index giving `SourceLocation`s
 * relative to the scan root, and the syntax errors found (the parser is tolerant: a file with
 * errors still yields a tree, and never throws).
 */
import ts from './typescript-lib.cjs';
import { loadTypeScript } from './load-typescript.js';
import { lineAndCharacter, nodeStart } from './ts-positions.js';
import type { SourceLocation } from '../model/location.js';

export { ts };

/** A parsed code file. */
export interface ParsedFile {
  /** Relative to the scan root, forward slashes */
  file: string;
  text: string;
  ast: ts.SourceFile;
  /** Syntax errors, at most a few, with their position */
  errors: Array<{ loc: SourceLocation; message: string }>;
  /** Location of a character offset */
  locAt(offset: number): SourceLocation;
  /** Location of the start of a node (its first token, not its leading comments) */
  locOf(node: ts.Node): SourceLocation;
}

const MAX_REPORTED_ERRORS = 3;

/** By name: the compiler's enums exist only once it is loaded. */
const SCRIPT_KINDS: Readonly<Record<string, 'JS' | 'JSX' | 'TS' | 'TSX'>> = {
  '.js': 'JS',
  '.mjs': 'JS',
  '.cjs': 'JS',
  '.jsx': 'JSX',
  '.ts': 'TS',
  '.mts': 'TS',
  '.cts': 'TS',
  '.tsx': 'TSX',
};

export const CODE_EXTENSIONS: readonly string[] = Object.keys(SCRIPT_KINDS);

/** Maps a 1-based position in the parsed text to one in `file` (code embedded in a template). */
export type PositionMap = (line: number, column: number) => { line: number; column: number };

/**
 * How every file is parsed: the latest syntax, and JSDoc comments left unparsed. The scanner never
 * reads JSDoc, the trees and syntax errors are the same without it (compared on the shared corpus's
 * 1,131 files), and parsing them took about a sixth of the time on real code. A function: the
 * compiler's enums exist only once it is loaded.
 */
export function sourceFileOptions(): ts.CreateSourceFileOptions {
  return { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
}

/**
 * Whether the text may spell an identifier with escapes (`requ\u0069re`, `\u{72}equire`): the
 * parser reads it as the plain name, which a search of the text for that name does not find. The
 * shortcuts that look for words in the text first read such a file whole.
 */
export function mayEscapeIdentifiers(text: string): boolean {
  return text.includes('\\u');
}

/**
 * Whether the text may spell a word with escapes in a string or an identifier: besides
 * `\u`, a string's `\x72`, legacy octal `\162` and a backslash before a line break (which the
 * string leaves out, joining the words around it). The parser reads such a string as the plain
 * word, which a search of the text for that word does not find. A backslash before a character
 * that makes no escape (`'reject\Unauthorized'`) is not counted here: the word search of
 * `word-spans.ts` allows one before each character.
 */
export function mayEscapeStrings(text: string): boolean {
  return STRING_ESCAPE.test(text);
}

const STRING_ESCAPE = /\\[ux0-7\r\n\u2028\u2029]/;

/** Parses one file; `file` is its path relative to the scan root. */
export function parseJs(file: string, text: string, position?: PositionMap): ParsedFile {
  loadTypeScript();
  const ext = /\.[^./]+$/.exec(file)?.[0]?.toLowerCase() ?? '.js';
  const kind = ts.ScriptKind[SCRIPT_KINDS[ext] ?? 'JS'];
  let ast: ts.SourceFile;
  try {
    // Without parent links: nothing here walks up the tree, and setting them makes parsing half as slow again.
    ast = ts.createSourceFile(file, text, sourceFileOptions(), false, kind);
  } catch (e) {
    // The parser is tolerant and should not throw; if it ever does, the file is parsed as empty.
    ast = ts.createSourceFile(file, '', sourceFileOptions(), false, kind);
    return withErrors(file, text, ast, [{ offset: 0, message: `parser failed: ${(e as Error).message}` }], position);
  }
  // `parseDiagnostics` is not in the public typings but is what the tolerant parser collected.
  const diags = ((ast as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? []).slice(0, MAX_REPORTED_ERRORS);
  return withErrors(file, text, ast, diags.map((d) => ({ offset: d.start ?? 0, message: ts.flattenDiagnosticMessageText(d.messageText, ' ') })), position);
}

function withErrors(file: string, text: string, ast: ts.SourceFile, raw: Array<{ offset: number; message: string }>, position?: PositionMap): ParsedFile {
  const locAt = (offset: number): SourceLocation => {
    const { line, character } = lineAndCharacter(ast, Math.max(0, Math.min(offset, text.length)));
    const at = position ? position(line + 1, character + 1) : { line: line + 1, column: character + 1 };
    return { file, ...at };
  };
  return {
    file,
    text,
    ast,
    errors: raw.map((r) => ({ loc: locAt(r.offset), message: r.message })),
    locAt,
    locOf: (node) => locAt(nodeStart(node, ast)),
  };
}
