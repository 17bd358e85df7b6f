import type { SecretMatch } from './types.js';
import { KIND_DESCRIPTIONS } from './kinds.js';
import { judgeNamedValue } from './named-value-rules.js';
import { redact } from './redact.js';
import { scanText } from './scan-text.js';
import { toSecretMatch } from './detect-in-text.js';
import { FORMAT_DETECTORS } from './detectors/index.js';

/**
 * Judges one key/value pair (environment variable, template parameter
 * default, tag): first by the value's own format (a GitHub token is one
 * whatever its name), then by the name and the value's entropy.
 * Positions are relative to the value (line 1, column 1 for a whole value).
 */
export function classifyNamedValue(name: string, value: string): SecretMatch | undefined {
  // No whole-value placeholder test first: a connection string may mention `example` and still hold a real key.
  const scan = scanText(value, {}, FORMAT_DETECTORS);
  const first = scan.hits[0];
  if (first !== undefined) return toSecretMatch(first, scan.scanned, scan.lines);
  const trimmed = value.trim();
  const verdict = judgeNamedValue(name, trimmed);
  if (verdict === undefined) return undefined;
  const { line, column } = scan.lines.position(value.indexOf(trimmed));
  return {
    ...verdict,
    description: KIND_DESCRIPTIONS[verdict.kind],
    line,
    column,
    length: trimmed.length,
    redacted: redact(trimmed),
  };
}
