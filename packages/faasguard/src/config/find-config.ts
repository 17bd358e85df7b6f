/**
 * Where the configuration of a scan is: the first directory, from the scanned one upward, that
 * holds a configuration file. The search stops at the root of the repository (a directory with a
 * `.git` entry, a folder or a worktree's file) or of the file system, so that a file in some
 * unrelated parent directory never changes a scan. Two configuration files in one directory are
 * an error rather than a silent choice.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { isRepositoryRoot } from '../files/repository-root.js';
import { ConfigError } from './config-error.js';
import { shownPath } from './shown-path.js';

/** The names a configuration file may have; `faasguard init` writes the first. */
export const CONFIG_FILE_NAMES = ['faasguard.config.yaml', 'faasguard.config.yml', 'faasguard.config.json', '.faasguard.yaml', '.faasguard.yml'] as const;

/** The configuration file for a scan of `start` (a directory), or undefined when there is none. */
export function findConfigFile(start: string): string | undefined {
  let found: string | undefined;
  for (const dir of searchedDirs(start)) found = configFileIn(dir);
  return found;
}

/**
 * The directories the search looks in, from `start` upward: it ends with the first that holds a
 * configuration file, the repository root, or the file-system root.
 */
export function* searchedDirs(start: string): Generator<string> {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    yield dir;
    if (configFileIn(dir) !== undefined || isRepositoryRoot(dir) || path.dirname(dir) === dir) return;
  }
}

/** The configuration file in `dir` itself, if any. */
export function configFileIn(dir: string): string | undefined {
  const present = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).filter(isFile);
  if (present.length > 1) throw new ConfigError(`${present.map((f) => shownPath(f)).join(' and ')}: more than one configuration file in one directory; keep one`);
  return present[0];
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

