/**
 * Finds the files a scan reads. It walks the scan root, skips what `.gitignore` files,
 * `node_modules`, `.git` and `--exclude` globs rule out, never leaves the root (a symbolic link
 * that points outside it, or back into a directory already walked, is not followed), lists regular
 * files only (a FIFO or a device is reported instead), and bounds the walk. Which files are
 * templates is decided later, by content.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Diagnostic } from '../model/diagnostic.js';
import { fileLocation } from '../model/diagnostic.js';
import { excludeMatcher, type ExcludeGlobs } from './exclude-globs.js';
import { PathGuard } from '../files/path-guard.js';
import { fileTypeName, readRegularText, refusalDiagnostic } from '../files/read-regular-file.js';

export interface DiscoverOptions {
  /** Globs relative to the root, e.g. `test/**` */
  exclude?: string[];
  /** Globs relative to other directories (a configuration file's) */
  excludeElsewhere?: readonly ExcludeGlobs[];
  /** Most files to list; beyond it the walk stops with a warning */
  maxFiles?: number;
}

export interface DiscoveredFile {
  /** Relative to the root, forward slashes */
  rel: string;
  abs: string;
  size: number;
}

export interface DiscoverResult {
  files: DiscoveredFile[];
  diagnostics: Diagnostic[];
}

/**
 * Directories never walked: dependencies, version control, and what tools write beside a project
 * that is never deployed as written (SAM's build output, the Serverless Framework's package, the
 * backups of its templates Infrastructure Composer keeps in `.aws-composer`), whose findings would
 * repeat the project's own.
 */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', '.serverless', '.aws-sam', '.aws-composer']);

/** CDK's output directory is usually git-ignored, yet it is exactly what a CDK app must be scanned from. */
const KEPT_DESPITE_GITIGNORE = /(^|\/)cdk\.out(\/|$)/;

const DEFAULT_MAX_FILES = 200_000;

/** A .gitignore larger than this is not a list of patterns someone wrote. */
const MAX_GITIGNORE_BYTES = 4 * 1024 * 1024;

interface IgnoreScope {
  dirRel: string;
  rules: Ignore;
}

export async function discoverFiles(root: string, options: DiscoverOptions = {}): Promise<DiscoverResult> {
  const walker = new Walker(path.resolve(root), options);
  walker.walk();
  walker.files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files: walker.files, diagnostics: walker.diagnostics };
}

class Walker {
  readonly files: DiscoveredFile[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly visited = new Set<string>();
  private readonly isExcluded: (rel: string) => boolean;
  private readonly maxFiles: number;
  private readonly guard: PathGuard;
  private stopped = false;

  constructor(
    private readonly root: string,
    options: DiscoverOptions,
  ) {
    this.isExcluded = excludeMatcher(root, options.exclude ?? [], options.excludeElsewhere ?? []);
    this.maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
    this.guard = new PathGuard(root);
  }

  // Synchronous file system calls on purpose: awaiting one call per file leaves the thread idle
  // for longer than the call takes (a quarter of the walk on thousands of small files).
  walk(): void {
    // A root that does not exist throws here, as callers expect.
    this.walkDir(this.root, realpathSync.native(this.root), '', []);
  }

  /**
   * `real`: the directory's real path, which finds a directory walked already. A directory's own
   * entry that is not a link has its parent's real path and its name, so only links are resolved
   * (a system call per directory, a sixth of a walk of the shared corpus).
   */
  private walkDir(abs: string, real: string, rel: string, scopes: IgnoreScope[]): void {
    if (this.visited.has(real)) return;
    this.visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      this.diagnostics.push({ severity: 'error', code: 'unreadable', message: `directory cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, loc: fileLocation(rel || '.') });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // Without an entry of that name there is nothing to open.
    const ownScopes = entries.some((e) => e.name === '.gitignore') ? this.withGitignore(abs, rel, scopes) : scopes;
    for (const entry of entries) {
      if (this.stopped) return;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      this.visit(path.join(abs, entry.name), path.join(real, entry.name), childRel, entry, ownScopes);
    }
  }

  private visit(abs: string, real: string, rel: string, entry: Dirent, scopes: IgnoreScope[]): void {
    const isDir = entry.isDirectory();
    if (isDir && ALWAYS_SKIPPED.has(path.basename(rel))) return;
    if (this.isExcluded(rel)) return;
    if (isIgnored(rel, isDir, scopes) && !KEPT_DESPITE_GITIGNORE.test(rel)) return;
    if (entry.isSymbolicLink()) return this.visitLink(abs, rel, scopes);
    if (isDir) return this.walkDir(abs, real, rel, scopes);
    if (entry.isFile()) return this.addFile(abs, rel);
    this.notRegular(rel, fileTypeName(entry));
  }

  /** A FIFO or a device would block or flood every reader: it is listed as a problem, never as a file. */
  private notRegular(rel: string, type: string): void {
    this.diagnostics.push(refusalDiagnostic({ kind: 'not-regular', type }, fileLocation(rel)));
  }

  /** A link is followed only when its target stays inside the scan root. */
  private visitLink(abs: string, rel: string, scopes: IgnoreScope[]): void {
    const target = realpathOrUndefined(abs);
    if (target === undefined) return;
    if (!this.guard.realInside(target)) {
      this.diagnostics.push({ severity: 'warning', code: 'link-outside-root', message: 'symbolic link points outside the scanned directory; not followed', loc: fileLocation(rel) });
      return;
    }
    const info = statOrUndefined(abs);
    if (info?.isDirectory()) return this.walkDir(abs, target, rel, scopes);
    if (info?.isFile()) return this.addFile(abs, rel);
    if (info) this.notRegular(rel, fileTypeName(info));
  }

  private addFile(abs: string, rel: string): void {
    if (this.files.length >= this.maxFiles) {
      this.stopped = true;
      this.diagnostics.push({ severity: 'warning', code: 'too-many-files', message: `more than ${this.maxFiles} files: the rest of the tree was not scanned`, loc: fileLocation(rel) });
      return;
    }
    this.files.push({ rel, abs, size: sizeOf(abs) });
  }

  private withGitignore(abs: string, rel: string, scopes: IgnoreScope[]): IgnoreScope[] {
    const read = readRegularText(path.join(abs, '.gitignore'), MAX_GITIGNORE_BYTES);
    if (read.kind === 'text') return [...scopes, { dirRel: rel, rules: ignore().add(read.text) }];
    if (read.kind !== 'missing') this.diagnostics.push(refusalDiagnostic(read, fileLocation(rel ? `${rel}/.gitignore` : '.gitignore')));
    return scopes;
  }
}

function isIgnored(rel: string, isDir: boolean, scopes: IgnoreScope[]): boolean {
  for (const scope of scopes) {
    const inScope = scope.dirRel === '' ? rel : rel.slice(scope.dirRel.length + 1);
    if (scope.rules.ignores(isDir ? `${inScope}/` : inScope)) return true;
  }
  return false;
}

function sizeOf(p: string): number {
  try {
    return lstatSync(p).size;
  } catch {
    return 0;
  }
}

function realpathOrUndefined(p: string): string | undefined {
  try {
    // The system call: Node's own `realpathSync` makes an lstat per path component, and every file of a walk is resolved.
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

function statOrUndefined(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}
