/**
 * Grouping into a `Map<key, list>` in place: the spread-and-copy idiom is quadratic when one key
 * collects thousands of values (one role shared by every function of a large app).
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
