/**
 * The configuration schema's errors as messages a person reads: the wrong key or value, what was
 * expected, and a "did you mean" for near misses, each at the place in the file it concerns.
 */
import type { SourceLocation } from '../model/location.js';
import type { TNode } from '../parse/tree.js';
import type { ConfigProblem } from './config-error.js';
import type { SchemaError } from './config-schema-validator.js';
import { didYouMean } from './did-you-mean.js';
import { keyLocation, locate } from './tree-path.js';

export function schemaProblems(errors: readonly SchemaError[], root: TNode): ConfigProblem[] {
  return errors.map((e) => ({ ...position(e, root), message: messageOf(e) }));
}

function messageOf(e: SchemaError): string {
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params['additionalProperty']);
      return `unknown key "${key}"${didYouMean(key, Object.keys(e.parentSchema?.properties ?? {}))}`;
    }
    case 'enum': {
      const allowed = (e.params['allowedValues'] as unknown[]).map(String);
      const hint = typeof e.data === 'string' ? didYouMean(e.data, allowed) : '';
      return `${describe(e.data)} is not one of ${allowed.join(', ')}${hint}`;
    }
    case 'type':
      return `expected ${typeNames(String(e.params['type']))}, got ${describe(e.data)}`;
    case 'pattern':
      return 'must not be empty';
    default:
      return e.message ?? `invalid (${e.keyword})`;
  }
}

/** An unknown key is shown where the key is; any other problem where the value is. */
function position(e: SchemaError, root: TNode): { line: number; column: number } {
  const key = e.keyword === 'additionalProperties' ? String(e.params['additionalProperty']) : undefined;
  const loc: SourceLocation | undefined = key !== undefined ? keyLocation(root, e.instancePath, key) : locate(root, e.instancePath)?.node.loc;
  return { line: loc?.line ?? 1, column: loc?.column ?? 1 };
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping of keys to values',
  array: 'a list',
  null: 'nothing',
};

/** `a string, a number or true or false` */
function typeNames(types: string): string {
  const names = types.split(',').map((t) => TYPE_NAMES[t] ?? t);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}
