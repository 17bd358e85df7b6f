/**
 * Source text as reports may show it: every detected secret replaced by its redaction, with
 * line breaks kept so that line numbers still match the findings. Code frames also redact
 * line by line, but a line alone can lose what made it a secret (the body of a PEM key, a key
 * paired with an id two lines up); masking the whole text first leaves nothing to lose.
 */
import type { SourceLocation } from '../model/location.js';
import type { ValueRedactor } from '../secrets/index.js';
import { lineStarts, secretSpans } from './secret-values.js';

/**
 * `knownAt`: where findings say a secret starts (a parameter's Default, a tag value): the value
 * is judged by its name there, which the text alone may not show, so the token at each such
 * place is masked too. `known`: secrets found anywhere in the scan, masked wherever this text
 * repeats them.
 */
export function redactedSource(text: string, file: string, knownAt: readonly SourceLocation[] = [], known?: ValueRedactor): string {
  const masked = maskSpans(text, file, knownAt);
  return known ? known.values(masked) : masked;
}

function maskSpans(text: string, file: string, knownAt: readonly SourceLocation[]): string {
  const starts = lineStarts(text);
  const matches = secretSpans(text, file, knownAt, starts).sort((a, b) => a.line - b.line || a.column - b.column);
  if (matches.length === 0) return text;
  let out = '';
  let copied = 0;
  for (const m of matches) {
    const start = (starts[m.line - 1] ?? 0) + m.column - 1;
    const end = start + m.length;
    if (start < copied) continue;
    // Keep the span's line breaks (and so every later line number); its text becomes the redaction.
    const breaks = text.slice(start, end).split('\n').length - 1;
    out += text.slice(copied, start) + m.redacted + '\n'.repeat(breaks);
    copied = end;
  }
  return out + text.slice(copied);
}
