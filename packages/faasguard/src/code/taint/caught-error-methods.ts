/**
 * What a method called on a caught error gives. Methods that render or select a value's text or
 * data (string methods, a mapping's `get`, an exception's `__str__` or `toString`) give the error's
 * content, and so do they on text made from it. Any other method gives what that method returns,
 * not the error: a helper that returns the caught error in place of a connection, whose caller then
 * runs `conn.cursor()` or `conn.query(…)`, does not put the error in the response (the call throws
 * first). Data, one row per language.
 */
import type { Value } from './types.js';

export const ERROR_RENDERING_METHODS: Readonly<Record<'python' | 'javascript', ReadonlySet<string>>> = {
  python: new Set([
    '__str__', '__repr__', 'with_traceback', 'format', 'format_map', 'join', 'split', 'rsplit', 'splitlines', 'strip', 'lstrip', 'rstrip',
    'replace', 'upper', 'lower', 'title', 'capitalize', 'casefold', 'encode', 'decode', 'partition', 'rpartition', 'center', 'ljust', 'rjust',
    'zfill', 'expandtabs', 'removeprefix', 'removesuffix', 'translate', 'get', 'items', 'values', 'keys', 'copy', 'to_dict', 'dict', 'json',
  ]),
  javascript: new Set([
    'toString', 'toJSON', 'valueOf', 'toLocaleString', 'toUpperCase', 'toLowerCase', 'trim', 'trimStart', 'trimEnd', 'replace', 'replaceAll',
    'split', 'slice', 'substring', 'substr', 'concat', 'padStart', 'padEnd', 'repeat', 'normalize', 'at', 'charAt', 'join', 'map', 'filter',
    'flat', 'flatMap', 'get', 'entries', 'values', 'keys', 'stringify',
  ]),
};

/** The receiver as a method call takes it: without a caught error's taints unless the method renders them. */
export function receiverOfCall(receiver: Value, method: string, language: 'python' | 'javascript'): Value {
  if (ERROR_RENDERING_METHODS[language].has(method) || !receiver.taints.some((t) => t.origin.kind === 'error')) return receiver;
  return { ...receiver, taints: receiver.taints.filter((t) => t.origin.kind !== 'error') };
}
