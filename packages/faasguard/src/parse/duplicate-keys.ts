import type { Diagnostic } from '../model/diagnostic.js';
import type { TMapEntry } from './tree.js';

/**
 * A mapping that names a key twice: PyYAML (SAM CLI) and CloudFormation keep the last value and
 * deploy it, so the model keeps it too; reading the first would check a value that is never
 * deployed. Each value dropped is reported where it is written.
 */
export function lastOfEachKey(entries: TMapEntry[], diagnostics: Diagnostic[]): TMapEntry[] {
  if (entries.length < 2) return entries;
  const last = new Map<string, TMapEntry>();
  for (const e of entries) last.set(e.key, e);
  if (last.size === entries.length) return entries;
  return entries.filter((e) => {
    const kept = last.get(e.key)!;
    if (kept === e) return true;
    diagnostics.push({
      severity: 'warning',
      code: 'duplicate-key',
      message: `key ${e.key} is given again at line ${kept.keyLoc.line}: SAM CLI and CloudFormation use that last value, and so does the scan`,
      loc: e.keyLoc,
    });
    return false;
  });
}
