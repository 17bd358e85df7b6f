/**
 * Source text as reports may show it: every detected secret replaced by its redaction, with
 * line breaks kept so that line numbers still match the findings. Code frames also redact
 * line by line, but a line alone can lose what made it a secret (the body of a PEM key, a key
 * paired with an id two lines up); masking the whole text first leaves nothing to lose.
 */
import path from 'node:path';
import type { SourceLocation } from '../model/location.js';
import { detectSecretsInText, redact } from '../secrets/index.js';

/**
 * `knownAt`: where findings say a secret starts (a parameter's Default, a tag value): the value
 * is judged by its name there, which the text alone may not show, so the token at each such
 * place is masked too.
 */
export function redactedSource(text: string, file: string, knownAt: readonly SourceLocation[] = []): string {
  const detected = detectSecretsInText(text, { fileName: path.posix.basename(file) });
  const starts = lineStarts(text);
  const known = knownAt.filter((l) => l.file === file && l.line >= 1).map((l) => tokenAt(text, starts, l)).filter((m) => m !== undefined);
  const matches = [...detected, ...known].sort((a, b) => a.line - b.line || a.column - b.column);
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

/** The unquoted, space-free token starting at `loc`, as a match to mask. */
function tokenAt(text: string, starts: readonly number[], loc: SourceLocation): { line: number; column: number; length: number; redacted: string } | undefined {
  const start = (starts[loc.line - 1] ?? text.length) + Math.max(loc.column, 1) - 1;
  const quote = text[start] === '"' || text[start] === "'" ? 1 : 0;
  const token = /^[^\s"',}\]]+/.exec(text.slice(start + quote, start + quote + 4096))?.[0];
  if (!token) return undefined;
  return { line: loc.line, column: Math.max(loc.column, 1) + quote, length: token.length, redacted: redact(token) };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
