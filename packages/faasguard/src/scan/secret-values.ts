/**
 * The secrets a scan knows, as text: what the detectors find in the scanned templates, and the
 * value at each place a secret finding points to (a parameter's Default, a tag value, a line of
 * code), which may be a secret only because of the name it is assigned to. Reports and stored
 * results mask these values wherever they occur (see `secrets/value-redactor.ts`).
 */
import path from 'node:path';
import type { SourceLocation } from '../model/location.js';
import { detectSecretsInText, redact, ValueRedactor } from '../secrets/index.js';

/** A secret's place in a text, as the detectors report it. */
interface SecretSpan {
  line: number;
  column: number;
  length: number;
  redacted: string;
}

/**
 * A redactor of every secret in `files` (the templates and the files secret findings point to) and
 * at `knownAt`; `read` gives a file's text, undefined when it cannot.
 */
export function secretRedactor(files: Iterable<string>, knownAt: readonly SourceLocation[], read: (file: string) => string | undefined): ValueRedactor {
  const values: string[] = [];
  for (const file of new Set([...files, ...knownAt.map((l) => l.file)])) {
    const text = read(file);
    if (text !== undefined) values.push(...secretValuesIn(text, file, knownAt));
  }
  return new ValueRedactor(values);
}

/** The text of each secret the detectors find in `text`, and of the token at each place of `knownAt` in this file. */
export function secretValuesIn(text: string, file: string, knownAt: readonly SourceLocation[]): string[] {
  const starts = lineStarts(text);
  return secretSpans(text, file, knownAt, starts).map((s) => {
    const start = (starts[s.line - 1] ?? 0) + s.column - 1;
    return text.slice(start, start + s.length);
  });
}

/** Detected secrets and the tokens at `knownAt` in this file, by position. */
export function secretSpans(text: string, file: string, knownAt: readonly SourceLocation[], starts: readonly number[] = lineStarts(text)): SecretSpan[] {
  const detected = detectSecretsInText(text, { fileName: path.posix.basename(file) });
  const known = knownAt.filter((l) => l.file === file && l.line >= 1).map((l) => tokenAt(text, starts, l)).filter((m) => m !== undefined);
  return [...detected, ...known];
}

/**
 * The unquoted, space-free token starting at `loc`: a finding points to where a secret starts,
 * and the value is judged by its name there, which the text alone may not show.
 */
function tokenAt(text: string, starts: readonly number[], loc: SourceLocation): SecretSpan | undefined {
  const start = (starts[loc.line - 1] ?? text.length) + Math.max(loc.column, 1) - 1;
  const quote = text[start] === '"' || text[start] === "'" ? 1 : 0;
  const token = /^[^\s"',}\]]+/.exec(text.slice(start + quote, start + quote + 4096))?.[0];
  if (!token || isMappingKey(text, start + quote, token, quote === 1)) return undefined;
  return { line: loc.line, column: Math.max(loc.column, 1) + quote, length: token.length, redacted: redact(token) };
}

/**
 * Whether the token is a mapping key (`DbPassword:`, `"DbPassword" :`): a finding about a
 * parameter or property as a whole points at its name, which is no secret and must stay readable.
 */
function isMappingKey(text: string, start: number, token: string, quoted: boolean): boolean {
  const after = text.slice(start + token.length, start + token.length + 64);
  if (quoted) return /^["'][ \t]*:/.test(after);
  return (token.endsWith(':') && /^(\s|$)/.test(after)) || /^[ \t]+:(\s|$)/.test(after);
}

/** Offset of each line's first character. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
