import type { DetectOptions, SecretMatch } from './types.js';
import type { RawHit } from './hit.js';
import type { LineIndex } from '../parse/line-index.js';
import { KIND_DESCRIPTIONS } from './kinds.js';
import { redact } from './redact.js';
import { type TextScan, scanText } from './scan-text.js';

/** Public form of a hit: position, kind and redaction, never the value. */
export function toSecretMatch(hit: RawHit, text: string, lines: LineIndex): SecretMatch {
  const { line, column } = lines.position(hit.start);
  return {
    kind: hit.kind,
    description: KIND_DESCRIPTIONS[hit.kind],
    confidence: hit.confidence,
    line,
    column,
    length: hit.end - hit.start,
    redacted: redact(text.slice(hit.start, hit.end)),
  };
}

/** Detection result with the facts a report needs about the scan itself. */
export interface TextDetection {
  matches: SecretMatch[];
  /** True when the text exceeded the scan cap and its tail was not scanned. */
  truncated: boolean;
  scannedChars: number;
}

/** Like `detectSecretsInText`, also telling whether the text was cut at the cap. */
export function detectSecretsInTextDetailed(text: string, options: DetectOptions = {}): TextDetection {
  const scan: TextScan = scanText(text, options);
  return {
    matches: scan.hits.map((hit) => toSecretMatch(hit, scan.scanned, scan.lines)),
    truncated: scan.truncated,
    scannedChars: scan.scanned.length,
  };
}

/** Secrets in code, config, `.env` files or inline template code, ordered by position. */
export function detectSecretsInText(text: string, options: DetectOptions = {}): SecretMatch[] {
  return detectSecretsInTextDetailed(text, options).matches;
}
