/**
 * The template-tree values Terraform expressions evaluate to: scalars, `null`, map entries, values
 * decoded from JSON, and the explicit unknown (`UNKNOWN_VALUE_KEY`) that names the expression that
 * is not known offline.
 */
import { NOT_KNOWN_OFFLINE } from '../../model/value.js';
import type { SourceLocation } from '../../model/location.js';
import type { TMapEntry, TNode } from '../../parse/tree.js';
import { UNKNOWN_VALUE_KEY } from '../cloudformation/intrinsics.js';

export function scalar(value: string | number | boolean | null, loc: SourceLocation): TNode {
  return { kind: 'scalar', value, loc };
}

export function nil(loc: SourceLocation): TNode {
  return { kind: 'scalar', value: null, loc };
}

export function entry(key: string, value: TNode, keyLoc: SourceLocation): TMapEntry {
  return { key, keyLoc, value };
}

/** An explicit unknown, named by the expression that gives it: `var.source_arn is not known offline`. */
export function unknownValue(expression: string, loc: SourceLocation): TNode {
  const text = expression.length > 80 ? `${expression.slice(0, 79)}…` : expression;
  return { kind: 'map', entries: [entry(UNKNOWN_VALUE_KEY, scalar(`${text}${NOT_KNOWN_OFFLINE}`, loc), loc)], loc };
}

/** The expression an explicit unknown names (`var.public`); undefined for any other value. */
export function unknownOrigin(v: TNode): string | undefined {
  if (!isUnknown(v)) return undefined;
  const text = textOf((v as { entries: TMapEntry[] }).entries[0]!.value) ?? '';
  return text.endsWith(NOT_KNOWN_OFFLINE) ? text.slice(0, -NOT_KNOWN_OFFLINE.length) : undefined;
}

export function isUnknown(v: TNode): boolean {
  return v.kind === 'map' && v.entries.length === 1 && v.entries[0]!.key === UNKNOWN_VALUE_KEY;
}

export function fromJson(v: unknown, loc: SourceLocation): TNode {
  if (Array.isArray(v)) return { kind: 'seq', items: v.map((x) => fromJson(x, loc)), loc };
  if (v !== null && typeof v === 'object') return { kind: 'map', entries: Object.entries(v).map(([k, x]) => entry(k, fromJson(x, loc), loc)), loc };
  return scalar(typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null, loc);
}

/** A known string, number or boolean as text; undefined for anything else. */
export function textOf(n: TNode | undefined): string | undefined {
  return n?.kind === 'scalar' && n.value !== null ? String(n.value) : undefined;
}

/** The value with every part located at `loc` (a value given from outside the file that uses it). */
export function relocated(v: TNode, loc: SourceLocation): TNode {
  if (v.kind === 'map') return { ...v, loc, entries: v.entries.map((e) => ({ ...e, keyLoc: loc, value: relocated(e.value, loc) })) };
  if (v.kind === 'seq') return { ...v, loc, items: v.items.map((i) => relocated(i, loc)) };
  return { ...v, loc };
}
