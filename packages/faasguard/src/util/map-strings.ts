/**
 * Plain data (objects, arrays, strings: what JSON holds) with `fn` applied to every string, object
 * keys included, so that a map keyed by ids stays consistent with the ids it holds. Other values
 * are kept as they are.
 *
 * An object or array in which `fn` changed nothing is returned as it is, not copied: redaction
 * changes a few strings of a report that may hold 60,000 findings, and copying the rest only made
 * work for the collector. The result may therefore share parts with the input; neither is to be
 * changed afterwards (the scanner's results are not).
 */
export function mapStrings<T>(value: T, fn: (text: string) => string): T {
  return deep(value, fn) as T;
}

function deep(value: unknown, fn: (text: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return mappedArray(value, fn);
  if (value === null || typeof value !== 'object') return value;
  return mappedObject(value as Record<string, unknown>, fn);
}

function mappedArray(list: readonly unknown[], fn: (text: string) => string): readonly unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const v = deep(list[i], fn);
    if (out === undefined && v !== list[i]) out = list.slice(0, i);
    out?.push(v);
  }
  return out ?? list;
}

function mappedObject(object: Record<string, unknown>, fn: (text: string) => string): Record<string, unknown> {
  const keys = Object.keys(object);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const key = fn(k);
    const v = deep(object[k], fn);
    if (out === undefined && (key !== k || v !== object[k])) out = copyOfFirst(object, keys, i);
    if (out !== undefined) assign(out, key, v);
  }
  return out ?? object;
}

/** A plain object holding the first `n` of `keys` with their values. */
function copyOfFirst(object: Record<string, unknown>, keys: readonly string[], n: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) assign(out, keys[i]!, object[keys[i]!]);
  return out;
}

function assign(out: Record<string, unknown>, key: string, v: unknown): void {
  // A key `__proto__` from a template is defined, not assigned, so that it stays a plain key;
  // the others are assigned, which is about twice as fast on a large report.
  if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  else out[key] = v;
}
