/**
 * The text of `escapeJson(JSON.stringify(value, null, 2)) + '\n'`, in pieces: the outer objects
 * and arrays are written key by key and item by item down to a depth, and what lies deeper is
 * written whole by `JSON.stringify`. The JSON and SARIF reports of a large app (73 MB at 10,000
 * functions) are then written a finding at a time instead of being held whole, as text and again as
 * bytes. `JSON.stringify` never breaks a line inside a string, so indenting each line break of a
 * piece puts it at its depth; the rules of what it leaves out (undefined, functions) are kept here.
 */
import { escapeJson } from './terminal-text.js';

const INDENT = '  ';

/** `value`'s report text; objects and arrays fewer than `splitDepth` levels deep come in pieces. */
export function* jsonTextParts(value: unknown, splitDepth: number): Generator<string> {
  yield* valueParts(value, '', splitDepth);
  yield '\n';
}

function* valueParts(value: unknown, indent: string, depthLeft: number): Generator<string> {
  if (depthLeft > 0 && isContainer(value)) {
    yield* Array.isArray(value) ? arrayParts(value, indent, depthLeft) : objectParts(value as Record<string, unknown>, indent, depthLeft);
    return;
  }
  yield escapeJson((JSON.stringify(value, null, INDENT.length) ?? 'null').replaceAll('\n', `\n${indent}`));
}

/** An object or array that `JSON.stringify` writes member by member (one with `toJSON` is written whole). */
function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** What `JSON.stringify` leaves out of an object, and writes as null in an array. */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function* arrayParts(items: readonly unknown[], indent: string, depthLeft: number): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const inner = indent + INDENT;
  for (let i = 0; i < items.length; i++) {
    yield `${i === 0 ? '[' : ','}\n${inner}`;
    yield* valueParts(isOmitted(items[i]) ? null : items[i], inner, depthLeft - 1);
  }
  yield `\n${indent}]`;
}

function* objectParts(object: Record<string, unknown>, indent: string, depthLeft: number): Generator<string> {
  const inner = indent + INDENT;
  let separator = '{';
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (isOmitted(value)) continue;
    yield `${separator}\n${inner}${escapeJson(JSON.stringify(key))}: `;
    separator = ',';
    yield* valueParts(value, inner, depthLeft - 1);
  }
  yield separator === '{' ? '{}' : `\n${indent}}`;
}
