/**
 * TOML lockfiles (poetry.lock, uv.lock) read with smol-toml. The parser keeps no
 * positions, so each `[[package]]` entry's line is taken from its header, in order.
 */
import { parse, TomlError } from 'smol-toml';
import type { ParseError } from '../types.js';
import { errorMessage, isRecord, sizeError } from './common.js';

export interface TomlLock {
  doc: Record<string, unknown> | undefined;
  /** Line of the n-th `[[package]]` header. */
  packageLines: number[];
  errors: ParseError[];
}

export function parseTomlLock(text: string, file: string): TomlLock {
  const tooBig = sizeError(text, file);
  if (tooBig) return { doc: undefined, packageLines: [], errors: [tooBig] };
  const packageLines: number[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (/^\s*\[\[\s*package\s*\]\]/.test(l)) packageLines.push(i + 1);
  });
  try {
    const doc: unknown = parse(text);
    return { doc: isRecord(doc) ? doc : undefined, packageLines, errors: [] };
  } catch (e) {
    const line = e instanceof TomlError ? e.line : undefined;
    return { doc: undefined, packageLines, errors: [{ file, line, message: `invalid TOML: ${errorMessage(e).split('\n')[0]}` }] };
  }
}

/** The `[[package]]` array of tables. */
export function packageTables(doc: Record<string, unknown> | undefined): Record<string, unknown>[] {
  const p = doc?.package;
  return Array.isArray(p) ? p.filter(isRecord) : [];
}
