/**
 * Finds the lockfiles that belong to a function's code: walking up from the code
 * directory, the nearest directory holding a lockfile of each ecosystem wins, unless a manifest
 * nearer the code says the code is a project of its own (and not a workspace of that lockfile). The
 * walk never goes above the project root (symlinks resolved first, so a link cannot
 * lead it outside).
 */
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Ecosystem, LockfileFormat, ParseError } from '../types.js';
import { errorMessage } from './common.js';
import { declaresOwnDependencies, isWorkspaceMember } from './workspace-members.js';
import { remembered } from '../../util/remembered.js';

export interface FoundLockfile {
  path: string;
  format: LockfileFormat;
  ecosystem: Ecosystem;
  /** Nearest manifest at or above the code directory, no higher than the lockfile's directory. */
  manifest?: string;
  /** The manifest's directory relative to the lockfile's (`.` when the same): the workspace/importer. */
  importer: string;
}

export interface FindResult {
  lockfiles: FoundLockfile[];
  /** Lockfiles present in the chosen directory but not used because a preferred one exists there. */
  ignored: string[];
  errors: ParseError[];
}

/** In one directory, the first present of these wins, per ecosystem. */
const NPM_ORDER: [string, LockfileFormat][] = [
  ['npm-shrinkwrap.json', 'npm-shrinkwrap'],
  ['package-lock.json', 'package-lock'],
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn-classic'],
];
const PY_ORDER: [string, LockfileFormat][] = [
  ['uv.lock', 'uv-lock'],
  ['poetry.lock', 'poetry-lock'],
  ['Pipfile.lock', 'pipfile-lock'],
];
const NPM_MANIFESTS = ['package.json'];
const PY_MANIFESTS = ['pyproject.toml', 'Pipfile'];

/** True for `requirements.txt`, `requirements-dev.txt`, `dev-requirements.txt`, `requirements_prod.txt`. */
export function isRequirementsFile(name: string): boolean {
  return /^([\w.-]*[-_.])?requirements([-_.][\w.-]*)?\.txt$/i.test(name);
}

/** Directories from `dir` up to and including `root` (both already real paths). */
function chain(dir: string, root: string): string[] {
  const dirs: string[] = [];
  let cur = dir;
  for (let i = 0; i < 256; i++) {
    dirs.push(cur);
    if (cur === root) break;
    const parent = path.dirname(cur);
    if (parent === cur) break;
    cur = parent;
  }
  return dirs;
}

/**
 * Real paths and directory listings kept across the lookups of one scan: the code directories of
 * an app share their parent directories, and thousands of functions would otherwise list the same
 * folders thousands of times. Valid for one root and one exclusion.
 */
export interface LookupMemo {
  realpaths: Map<string, Promise<string>>;
  listings: Map<string, Promise<Set<string>>>;
}

export function newLookupMemo(): LookupMemo {
  return { realpaths: new Map(), listings: new Map() };
}

/** The names in `dir`, without those the scan excludes (`isExcluded` tests paths relative to `root`). */
async function list(dir: string, root: string, isExcluded: (rel: string) => boolean): Promise<Set<string>> {
  try {
    const rel = path.relative(root, dir).split(path.sep).join('/');
    return new Set((await readdir(dir)).filter((n) => !isExcluded(rel ? `${rel}/${n}` : n)));
  } catch {
    return new Set();
  }
}

/**
 * `isExcluded`: the scan's exclusion (see `discover/exclude-globs.ts`); an excluded lockfile or manifest is not read.
 * `memo`: shared by the lookups of one scan (same root and exclusion).
 */
export async function findLockfiles(codeDir: string, projectRoot: string, isExcluded: (rel: string) => boolean = () => false, memo: LookupMemo = newLookupMemo()): Promise<FindResult> {
  const result: FindResult = { lockfiles: [], ignored: [], errors: [] };
  let root: string;
  let dir: string;
  try {
    root = await remembered(memo.realpaths, projectRoot, () => realpath(projectRoot));
    dir = await remembered(memo.realpaths, codeDir, () => realpath(codeDir));
  } catch (e) {
    result.errors.push({ file: codeDir, message: `cannot resolve code directory: ${errorMessage(e)}` });
    return result;
  }
  const rel = path.relative(root, dir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    result.errors.push({ file: codeDir, message: 'code directory is outside the project root; no lockfile looked up' });
    return result;
  }
  const dirs = chain(dir, root);
  const listings = await Promise.all(dirs.map((d) => remembered(memo.listings, d, () => list(d, root, isExcluded))));
  await pick(dirs, listings, 'npm', NPM_ORDER, NPM_MANIFESTS, result);
  await pick(dirs, listings, 'PyPI', PY_ORDER, PY_MANIFESTS, result);
  return result;
}

/**
 * The nearest lockfile of the ecosystem, if it governs the code: when a manifest lies between the
 * code and the lockfile, the lockfile must be a workspace root listing it (see `workspace-members.ts`).
 */
async function pick(
  dirs: string[],
  listings: Set<string>[],
  ecosystem: Ecosystem,
  order: [string, LockfileFormat][],
  manifests: string[],
  result: FindResult,
): Promise<void> {
  for (let i = 0; i < dirs.length; i++) {
    const names = listings[i]!;
    const present = order.filter(([n]) => names.has(n));
    const requirements = ecosystem === 'PyPI' ? [...names].filter(isRequirementsFile).sort() : [];
    if (present.length === 0 && requirements.length === 0) continue;
    const manifest = nearestManifest(dirs, listings, i, manifests);
    const importer = manifest ? path.relative(dirs[i]!, path.dirname(manifest)) || '.' : '.';
    if (importer !== '.' && (await ownProject(manifest!, dirs[i]!, importer, ecosystem, names))) return;
    const chosen: [string, LockfileFormat][] = present.length ? [present[0]!] : requirements.map((r) => [r, 'requirements-txt']);
    for (const [n, format] of chosen) {
      result.lockfiles.push({ path: path.join(dirs[i]!, n), format, ecosystem, manifest, importer: importer.split(path.sep).join('/') });
    }
    for (const [n] of present.slice(1)) result.ignored.push(path.join(dirs[i]!, n));
    if (present.length) for (const r of requirements) result.ignored.push(path.join(dirs[i]!, r));
    return;
  }
}

/** A manifest below the lockfile that declares its own packages and is no workspace of it: the lockfile does not govern its code. */
async function ownProject(manifest: string, lockDir: string, importer: string, ecosystem: Ecosystem, names: ReadonlySet<string>): Promise<boolean> {
  if (!(await declaresOwnDependencies(manifest))) return false;
  return !(await isWorkspaceMember(lockDir, importer.split(path.sep).join('/'), ecosystem, names));
}

/** Manifest closest to the code, searching from the code directory up to the lockfile's directory. */
function nearestManifest(dirs: string[], listings: Set<string>[], upTo: number, names: string[]): string | undefined {
  for (let j = 0; j <= upTo; j++) {
    const hit = names.find((n) => listings[j]!.has(n));
    if (hit) return path.join(dirs[j]!, hit);
  }
  return undefined;
}
