/**
 * Building the CloudFormation tree that the framework would generate. Every generated node
 * borrows the location of the serverless.yml element it comes from, so that findings on generated
 * resources point at the line a person wrote.
 */
import type { SourceLocation } from '../../../model/location.js';
import type { TMap, TMapEntry, TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';

/** A plain description of a subtree: existing nodes are kept as they are. */
export type Shape = TNode | string | number | boolean | null | undefined | Shape[] | { [key: string]: Shape };

export function isNode(v: unknown): v is TNode {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const k = (v as { kind?: unknown }).kind;
  return (k === 'map' || k === 'seq' || k === 'scalar') && 'loc' in v;
}

/** The tree of a shape; undefined members are left out. */
export function build(shape: Shape, loc: SourceLocation): TNode {
  if (isNode(shape)) return shape;
  if (shape === undefined || shape === null || typeof shape !== 'object') return { kind: 'scalar', value: shape ?? null, loc };
  if (Array.isArray(shape)) return { kind: 'seq', items: shape.filter((s) => s !== undefined).map((s) => build(s, loc)), loc };
  const entries: TMapEntry[] = [];
  for (const [key, value] of Object.entries(shape)) {
    if (value === undefined) continue;
    entries.push({ key, keyLoc: loc, value: build(value, loc) });
  }
  return { kind: 'map', entries, loc };
}

export function buildMap(shape: { [key: string]: Shape }, loc: SourceLocation): TMap {
  return build(shape, loc) as TMap;
}

export const ref = (logicalId: string) => ({ Ref: logicalId });
export const getAtt = (logicalId: string, attribute: string) => ({ 'Fn::GetAtt': [logicalId, attribute] });
export const join = (parts: Shape[]) => ({ 'Fn::Join': ['', parts] });

/** The string value of a scalar node; undefined for anything else. */
export function text(node: TNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

export function truthy(node: TNode | undefined): boolean {
  const v = node?.kind === 'scalar' ? node.value : undefined;
  return v === true || v === 'true';
}

/** The first of the nodes that is present. */
export function first(...nodes: Array<TNode | undefined>): TNode | undefined {
  return nodes.find((n) => n !== undefined && !(n.kind === 'scalar' && n.value === null));
}

export function entries(node: TNode | undefined): TMapEntry[] {
  return node?.kind === 'map' ? node.entries : [];
}

export function path(node: TNode | undefined, ...keys: string[]): TNode | undefined {
  let cur = node;
  for (const k of keys) cur = get(cur, k);
  return cur;
}

/** Merges two maps: keys of `over` win, maps under the same key merge recursively. */
export function mergeMaps(base: TMap, over: TMap): TMap {
  const out: TMapEntry[] = [...base.entries];
  for (const e of over.entries) {
    const i = out.findIndex((x) => x.key === e.key);
    if (i < 0) {
      out.push(e);
      continue;
    }
    const prev = out[i]!;
    out[i] = prev.value.kind === 'map' && e.value.kind === 'map' ? { ...e, value: mergeMaps(prev.value, e.value) } : e;
  }
  return { kind: 'map', entries: out, loc: over.loc };
}
