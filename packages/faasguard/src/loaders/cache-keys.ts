/**
 * Whether a REST method's integration names cache key parameters, in each format's spelling: a
 * list of them (`CacheKeyParameters`, OpenAPI's `cacheKeyParameters`), or a SAM event's request
 * parameters with `Caching: true`. A stage's cache then keeps one answer per value of those
 * parameters, and requests that vary them reach the integration.
 */
import { asBoolean, isValueMap, type Value } from '../model/value.js';

/** A list written out: keyed when it holds any; a value not known here (a parameter) counts as keyed. */
export function namesCacheKeys(list: Value | undefined): boolean {
  if (list === undefined) return false;
  return !Array.isArray(list) || list.length > 0;
}

/** SAM's `RequestParameters`: names, or maps of a name to `{ Required, Caching }`. */
export function samEventCachesByParameter(parameters: Value | undefined): boolean {
  if (parameters === undefined) return false;
  if (!Array.isArray(parameters)) return true;
  return parameters.some((p) => isValueMap(p) && Object.values(p).some(cachesBy));
}

/** `Caching: true`, or a value not known here. */
function cachesBy(options: Value): boolean {
  if (!isValueMap(options)) return false;
  const caching = options['Caching'];
  return caching !== undefined && asBoolean(caching) !== false;
}
