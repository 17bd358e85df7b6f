/**
 * Typed readers of `parseArgs` values: a flag's declared type decides what it holds, but the
 * result type of `parseArgs` cannot carry it across a shared options object.
 */

export type Values = Record<string, unknown>;

/** A string flag, or undefined when it was not given. */
export function stringValue(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A repeatable string flag: every value, in order (empty when not given). */
export function stringValues(values: Values, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A boolean flag. */
export function isSet(values: Values, name: string): boolean {
  return values[name] === true;
}
