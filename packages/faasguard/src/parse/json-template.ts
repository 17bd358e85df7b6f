/**
 * JSON templates into the located tree. `jsonc-parser` gives offsets for every node at close to
 * `JSON.parse` speed (cdk.out templates are large and machine-written).
 */
import { parseTree, printParseErrorCode, type Node as JNode, type ParseError } from 'jsonc-parser';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceLocation } from '../model/location.js';
import { lastOfEachKey } from './duplicate-keys.js';
import { LineIndex } from './line-index.js';
import { PARSE_LIMITS, ParseLimitError } from './limits.js';
import type { ParseResult } from './parse-result.js';
import type { TMapEntry, TNode } from './tree.js';

export function parseJsonTemplate(text: string, file: string): ParseResult {
  const lines = new LineIndex(text);
  const locAt = (offset: number): SourceLocation => ({ file, ...lines.position(offset) });
  const errors: ParseError[] = [];
  let tree: JNode | undefined;
  try {
    tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  } catch (e) {
    return { diagnostics: [{ severity: 'error', code: 'json-syntax', message: `JSON could not be parsed: ${(e as Error).message}`, loc: locAt(0) }] };
  }
  if (errors.length > 0) {
    const diagnostics = errors.slice(0, 5).map((e): Diagnostic => ({
      severity: 'error',
      code: 'json-syntax',
      message: `JSON syntax error: ${printParseErrorCode(e.error)}`,
      loc: locAt(e.offset),
    }));
    return { diagnostics };
  }
  if (tree === undefined) return { diagnostics: [] };
  try {
    const state: WalkState = { nodes: 0, diagnostics: [] };
    const root = convert(tree, locAt, 0, state);
    return { root, diagnostics: state.diagnostics };
  } catch (e) {
    if (!(e instanceof ParseLimitError)) throw e;
    return { diagnostics: [{ severity: 'error', code: 'input-too-complex', message: e.message, loc: locAt(e.offset) }] };
  }
}

interface WalkState {
  nodes: number;
  diagnostics: Diagnostic[];
}

function convert(node: JNode, locAt: (o: number) => SourceLocation, depth: number, state: WalkState): TNode {
  if (depth > PARSE_LIMITS.maxDepth) throw new ParseLimitError(`nesting deeper than ${PARSE_LIMITS.maxDepth} levels`, node.offset);
  if (++state.nodes > PARSE_LIMITS.maxNodes) throw new ParseLimitError(`more than ${PARSE_LIMITS.maxNodes} nodes`, node.offset);
  const loc = locAt(node.offset);
  const endLine = locAt(node.offset + Math.max(0, node.length - 1)).line;
  const children = node.children ?? [];
  if (node.type === 'array') return { kind: 'seq', items: children.map((c) => convert(c, locAt, depth + 1, state)), loc, endLine };
  if (node.type === 'object') {
    const entries = children.map((p) => convertProperty(p, locAt, depth, state));
    return { kind: 'map', entries: lastOfEachKey(entries, state.diagnostics), loc, endLine };
  }
  return { kind: 'scalar', value: node.value as string | number | boolean | null, loc, endLine };
}

function convertProperty(prop: JNode, locAt: (o: number) => SourceLocation, depth: number, state: WalkState): TMapEntry {
  const [keyNode, valueNode] = prop.children ?? [];
  const keyLoc = locAt(keyNode?.offset ?? prop.offset);
  const value: TNode = valueNode ? convert(valueNode, locAt, depth + 1, state) : { kind: 'scalar', value: null, loc: keyLoc, endLine: keyLoc.line };
  return { key: String(keyNode?.value ?? ''), keyLoc, value };
}
