/**
 * One call for the scanner: the dependencies of a function's code location,
 * from its nearest lockfiles, with manifests used for production/development roots.
 * Never throws; every problem is returned as a ParseError.
 */
import path from 'node:path';
import type { Lockfile, LockfileFormat, ParseError, ParseOptions } from './types.js';
import { MAX_LOCKFILE_BYTES } from './lockfiles/common.js';
import { findLockfiles, newLookupMemo, type FoundLockfile, type LookupMemo } from './lockfiles/find-lockfiles.js';
import { parseNpmLock } from './lockfiles/npm-lock.js';
import { parsePipfileLock } from './lockfiles/pipfile-lock.js';
import { parsePnpmLock } from './lockfiles/pnpm-lock.js';
import { parsePoetryLock } from './lockfiles/poetry-lock.js';
import { parseRequirementsFile } from './lockfiles/requirements-txt.js';
import { parseUvLock } from './lockfiles/uv-lock.js';
import { parseYarnLock } from './lockfiles/yarn-lock.js';
import { parsePackageJson, parsePipfile, parsePyproject, type Manifest } from './manifest.js';
import { readRegularText, refusalMessage } from '../files/read-regular-file.js';
import { remembered } from '../util/remembered.js';

export interface FunctionDependencies {
  lockfiles: Lockfile[];
  manifests: Manifest[];
  /** Lockfiles seen but not used (a preferred format was in the same directory). */
  ignored: string[];
  errors: ParseError[];
}

type TextParser = (text: string, file: string, options: ParseOptions) => Lockfile;

const PARSERS: Partial<Record<LockfileFormat, TextParser>> = {
  'package-lock': parseNpmLock,
  'npm-shrinkwrap': parseNpmLock,
  pnpm: parsePnpmLock,
  'yarn-classic': parseYarnLock,
  'yarn-berry': parseYarnLock,
  'poetry-lock': parsePoetryLock,
  'pipfile-lock': parsePipfileLock,
  'uv-lock': parseUvLock,
};

/** Reads a text file no larger than the lockfile limit; errors are returned, not thrown. */
export async function readTextFile(file: string): Promise<{ text?: string; error?: ParseError }> {
  const read = readRegularText(file, MAX_LOCKFILE_BYTES);
  if (read.kind === 'text') return { text: read.text };
  if (read.kind === 'too-large') return { error: { file, line: 1, message: `file is larger than ${MAX_LOCKFILE_BYTES} bytes; not parsed` } };
  return { error: { file, message: `cannot read: ${refusalMessage(read)}` } };
}

export async function readManifest(file: string): Promise<Manifest | undefined> {
  const { text, error } = await readTextFile(file);
  const base = path.basename(file);
  if (text === undefined) {
    const ecosystem = base === 'package.json' ? 'npm' : 'PyPI';
    return error ? { path: file, ecosystem, deps: { dependencies: {}, devDependencies: {}, optionalDependencies: {} }, errors: [error] } : undefined;
  }
  if (base === 'package.json') return parsePackageJson(text, file);
  if (base === 'Pipfile') return parsePipfile(text, file);
  return parsePyproject(text, file);
}

/** Parses one lockfile found by `findLockfiles` (or described the same way). */
export async function readLockfile(found: FoundLockfile, projectRoot: string, manifest?: Manifest, isExcluded?: (rel: string) => boolean): Promise<Lockfile> {
  if (found.format === 'requirements-txt') return parseRequirementsFile(found.path, { projectRoot, ...(isExcluded ? { isExcluded } : {}) });
  const { text, error } = await readTextFile(found.path);
  const parser = PARSERS[found.format]!;
  if (text === undefined) return { path: found.path, format: found.format, ecosystem: found.ecosystem, dependencies: [], errors: error ? [error] : [] };
  // A manifest in a sub-project describes that workspace, not the lockfile's root.
  return parser(text, found.path, { manifest: manifest?.deps, importer: found.importer });
}

/**
 * What the dependency lookups of one scan share (same root and exclusion): directory listings, and
 * each manifest and lockfile parsed once however many code directories it governs. What is shared
 * is read, never changed.
 */
export interface DependencyMemo extends LookupMemo {
  manifests: Map<string, Promise<Manifest | undefined>>;
  lockfiles: Map<string, Promise<Lockfile>>;
}

export function newDependencyMemo(): DependencyMemo {
  return { ...newLookupMemo(), manifests: new Map(), lockfiles: new Map() };
}

/**
 * `isExcluded`: the scan's exclusion, paths relative to `projectRoot`; excluded files are never read.
 * `memo`: shared by the calls of one scan.
 */
export async function loadFunctionDependencies(codeDir: string, projectRoot: string, isExcluded: (rel: string) => boolean = () => false, memo: DependencyMemo = newDependencyMemo()): Promise<FunctionDependencies> {
  const found = await findLockfiles(codeDir, projectRoot, isExcluded, memo);
  const out: FunctionDependencies = { lockfiles: [], manifests: [], ignored: found.ignored, errors: [...found.errors] };
  const manifests = new Map<string, Manifest | undefined>();
  for (const f of found.lockfiles) {
    const file = f.manifest;
    if (file && !manifests.has(file)) manifests.set(file, await remembered(memo.manifests, file, () => readManifest(file)));
    const manifest = f.manifest ? manifests.get(f.manifest) : undefined;
    const usable = manifest && manifest.errors.length === 0 ? manifest : undefined;
    // The parse depends on the lockfile, its format, the workspace it is read for and the manifest used.
    const key = [f.path, f.format, f.importer, usable ? f.manifest : ''].join('\0');
    const lock = await remembered(memo.lockfiles, key, () => readLockfile(f, projectRoot, usable, isExcluded));
    out.lockfiles.push(lock);
    out.errors.push(...lock.errors);
  }
  for (const m of manifests.values()) if (m) out.manifests.push(m), out.errors.push(...m.errors);
  return out;
}
