import { GuardRejection } from '../errors/guard-rejection.js';

/** Limits applied to every payload before it is parsed or validated. */
export interface PayloadLimits {
  /** Largest accepted payload, in UTF-8 bytes. Default 262144 (256 KiB, the SQS/SNS maximum). */
  readonly maxBytes?: number;
  /** Deepest accepted nesting of objects and arrays. Default 32. */
  readonly maxDepth?: number;
}

export const DEFAULT_MAX_BYTES = 256 * 1024;
export const DEFAULT_MAX_DEPTH = 32;

// Keys that turn a later merge or clone of the payload into prototype pollution.
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function reject(reason: string, details: Record<string, unknown> = {}): never {
  throw new GuardRejection('validation_failed', 400, 'Invalid request', { reason, ...details });
}

/**
 * Parses JSON text after checking its size and nesting depth on the text
 * itself, so a hostile payload is refused before `JSON.parse` spends time or
 * stack on it; then refuses prototype-polluting keys.
 */
export function parseJsonSafely(text: string, limits: PayloadLimits = {}): unknown {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  // Length is a lower bound of the byte size, so the exact count runs only near the limit.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && Buffer.byteLength(text) > maxBytes)) {
    reject('payload too large', { maxBytes });
  }
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (!fewOpenings(text, maxDepth) && jsonTextDepth(text) > maxDepth) reject('payload too deeply nested', { maxDepth });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    reject('malformed JSON');
  }
  if (mayHoldForbiddenKey(text)) assertNoForbiddenKeys(value, maxDepth);
  return value;
}

/** Applies the depth and key checks to a payload the platform already parsed (EventBridge detail, direct events). */
export function checkParsedPayload(value: unknown, limits: PayloadLimits = {}): unknown {
  assertNoForbiddenKeys(value, limits.maxDepth ?? DEFAULT_MAX_DEPTH);
  return value;
}

/** Deepest bracket nesting in JSON text, ignoring brackets inside strings. */
export function jsonTextDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Strings are most of a JSON text: jump to their end instead of walking them.
      i = closingQuote(text, i);
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return max;
}

/** The index of the quote that ends the string opened at `open`; the text's end when it is unterminated. */
function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  while (end !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 92 /* \ */) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return text.length;
}

/** True when the text opens at most `limit` objects and arrays: it cannot nest deeper, and needs no scan. */
function fewOpenings(text: string, limit: number): boolean {
  let count = 0;
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) if (++count > limit) return false;
  for (let i = text.indexOf('['); i !== -1; i = text.indexOf('[', i + 1)) if (++count > limit) return false;
  return true;
}

// JSON may spell a key with escapes ("\u005f_proto__"), so any backslash-u forces the full walk.
function mayHoldForbiddenKey(text: string): boolean {
  return (
    // 'proto' covers both `__proto__` and `prototype`.
    text.includes('proto') || text.includes('constructor') || text.includes('\\u')
  );
}

function assertNoForbiddenKeys(value: unknown, maxDepth: number, depth = 0): void {
  if (typeof value !== 'object' || value === null) return;
  if (depth >= maxDepth) reject('payload too deeply nested', { maxDepth });
  if (Array.isArray(value)) {
    for (const item of value) assertNoForbiddenKeys(item, maxDepth, depth + 1);
    return;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) reject('forbidden key', { key });
    assertNoForbiddenKeys((value as Record<string, unknown>)[key], maxDepth, depth + 1);
  }
}
