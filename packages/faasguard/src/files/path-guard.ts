/**
 * The one rule for every path a scanned file names (a CDK manifest's templateFile, an asset path, a
 * Serverless `${file()}`, an AWS::Include Location, a nested stack's template): it must stay inside
 * the scanned root, after `..` segments and symbolic links are resolved. A repository may have been
 * prepared by an attacker, and a path that leaves the root would make the scan read, and quote in
 * its report, files of the machine it runs on.
 */
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Where a path leads: inside the root (`abs` as written, `real` with links resolved), outside it, or nowhere. */
export type GuardedPath =
  | {
      kind: 'inside';
      abs: string;
      real: string;
      rel: string;
      /** Whether it is a regular file, when the guard saw it (it is no link); undefined otherwise */
      regularFile?: boolean;
    }
  | { kind: 'outside' }
  | { kind: 'missing'; abs: string; rel: string };

/**
 * A guard serves one scan, during which the tree is taken to stay as it is: each folder's real path
 * is found once, and a file is then resolved with one `lstat` (its folder's real path and its name,
 * unless it is a link itself) instead of a `realpath`, which resolves every component of the path
 * again, file after file of the same folder. A folder under the root is resolved the same way, from
 * its parent's real path: `realpath` asks the system about every component of a path (a `readlink`
 * each), and an app's code folders lie several levels deep.
 */
export class PathGuard {
  private realRootCache: string | undefined;
  /** Real path of each folder asked about; null when it does not resolve */
  private readonly realDirs = new Map<string, string | null>();

  /** The root as written, made absolute and normalized */
  private readonly resolvedRoot: string;

  constructor(readonly rootAbs: string) {
    this.resolvedRoot = path.resolve(rootAbs);
  }

  /** The root with its own links resolved (a root under a linked /tmp is still the root). */
  get realRoot(): string {
    if (this.realRootCache === undefined) this.realRootCache = realpathOrUndefined(this.rootAbs) ?? this.rootAbs;
    return this.realRootCache;
  }

  /** `rawPath` as written in a file at `fromDirRel` (relative to the root; '.' for the root itself). */
  resolve(fromDirRel: string, rawPath: string): GuardedPath {
    return this.check(path.resolve(this.rootAbs, fromDirRel, rawPath));
  }

  /** An absolute path: outside when it leaves the root as written or once its links are resolved. */
  check(abs: string): GuardedPath {
    if (!this.lexicallyInside(abs)) return { kind: 'outside' };
    const rel = path.relative(this.rootAbs, abs).split(path.sep).join('/') || '.';
    const found = this.realPathOf(path.resolve(abs));
    if (found === undefined) return { kind: 'missing', abs, rel };
    if (!this.realInside(found.real)) return { kind: 'outside' };
    return { kind: 'inside', abs, real: found.real, rel, ...(found.regularFile === undefined ? {} : { regularFile: found.regularFile }) };
  }

  /** Whether a resolved path (no links left) lies in the root. */
  realInside(real: string): boolean {
    return real === this.realRoot || real.startsWith(this.realRoot + path.sep);
  }

  /**
   * `realpath(abs)` for a normalized absolute path, through its folder's real path when the path is
   * no link, and then whether it is a regular file (what the `lstat` said).
   */
  private realPathOf(abs: string): { real: string; regularFile?: boolean } | undefined {
    const dir = path.dirname(abs);
    if (dir === abs) return { real: abs };
    const realDir = this.realDir(dir);
    if (realDir === undefined) return undefined;
    let stat;
    try {
      stat = lstatSync(abs, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (stat === undefined) return undefined;
    if (stat.isSymbolicLink()) {
      const real = realpathOrUndefined(abs);
      return real === undefined ? undefined : { real };
    }
    return { real: path.join(realDir, path.basename(abs)), regularFile: stat.isFile() };
  }

  /** The real path of a folder (undefined when it does not resolve), found once per folder. */
  private realDir(dir: string): string | undefined {
    let real = this.realDirs.get(dir);
    if (real === undefined) this.realDirs.set(dir, (real = this.resolveDir(dir) ?? null));
    return real ?? undefined;
  }

  /** Below the root, from the parent's real path; the root itself and folders elsewhere, with `realpath`. */
  private resolveDir(dir: string): string | undefined {
    if (dir === this.realRoot) return dir;
    if (!this.strictlyBelowRoot(dir)) return realpathOrUndefined(dir);
    return this.realPathOf(dir)?.real;
  }

  private strictlyBelowRoot(dir: string): boolean {
    return dir.startsWith(this.resolvedRoot + path.sep) || dir.startsWith(this.realRoot + path.sep);
  }

  private lexicallyInside(abs: string): boolean {
    const resolved = path.resolve(abs);
    return resolved === this.resolvedRoot || resolved.startsWith(this.resolvedRoot + path.sep) || this.realInside(resolved);
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
