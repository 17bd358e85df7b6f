/**
 * Lists the files under a directory of the scanned repository, following symbolic links only while
 * they stay inside the root and entering each real directory once, so that a link loop (`a -> .`)
 * ends the walk instead of multiplying it. Listing stops at `max` files.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { PathGuard } from './path-guard.js';

/** Absolute paths of regular files under `dirAbs` (itself, when it is a file) that `accept` takes, sorted by walk order. */
export function listFiles(guard: PathGuard, dirAbs: string, accept: (name: string) => boolean, max: number): string[] {
  const out: string[] = [];
  const visited = new Set<string>();
  const walk = (abs: string): void => {
    const at = guard.check(abs);
    if (at.kind !== 'inside' || visited.has(at.real) || out.length >= max) return;
    // The guard's `lstat` told whether it is a regular file, unless the path is a link.
    const stats = at.regularFile ? undefined : statOrUndefined(at.real);
    if (at.regularFile || stats?.isFile()) {
      if (accept(path.basename(abs))) out.push(abs);
      return;
    }
    if (!stats?.isDirectory()) return;
    visited.add(at.real);
    for (const entry of entriesOf(abs)) {
      // A regular file (no link) of a folder inside the root is inside too: no system call for it.
      if (!entry.isFile()) walk(path.join(abs, entry.name));
      else if (out.length < max && accept(entry.name)) out.push(path.join(abs, entry.name));
    }
  };
  walk(dirAbs);
  return out;
}

function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

function statOrUndefined(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}
