import { GuardRejection } from '../errors/guard-rejection.js';
import { DEFAULT_MAX_BYTES, parseJsonSafely, type PayloadLimits } from './payload-limits.js';
import type { StandardSchemaV1 } from './standard-schema.js';
import { validateWith } from './validate.js';

/**
 * How a payload that arrives as text is read: `auto` parses text shaped like
 * a JSON object or array and keeps other text as it is; `json` always
 * parses; `text` never does.
 */
export type ParseMode = 'auto' | 'json' | 'text';

/** A payload still in text form: how it is read depends on the parse mode and the schema. */
export class TextPayload {
  constructor(readonly text: string) {}
}

const PARSE_MODES: ReadonlySet<string> = new Set(['auto', 'json', 'text']);

export function assertParseMode(value: unknown): asserts value is ParseMode | undefined {
  if (value !== undefined && !PARSE_MODES.has(value as string)) throw new TypeError(`guard: unknown parse mode ${String(value)}`);
}

/** Text shaped like a JSON object or array: `auto` reads it as JSON, and refuses it when it is malformed. */
export function looksLikeJsonStructure(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 123 /* { */ || c === 91 /* [ */) return true;
  // Printable ASCII other than a bracket cannot be trimmed away: no copy of the text for the common case.
  if (c > 32 && c < 127) return false;
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

/** Reads text without a schema: the value a handler or an array payload gets. */
export function readText(text: string, mode: ParseMode, limits: PayloadLimits): unknown {
  if (mode === 'json' || (mode === 'auto' && looksLikeJsonStructure(text))) return parseJsonSafely(text, limits);
  return checkTextSize(text, limits);
}

/**
 * Reads text for a schema. In `auto` mode, text that is not a JSON object or
 * array goes to the schema as a string; when the schema refuses the string
 * and the text is a JSON scalar (`42`, `true`, `"x"`), the parsed scalar gets
 * a second chance.
 */
export function validateText(
  text: string,
  mode: ParseMode,
  schema: StandardSchemaV1 | undefined,
  limits: PayloadLimits,
): unknown {
  if (mode !== 'auto' || looksLikeJsonStructure(text) || !schema) {
    const value = readText(text, mode, limits);
    return schema ? validateWith(schema, value) : value;
  }
  checkTextSize(text, limits);
  const retry = (error: unknown): unknown => {
    const scalar = jsonScalar(text);
    if (scalar === NOT_A_SCALAR) throw error;
    return validateWith(schema, scalar.value);
  };
  let first: unknown;
  try {
    first = validateWith(schema, text);
  } catch (error) {
    return retry(error);
  }
  return first instanceof Promise ? first.catch(retry) : first;
}

const NOT_A_SCALAR = Symbol('not a JSON scalar');

function jsonScalar(text: string): { value: unknown } | typeof NOT_A_SCALAR {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? NOT_A_SCALAR : { value };
  } catch {
    return NOT_A_SCALAR;
  }
}

function checkTextSize(text: string, limits: PayloadLimits): string {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  if (text.length > maxBytes || (text.length * 3 > maxBytes && Buffer.byteLength(text) > maxBytes)) {
    throw new GuardRejection('validation_failed', 400, 'Invalid request', { reason: 'payload too large', maxBytes });
  }
  return text;
}
