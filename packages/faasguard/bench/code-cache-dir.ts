/**
 * The command line's code cache for one benchmark run: a directory of its own, written by one
 * untimed scan of the example before anything is timed. The command line writes its cache after
 * the first scan that finds none and keeps it, so the user's cache holds what that scan compiled:
 * a test's small fixture or a 10,000-function app. The example's figure moved by some 30 ms with
 * it, and the command-line figures of a run then depended on what ran before it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Points this process's children at a new cache (`FAASGUARD_CACHE_DIR`) and writes it; returns a function that removes it. */
export function useFreshCodeCache(bin: string, example: string): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faasguard-bench-cache-'));
  process.env.FAASGUARD_CACHE_DIR = dir;
  spawnSync(process.execPath, [bin, 'scan', example, '--no-cache', '--quiet', '--exit-zero'], { stdio: 'ignore' });
  return () => rmSync(dir, { recursive: true, force: true });
}
