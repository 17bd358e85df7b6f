import type { Diagnostic } from '../model/diagnostic.js';
import type { TMapEntry } from './tree.js';

export const DUPLICATE_KEY = 'duplicate-key';

/**
 * A mapping that names a key twice: PyYAML (SAM CLI) and CloudFormation keep the last value and
 * deploy it, so the tree keeps it too; reading the first would check a value that is never
 * deployed. Each repetition is reported where it is written.
 */
export function lastOfEachKey(entries: TMapEntry[], diagnostics: Diagnostic[]): TMapEntry[] {
  if (entries.length < 2) return entries;
  const latest = new Map<string, TMapEntry>();
  for (const e of entries) {
    const earlier = latest.get(e.key);
    latest.set(e.key, e);
    if (earlier === undefined) continue;
    const message = `duplicate key "${e.key}": the value given at line ${earlier.keyLoc.line} is replaced by this one`;
    diagnostics.push({ severity: 'warning', code: DUPLICATE_KEY, message, loc: e.keyLoc });
  }
  if (latest.size === entries.length) return entries;
  return entries.filter((e) => latest.get(e.key) === e);
}
