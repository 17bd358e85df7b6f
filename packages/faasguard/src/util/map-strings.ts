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
  // Defined, not assigned: a key such as `__proto__` from a template must stay a plain key.
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, fn(k), { value: deep(v, fn), enumerable: true, writable: true, configurable: true });
  return out;
}
