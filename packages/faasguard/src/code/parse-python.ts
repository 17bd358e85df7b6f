/**
 * Python parsing: tree-sitter's Python grammar in WebAssembly (web-tree-sitter), the one place
 * that knows the parser. Loading is asynchronous and happens once per process before the rules
 * run (`loadPythonParser`); parsing is then synchronous and tolerant: a file with errors still
 * yields a tree, and its first error is reported with its line.
 */
import type { Node } from 'web-tree-sitter';
import { grammarLoader, parseTree, type ParsedTree } from '../parse/tree-sitter-grammar.js';
import { pythonParserText } from './line-breaks.js';
import type { PositionMap } from './parse-js.js';

export type PyNode = Node;

export interface ParsedPython extends ParsedTree {
  text: string;
  root: PyNode;
}

/** The grammar of `tree-sitter-python`, copied by the build into `dist/data/`. */
const GRAMMAR = grammarLoader('tree-sitter-python.wasm', 'the Python grammar');

/** Loads the grammar once; false when it cannot be loaded (Python is then not analyzed). */
export function loadPythonParser(): Promise<boolean> {
  return GRAMMAR.load();
}

export function pythonParserReady(): boolean {
  return GRAMMAR.parser() !== undefined;
}

/** Parses a file (relative to the scan root); undefined when the parser is not loaded or fails. */
export function parsePython(file: string, text: string, position?: PositionMap): ParsedPython | undefined {
  const ahead = position === undefined ? takeParsedAhead(file, text) : undefined;
  if (ahead) return ahead;
  const parser = GRAMMAR.parser();
  const parsed = parser ? parseTree(parser, file, pythonParserText(text), position) : undefined;
  return parsed ? { ...parsed, text } : undefined;
}

/**
 * Trees parsed before anyone asked (see `code/python-ahead.ts`), by file. `parsePython` takes one
 * when it is asked for the same file with the same text, so what it returns does not depend on
 * whether the file was parsed ahead; the caller then owns the tree and disposes of it as before.
 */
const AHEAD = new Map<string, ParsedPython>();

/** Parses a file now and keeps its tree for the `parsePython` call that will ask for it. */
export function parseAhead(file: string, text: string): void {
  if (AHEAD.has(file)) return;
  const parsed = parsePython(file, text);
  if (parsed) AHEAD.set(file, parsed);
}

function takeParsedAhead(file: string, text: string): ParsedPython | undefined {
  const parsed = AHEAD.get(file);
  if (!parsed) return undefined;
  AHEAD.delete(file);
  if (parsed.text === text) return parsed;
  parsed.dispose();
  return undefined;
}

/** The files whose trees wait to be asked for. */
export function parsedAheadFiles(): string[] {
  return [...AHEAD.keys()];
}

/** Disposes of the trees parsed ahead that nobody asked for. */
export function dropParsedAhead(): void {
  for (const parsed of AHEAD.values()) parsed.dispose();
  AHEAD.clear();
}
