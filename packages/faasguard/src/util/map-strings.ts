/**
 * A copy of plain data (objects, arrays, strings: what JSON holds) with `fn` applied to every
 * string, object keys included, so that a map keyed by ids stays consistent with the ids it holds.
 * Other values are kept as they are.
 */
export function mapStrings<T>(value: T, fn: (text: string) => string): T {
  return deep(value, fn) as T;
}

function deep(value: unknown, fn: (text: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => deep(v, fn));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const key = fn(k);
    const v = deep((value as Record<string, unknown>)[k], fn);
    // A key `__proto__` from a template is defined, not assigned, so that it stays a plain key;
    // the others are assigned, which is about twice as fast on a large report.
    if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out;
}
