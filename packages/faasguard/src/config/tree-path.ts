/**
 * Finds the place in a parsed configuration that a JSON pointer (a validator's instance path) names,
 * so that a message can point at the key or value that is wrong.
 */
import type { SourceLocation } from '../model/location.js';
import type { TMapEntry, TNode } from '../parse/tree.js';

/** The node at `pointer`, and the map entry holding it when its parent is a map. */
export interface Located {
  node: TNode;
  entry?: TMapEntry;
}

export function locate(root: TNode, pointer: string): Located | undefined {
  let found: Located = { node: root };
  for (const segment of segmentsOf(pointer)) {
    const next = child(found.node, segment);
    if (next === undefined) return undefined;
    found = next;
  }
  return found;
}

/** Where a message about the key `key` of the map at `pointer` should point: the key itself. */
export function keyLocation(root: TNode, pointer: string, key: string): SourceLocation | undefined {
  return locate(root, joinPointer(pointer, key))?.entry?.keyLoc;
}

export function joinPointer(pointer: string, segment: string): string {
  return `${pointer}/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function segmentsOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function child(node: TNode, segment: string): Located | undefined {
  if (node.kind === 'seq') {
    const item = node.items[Number(segment)];
    return item === undefined ? undefined : { node: item };
  }
  if (node.kind !== 'map') return undefined;
  // The last entry of a key is the one a reader of the value sees.
  const entry = node.entries.findLast((e) => e.key === segment);
  return entry === undefined ? undefined : { node: entry.value, entry };
}
