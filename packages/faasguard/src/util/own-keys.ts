/**
 * Objects keyed by names read from scanned files. A template may name a key, an event type or a
 * resource type `__proto__`, `toString` or `constructor`: on a plain object, assigning `__proto__`
 * replaces the prototype, and reading `toString` finds Object.prototype's function. These helpers
 * keep such names data.
 */

/**
 * Sets `key` as an own, enumerable entry, `__proto__` included (plain assignment would set the
 * prototype). Other names are assigned, with the same result: defining every property of every
 * evaluated template value took 185 ms of a profile of the 10,000-function app's loading. A name
 * Object.prototype has is defined all the same, so that a frozen prototype (whose properties then
 * cannot be assigned over) does not refuse it.
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key in Object.prototype) Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** The own entry `key`; undefined for what the object only inherits. */
export function ownValue<T>(source: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(source, key) ? source[key] : undefined;
}

/**
 * A constant table looked up with names from scanned files: without a prototype, so that `toString`
 * or `__proto__` find nothing, and frozen.
 */
export function lookupTable<R extends object>(entries: R): Readonly<R> {
  return Object.freeze(Object.assign(Object.create(null) as R, entries));
}
