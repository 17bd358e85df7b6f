/**
 * JSON written as a string (`PolicyDocument: !Sub '{"Statement": …}'`, a `Fn::Join` of JSON
 * pieces) into a value. The parts known only at deploy time (references, unknowns) stay what
 * they are inside the parsed value: a string that held one becomes a `Composite` again.
 */
import { Composite, ResourceRef, Unknown, type Value, type ValueMap } from './value.js';
import { setOwn } from '../util/own-keys.js';

type Part = string | ResourceRef | Unknown;

// A private-use character: JSON forbids raw control characters inside strings, not these.
const MARK = '\uE000';
const TOKEN = /\uE000(\d+)\uE000/g;

/** The parsed value, or undefined when the text is not JSON. */
export function parseJsonText(v: string | Composite): Value | undefined {
  const parts: readonly Part[] = typeof v === 'string' ? [v] : v.parts;
  if (parts.some((p) => typeof p === 'string' && p.includes(MARK))) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(withTokens(parts));
  } catch {
    return undefined;
  }
  return restore(parsed, parts);
}

/** The text with each deploy-time part as a token, quoted when it stands outside a JSON string. */
function withTokens(parts: readonly Part[]): string {
  let text = '';
  let inString = false;
  let escaped = false;
  parts.forEach((p, i) => {
    if (typeof p !== 'string') {
      text += inString ? `${MARK}${i}${MARK}` : `"${MARK}${i}${MARK}"`;
      return;
    }
    for (const c of p) {
      if (escaped) escaped = false;
      else if (c === '\\' && inString) escaped = true;
      else if (c === '"') inString = !inString;
    }
    text += p;
  });
  return text;
}

function restore(v: unknown, parts: readonly Part[]): Value {
  if (typeof v === 'string') return restoreString(v, parts);
  if (Array.isArray(v)) return v.map((x) => restore(x, parts));
  if (v !== null && typeof v === 'object') {
    const out: ValueMap = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, displayKey(k, parts), restore(x, parts));
    return out;
  }
  return v as Value;
}

function restoreString(s: string, parts: readonly Part[]): Value {
  if (!s.includes(MARK)) return s;
  const out: Part[] = [];
  let last = 0;
  for (const m of s.matchAll(TOKEN)) {
    if (m.index! > last) out.push(s.slice(last, m.index));
    out.push(parts[Number(m[1])]!);
    last = m.index! + m[0].length;
  }
  if (last < s.length) out.push(s.slice(last));
  return out.length === 1 && typeof out[0] !== 'string' ? out[0]! : new Composite(out);
}

/** A key cannot hold a reference: it shows as written (`${Bucket}`). */
function displayKey(k: string, parts: readonly Part[]): string {
  return k.replace(TOKEN, (_, i: string) => String(parts[Number(i)]));
}
