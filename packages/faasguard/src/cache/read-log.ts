/**
 * The files a scan reads beyond those discovery lists (code reached through imports, files named
 * by `${file(…)}` variables, CDK source maps …), so that the scan cache checks them too. Each scan
 * runs in its own log (AsyncLocalStorage), so that scans running side by side do not mix.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const CURRENT = new AsyncLocalStorage<Set<string>>();

/** Runs `work` with a fresh log; returns what it did and every absolute path it read. */
export async function withReadLog<T>(work: () => Promise<T>): Promise<{ value: T; read: Set<string> }> {
  const read = new Set<string>();
  const value = await CURRENT.run(read, work);
  return { value, read };
}

/** Notes that the running scan read `absPath` (nothing when no scan is logging). */
export function recordRead(absPath: string): void {
  CURRENT.getStore()?.add(absPath);
}
