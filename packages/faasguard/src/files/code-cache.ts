/**
 * Loads large CommonJS code with V8's code cache: the TypeScript compiler (the build's 0.4 MB cut of
 * it, or the package's 9 MB when the bundle is not built) and the command line's own bundle
 * (`dist/bundle/main.cjs`, see `bin/faasguard.js`). The first run compiles it and keeps the
 * compiled code in the user's cache folder; later runs hand it back to V8 and skip most of the
 * compiling (about 0.1 s of every scan that reads code, and as much again in
 * the code-analysis thread). Only the scanner's own code is cached, never anything of the scanned
 * app. V8 checks that the cached code matches the source, this Node and its flags (so the flags a
 * run sets must be set before the code is loaded); a mismatch, or a file that cannot be read or
 * written, compiles as if there were no cache. `FAASGUARD_CODE_CACHE=off` turns it off.
 *
 * Node 22's `module.enableCompileCache()` does this for every module, but Node 20 has no such
 * API, nor a code cache for ES modules; the `v8-compile-cache` package hooks every `require` of
 * the process. Two files are all a scan needs cached, so they are loaded here, with V8's own
 * `vm.Script` cache options.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { v8FlagsSet } from '../util/v8-flags.js';

/**
 * Cached code kept per module: each version of it, and each Node, writes a file of its own, and an
 * upgrade would otherwise leave the old ones behind for good. A few are kept, so that two
 * installations used in turn (a global one and a project's) do not keep replacing each other's.
 */
export const MAX_CACHED_VERSIONS = 4;

/** What happened to the cached code: none was there (or it was off), V8 took it, or V8 refused it. */
export type CodeCacheUse = 'compiled' | 'used' | 'rejected';

export interface CachedRequire {
  exports: unknown;
  cache: CodeCacheUse;
}

/** `$FAASGUARD_CACHE_DIR/code`, else `$XDG_CACHE_HOME/faasguard/code`, else `~/.cache/faasguard/code`; undefined when turned off. */
export function defaultCodeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.FAASGUARD_CODE_CACHE === 'off') return undefined;
  if (env.FAASGUARD_CACHE_DIR) return path.join(env.FAASGUARD_CACHE_DIR, 'code');
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'faasguard', 'code');
}

/**
 * `require(specifier)` as seen from the module `from` (a file URL or path), compiled with the code
 * cache of `cacheDir` (see `defaultCodeCacheDir`; undefined: no cache). The module is evaluated
 * once per call: callers keep what it returns.
 */
export function requireWithCodeCache(specifier: string, from: string, cacheDir: string | undefined): CachedRequire {
  const loaded = loadWithCodeCache(createRequire(from).resolve(specifier), cacheDir);
  loaded.keepCode();
  return { exports: loaded.exports, cache: loaded.cache };
}

/** A CommonJS file evaluated by `loadWithCodeCache`, whose compiled code is kept when asked. */
export interface CodeCacheLoad extends CachedRequire {
  /**
   * Writes the code compiled so far to the cache, unless V8 took the cache it was given. Called
   * after the module has run a while, the cache holds the functions compiled lazily meanwhile too,
   * which a later run then does not compile.
   */
  keepCode(): void;
}

/** Evaluates the CommonJS file `file` (an absolute path) with the code cache of `cacheDir` (undefined: no cache). */
export function loadWithCodeCache(file: string, cacheDir: string | undefined): CodeCacheLoad {
  const cacheFile = cacheDir === undefined ? undefined : path.join(cacheDir, `${cacheName(file)}.bin`);
  const source = readReusing(file).toString('utf8');
  // The source's bytes are decoded into a string by now, and V8 reads the cached code only while
  // compiling: both are read into the same memory.
  const cachedData = cacheFile === undefined ? undefined : readOrUndefined(cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, path.dirname(file));
  const cache: CodeCacheUse = cachedData === undefined ? 'compiled' : script.cachedDataRejected ? 'rejected' : 'used';
  const keepCode = (): void => {
    if (cacheFile === undefined || cache === 'used') return;
    writeQuietly(cacheFile, script.createCachedData());
    pruneQuietly(cacheFile);
  };
  return { exports: module.exports, cache, keepCode };
}

/**
 * One file per module, version of it, Node and V8 flags set at run time: another TypeScript, Node
 * or set of flags never reads this one's code (V8 would refuse it).
 */
function cacheName(file: string): string {
  const stat = statSync(file);
  const key = [file, stat.size, stat.mtimeMs, process.version, process.arch, ...v8FlagsSet()].join('\0');
  return `${path.basename(file).replace(/\.c?js$/, '')}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readReusing(file);
  } catch {
    return undefined;
  }
}

/**
 * The memory the files loaded here are read into, kept from one file to the next. The first write
 * to each page of fresh memory is a page fault, which costs about 10 µs on the machines measured
 * (a 2 MB buffer, 5 ms); the bundle and its cached code are read one after the other, each needed
 * only until the next is read. (Not `readRegularBytesLent`, which reads the scanned repository's
 * files: its buffer grows to twice the last size, so the cache, a little larger than the bundle,
 * would land in fresh memory again.)
 */
let scratch = Buffer.alloc(0);

/** `file`'s bytes, in `scratch`: valid until the next call. */
function readReusing(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    // Room for a cache somewhat larger than its source, so that it does not need fresh memory.
    if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(Math.ceil(size * 1.25));
    let read = 0;
    while (read < size) {
      const n = readSync(fd, scratch, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return scratch.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Removes all but the newest `MAX_CACHED_VERSIONS` files of the module of `kept`, never `kept` itself. */
function pruneQuietly(kept: string): void {
  const dir = path.dirname(kept);
  const prefix = path.basename(kept).replace(/-[0-9a-f]+\.bin$/, '-');
  try {
    const versions = readdirSync(dir)
      .filter((name) => name.startsWith(prefix) && /^[0-9a-f]+\.bin$/.test(name.slice(prefix.length)))
      .map((name) => ({ file: path.join(dir, name), mtimeMs: statSync(path.join(dir, name)).mtimeMs }))
      .filter((v) => v.file !== kept)
      .sort((a, b) => b.mtimeMs - a.mtimeMs);
    for (const old of versions.slice(MAX_CACHED_VERSIONS - 1)) rmSync(old.file, { force: true });
  } catch {
    // Another scan pruning at the same time, or a folder that cannot be listed: the next write prunes.
  }
}

/** Written beside, then renamed: two scans starting together never read half a file. */
function writeQuietly(file: string, data: Buffer): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch {
    // A read-only home costs the next scan its speed, nothing else.
  }
}
