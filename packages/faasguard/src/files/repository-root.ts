/**
 * Where a repository starts: a folder with a `.git` entry (a folder, or a file in worktrees and
 * submodules). The configuration search stops there, and reports' paths start there.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

export function isRepositoryRoot(dir: string): boolean {
  try {
    statSync(path.join(dir, '.git'));
    return true;
  } catch {
    return false;
  }
}

/** The nearest folder, from `folder` upward, that is a repository root. */
export function repositoryRoot(folder: string): string | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (isRepositoryRoot(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
