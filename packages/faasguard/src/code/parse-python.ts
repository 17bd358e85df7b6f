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
  const parser = GRAMMAR.parser();
  const parsed = parser ? parseTree(parser, file, pythonParserText(text), position) : undefined;
  return parsed ? { ...parsed, text } : undefined;
}
