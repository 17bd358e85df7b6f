/**
 * YAML lockfiles read into plain values plus the line of each key in chosen maps.
 */
import { LineIndex } from '../../parse/line-index.js';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import type { ParseError } from '../types.js';
import { errorMessage, sizeError } from './common.js';

export interface PositionedYaml {
  value: unknown;
  doc: Document | undefined;
  lines: LineIndex;
  errors: ParseError[];
}

export function parseYaml(text: string, file: string): PositionedYaml {
  const lines = new LineIndex(text);
  const tooBig = sizeError(text, file);
  if (tooBig) return { value: undefined, doc: undefined, lines, errors: [tooBig] };
  try {
    const doc = parseDocument(text);
    const errors = doc.errors.slice(0, 5).map((e) => ({ file, line: lines.lineNumber(e.pos[0]), message: `invalid YAML: ${e.message.split('\n')[0]}` }));
    if (errors.length > 0) return { value: undefined, doc, lines, errors };
    return { value: doc.toJS({ maxAliasCount: 100 }), doc, lines, errors };
  } catch (e) {
    return { value: undefined, doc: undefined, lines, errors: [{ file, line: 1, message: `invalid YAML: ${errorMessage(e)}` }] };
  }
}

/** Line of each key of the top-level map named `section`. */
export function yamlKeyLines(y: PositionedYaml, section: string): Map<string, number> {
  const out = new Map<string, number>();
  const node = y.doc?.get(section, true);
  if (!isMap(node)) return out;
  for (const item of node.items) {
    if (isScalar(item.key) && item.key.range) out.set(String(item.key.value), y.lines.lineNumber(item.key.range[0]));
  }
  return out;
}
