/**
 * The parsed form of a template: a tree of maps, sequences and scalars, each with its location.
 * YAML and JSON templates both become this tree; YAML short-form tags (`!Ref X`) become their
 * long form (`{ Ref: X }`), so the loaders see one shape whatever the syntax.
 */
import type { SourceLocation } from '../model/location.js';
import { setOwn } from '../util/own-keys.js';

/**
 * A node of the tree. `loc` is where it starts (what findings point at); `endLine`, when the
 * parser knows it (nodes a loader builds have none), is the last line of its text: the extent of a
 * block, which is what a suppression written above it covers. It stays out of `loc` so that
 * findings keep pointing at one place.
 */
export type TNode = TMap | TSeq | TScalar;

export interface TMapEntry {
  key: string;
  keyLoc: SourceLocation;
  value: TNode;
}

export interface TMap {
  kind: 'map';
  entries: TMapEntry[];
  loc: SourceLocation;
  /** Last line of the node's text, when the parser knows it */
  endLine?: number;
}

export interface TSeq {
  kind: 'seq';
  items: TNode[];
  loc: SourceLocation;
  /** Last line of the node's text, when the parser knows it */
  endLine?: number;
}

export interface TScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  loc: SourceLocation;
  /** Last line of the node's text, when the parser knows it */
  endLine?: number;
}

export function get(node: TNode | undefined, key: string): TNode | undefined {
  if (node?.kind !== 'map') return undefined;
  for (const e of node.entries) if (e.key === key) return e.value;
  return undefined;
}

export function getEntry(node: TNode | undefined, key: string): TMapEntry | undefined {
  if (node?.kind !== 'map') return undefined;
  return node.entries.find((e) => e.key === key);
}

/** Follow a path of keys; undefined as soon as one is missing. */
export function at(node: TNode | undefined, ...path: string[]): TNode | undefined {
  let cur = node;
  for (const k of path) cur = get(cur, k);
  return cur;
}

/** Follow a path of map keys and sequence indexes (`['States', 'A', 'Branches', '0']`); undefined as soon as one is missing. */
export function atPath(node: TNode | undefined, path: readonly string[]): TNode | undefined {
  let cur = node;
  for (const k of path) cur = cur?.kind === 'seq' ? cur.items[Number(k)] : get(cur, k);
  return cur;
}

export function scalarString(node: TNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

export function isMap(node: TNode | undefined): node is TMap {
  return node?.kind === 'map';
}

export function items(node: TNode | undefined): TNode[] {
  if (node === undefined) return [];
  return node.kind === 'seq' ? node.items : [node];
}

/** A plain JS copy of the tree (for data that needs no intrinsic evaluation). */
export function toJs(node: TNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toJs);
  const out: Record<string, unknown> = {};
  for (const e of node.entries) setOwn(out, e.key, toJs(e.value));
  return out;
}
