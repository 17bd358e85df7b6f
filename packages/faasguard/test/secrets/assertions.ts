import assert from 'node:assert/strict';
import { detectSecretsInText, type SecretKind, type SecretMatch } from '../../src/secrets/index.js';

/** 1-based line and column of the first occurrence of `value` in `text`. */
export function positionOf(text: string, value: string): { line: number; column: number } {
  const offset = text.indexOf(value);
  assert.ok(offset >= 0, 'value must occur in text');
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** The redaction shows at most 4 characters at each end and never the value. */
export function assertRedacted(match: SecretMatch, value: string): void {
  assert.ok(!match.redacted.includes(value), `redaction ${match.redacted} must not contain the value`);
  const visible = match.redacted.replace(/[…*]/g, '');
  assert.ok(visible.length <= 8, `redaction ${match.redacted} shows too much`);
}

/** Exactly one match of `kind` for `value`, at the value's position, redacted. */
export function assertDetected(text: string, kind: SecretKind, value: string, fileName?: string): SecretMatch {
  const matches = detectSecretsInText(text, fileName === undefined ? {} : { fileName });
  const found = matches.filter((m) => m.kind === kind);
  assert.equal(found.length, 1, `expected one ${kind} in ${JSON.stringify(matches)}`);
  const match = found[0] as SecretMatch;
  const { line, column } = positionOf(text, value);
  assert.equal(match.line, line);
  assert.equal(match.column, column);
  assert.equal(match.length, value.length);
  assertRedacted(match, value);
  return match;
}

/** No match at all. */
export function assertClean(text: string, fileName?: string): void {
  const matches = detectSecretsInText(text, fileName === undefined ? {} : { fileName });
  assert.deepEqual(matches, [], `expected no secret in ${JSON.stringify(text.slice(0, 200))}`);
}
