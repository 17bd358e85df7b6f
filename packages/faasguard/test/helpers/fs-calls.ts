/**
 * Counting a `node:fs` function's calls made by code under test, which imports it by name: the
 * function is replaced on the module and the named imports synced (`syncBuiltinESMExports`), then
 * restored, whatever `run` does.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

type FsFunction = 'readSync' | 'readFileSync';

/** The first argument of each call of `fs[name]` while `run` runs. */
export function fsCalls(name: FsFunction, run: () => void): unknown[] {
  const real = fs[name] as (...args: unknown[]) => unknown;
  const calls: unknown[] = [];
  (fs as unknown as Record<FsFunction, unknown>)[name] = (...args: unknown[]) => {
    calls.push(args[0]);
    return real(...args);
  };
  syncBuiltinESMExports();
  try {
    run();
  } finally {
    (fs as unknown as Record<FsFunction, unknown>)[name] = real;
    syncBuiltinESMExports();
  }
  return calls;
}
