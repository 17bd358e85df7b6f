/**
 * The root a report's paths start from, found once per scan: the repository that holds the scanned
 * folder (the nearest folder, from it upward, with a `.git` entry: a folder, or a file in worktrees
 * and submodules), as GitHub code scanning and other CI services resolve paths from there. Outside
 * a repository, the current directory when it holds the scanned folder, else the scanned folder.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../files/repository-root.js';
import { scanRootOf } from '../scan/load-formats.js';
import type { ReportPaths } from './report-paths.js';

/** Where the paths of a report on `target` (a folder or a file, as given to `scan`) start. */
export function reportPathsFor(target: string, cwd: string = process.cwd()): ReportPaths {
  const folder = real(path.resolve(cwd, scanRootOf(path.resolve(cwd, target)).root));
  const repository = repositoryRoot(folder);
  if (repository !== undefined) return { root: 'repository', scanFolder: relativeInside(repository, folder) };
  const workingDirectory = real(path.resolve(cwd));
  if (isInside(folder, workingDirectory)) return { root: 'working directory', scanFolder: relativeInside(workingDirectory, folder) };
  return { root: 'scanned folder', scanFolder: '' };
}

function relativeInside(root: string, folder: string): string {
  return path.relative(root, folder).split(path.sep).join('/');
}

function isInside(folder: string, root: string): boolean {
  const rel = path.relative(root, folder);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** Symbolic links resolved, so that a linked temporary folder and its real path compare equal. */
function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
