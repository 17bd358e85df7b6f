/**
 * Python parsing: tree-sitter's Python grammar in WebAssembly (web-tree-sitter), the one place
 * that knows the parser. Loading is asynchronous and happens once per process before the rules
 * run (`loadPythonParser`); parsing is then synchronous and tolerant: a file with errors still
 * yields a tree, and its first error is reported with its line.
 */
import type { Node } from 'web-tree-sitter';
import { grammarLoader } from '../parse/tree-sitter-grammar.js';
import type { SourceLocation } from '../model/location.js';
import { pythonParserText } from './line-breaks.js';
import type { PositionMap } from './parse-js.js';

export type PyNode = Node;

export interface ParsedPython {
  file: string;
  text: string;
  root: PyNode;
  errors: Array<{ loc: SourceLocation; message: string }>;
  locOf(node: PyNode): SourceLocation;
  /** Frees the tree (it lives in WebAssembly memory); the nodes must not be used afterwards. */
  dispose(): void;
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
  if (!parser) return undefined;
  let tree;
  try {
    tree = parser.parse(pythonParserText(text));
  } catch {
    return undefined;
  }
  if (!tree) return undefined;
  const root = tree.rootNode;
  const locOf = (node: PyNode): SourceLocation => {
    const line = node.startPosition.row + 1;
    const column = node.startPosition.column + 1;
    return { file, ...(position ? position(line, column) : { line, column }) };
  };
  const errors: ParsedPython['errors'] = [];
  if (root.hasError) {
    const first = firstError(root, 0);
    errors.push({ loc: first ? locOf(first) : { file, line: 1, column: 1 }, message: first?.isMissing ? `missing ${first.type}` : 'syntax error' });
  }
  return { file, text, root, errors, locOf, dispose: () => tree.delete() };
}

function firstError(node: PyNode, depth: number): PyNode | undefined {
  if (depth > 200) return undefined;
  if (node.type === 'ERROR' || node.isMissing) return node;
  for (const c of node.children) {
    if (c && c.hasError) {
      const found = firstError(c, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
