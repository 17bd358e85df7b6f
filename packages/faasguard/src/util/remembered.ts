/** The value kept in `memo` under `key`, made and kept on first ask (a promise is kept as it is, so that callers share one read). */
export function remembered<T>(memo: Map<string, T>, key: string, make: () => T): T {
  let found = memo.get(key);
  if (found === undefined) memo.set(key, (found = make()));
  return found;
}
