/**
 * JSON lockfiles parsed with positions, so each entry can be reported at its line.
 */
import { LineIndex } from '../../parse/line-index.js';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError as JsonError } from 'jsonc-parser';
import type { ParseError } from '../types.js';
import { sizeError } from './common.js';

export interface PositionedJson {
  value: unknown;
  tree: Node | undefined;
  lines: LineIndex;
  errors: ParseError[];
}

/** Parses strict JSON; syntax errors come back with their line instead of being thrown. */
export function parseJson(text: string, file: string): PositionedJson {
  const lines = new LineIndex(text);
  const tooBig = sizeError(text, file);
  if (tooBig) return { value: undefined, tree: undefined, lines, errors: [tooBig] };
  const raw: JsonError[] = [];
  const tree = parseTree(text, raw, { allowTrailingComma: false, disallowComments: true });
  const errors = raw.slice(0, 5).map((e) => ({
    file,
    line: lines.lineNumber(e.offset),
    message: `invalid JSON: ${printParseErrorCode(e.error)}`,
  }));
  if (raw.length > 0 || !tree) return { value: undefined, tree, lines, errors: errors.length ? errors : [{ file, line: 1, message: 'empty JSON document' }] };
  return { value: getNodeValue(tree), tree, lines, errors };
}

/** Line of each property key of the object at `path` (empty map when there is none). */
export function keyLines(json: PositionedJson, path: (string | number)[]): Map<string, number> {
  const out = new Map<string, number>();
  if (!json.tree) return out;
  const node = findNodeAtLocation(json.tree, path);
  if (!node || node.type !== 'object') return out;
  for (const prop of node.children ?? []) {
    const key = prop.children?.[0];
    if (key && typeof key.value === 'string') out.set(key.value, json.lines.lineNumber(key.offset));
  }
  return out;
}
