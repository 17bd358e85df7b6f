/**
 * The code files of a function and the relative imports between them (CommonJS `require`, ESM
 * `import`/`export … from`, dynamic `import()`). Packages from node_modules are not followed: the
 * analysis models them by name (see `taint/sinks.ts`). Reading is confined to the scan root and
 * bounded in file size and count; each file is parsed once per scan (again only after its tree was
 * let go of), keyed by its path and content hash.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { CODE_EXTENSIONS, mayEscapeIdentifiers, parseJs, ts, type ParsedFile, type PositionMap } from './parse-js.js';
import { wordSpans, type MayHold } from './word-spans.js';
import { recordRead } from '../cache/read-log.js';
import { readRegularText } from '../files/read-regular-file.js';
import { PathGuard, type GuardedPath } from '../files/path-guard.js';
import { hexDigest } from '../util/hex-digest.js';
import { exclusionMatcher, type Exclusion } from '../discover/exclude-globs.js';

/** Where a path leads inside the root: its real path, and whether it is a regular file when the guard saw it. */
type InsidePath = Extract<GuardedPath, { kind: 'inside' }>;

/** A folder's entries: where it leads (its real path), its names lower-cased, and its regular files (no links) by name. */
interface Listing {
  real: string;
  lowerNames: ReadonlySet<string>;
  regularFiles: ReadonlySet<string>;
}

/** The listing of a folder that is missing or leads outside the root. */
const NO_ENTRIES: Listing = { real: '', lowerNames: new Set(), regularFiles: new Set() };

export const MAX_CODE_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_FILES_PER_FUNCTION = 300;

/** Code embedded in another file (a template's inline code). */
export interface VirtualText {
  file: string;
  text: string;
  position: PositionMap;
}

/** Parsed files by path, with the hash of the text parsed, shared by every scan of the process. */
const PARSE_CACHE = new Map<string, { hash: string; parsed: ParsedFile }>();
const MAX_PARSE_CACHE = 150;

/** Reads and parses code files under one scan root, each at most once. */
export class CodeFiles {
  private readonly files = new Map<string, ParsedFile | undefined>();
  private readonly texts = new Map<string, string | undefined>();
  private readonly virtual = new Set<string>();
  private readonly virtualTexts = new Map<string, VirtualText>();
  readonly diagnostics: Diagnostic[] = [];
  /** Whether each path asked about is a file inside the root (import resolution tries many) */
  private readonly existing = new Map<string, boolean>();
  /** The entries of each directory asked about; null when it could not be listed */
  private readonly listings = new Map<string, Listing | null>();
  /** Files reachable from each entry asked about: every function of a handler file asks again */
  private readonly reachable = new Map<string, readonly string[]>();
  /** Where each path asked about leads inside the root; null when it does not (a file is asked for when found, then when read) */
  private readonly insidePaths = new Map<string, InsidePath | null>();
  /** Files already reported, so that a file read again after `forgetTrees` is not reported twice */
  private readonly reported = new Set<string>();
  private readonly realRoot: string;
  private readonly guard: PathGuard;
  private readonly isExcluded: (rel: string) => boolean;
  /** Excluded paths asked about, so that a handler not found for that reason can say so */
  private excludedAsked = 0;

  constructor(readonly root: string, exclusion: Exclusion = {}) {
    this.guard = new PathGuard(path.resolve(root));
    this.realRoot = this.guard.realRoot;
    this.isExcluded = exclusionMatcher(path.resolve(root), exclusion);
  }

  /** How many excluded paths were asked about so far: an excluded file is neither found nor read. */
  get excludedCount(): number {
    return this.excludedAsked;
  }

  /** Whether `rel` (a file or folder, relative to the root) is excluded from the scan. */
  excluded(rel: string): boolean {
    if (rel === '' || rel === '.' || !this.isExcluded(rel)) return false;
    this.excludedAsked++;
    return true;
  }

  /** Code that is not a file of its own (inline code of a template), under a key of its own. */
  registerVirtual(key: string, parsed: ParsedFile): void {
    this.virtual.add(key);
    this.reachable.clear();
    this.files.set(key, parsed);
  }

  /** Inline code parsed elsewhere (Python): its text, the file it is in, and where its positions fall. */
  registerVirtualText(key: string, entry: VirtualText): void {
    this.virtual.add(key);
    this.reachable.clear();
    this.virtualTexts.set(key, entry);
    this.texts.set(key, entry.text);
  }

  virtualText(key: string): VirtualText | undefined {
    return this.virtualTexts.get(key);
  }

  isVirtual(key: string): boolean {
    return this.virtual.has(key);
  }

  /** Whether a file (relative to the root) exists as a regular file inside the root; asked once per path. */
  exists(rel: string): boolean {
    if (this.virtual.has(rel)) return true;
    let known = this.existing.get(rel);
    if (known === undefined) this.existing.set(rel, (known = this.isFileInside(rel)));
    return known;
  }

  private isFileInside(rel: string): boolean {
    const slash = rel.lastIndexOf('/');
    const name = rel.slice(slash + 1);
    const listing = this.listingOf(slash < 0 ? '' : rel.slice(0, slash));
    // Names are compared without case, so that a file system that ignores case still gets its own
    // answer from the full check.
    if (listing !== null && !listing.lowerNames.has(name.toLowerCase())) return false;
    if (listing?.regularFiles.has(name)) return this.listedFileInside(rel, listing.real, name);
    const at = this.insideAt(rel);
    if (!at || this.excluded(rel)) return false;
    // The guard's `lstat` told, unless the path is a link.
    if (at.regularFile !== undefined) return at.regularFile;
    try {
      return statSync(at.real).isFile();
    } catch {
      return false;
    }
  }

  /**
   * A regular file its folder's listing shows (no link) lies where the folder does, inside the
   * root: where it leads is known without asking the system again (an `lstat` per file was a
   * tenth of a second at 10,000 functions).
   */
  private listedFileInside(rel: string, realDir: string, name: string): boolean {
    if (this.excluded(rel)) return false;
    if (!this.insidePaths.has(rel)) this.insidePaths.set(rel, { kind: 'inside', abs: path.join(this.realRoot, rel), real: path.join(realDir, name), rel, regularFile: true });
    return true;
  }

  /**
   * A folder's entries. Handler and import resolution try many names per file (extensions,
   * `index` files, Python packages), most of them missing: one listing per folder answers those
   * without a system call each, and tells the regular files from links and folders.
   */
  private listingOf(dir: string): Listing | null {
    let listing = this.listings.get(dir);
    if (listing === undefined) this.listings.set(dir, (listing = this.listing(dir)));
    return listing;
  }

  private listing(dir: string): Listing | null {
    // Python's package candidates (`json/__init__.py` for `import json`) are mostly folders that do
    // not exist, which the parent's listing tells without a system call.
    if (this.parentListsNo(dir)) return NO_ENTRIES;
    const real = dir === '' ? this.realRoot : this.inside(dir);
    // A folder that is missing or leads outside the root holds no file inside it.
    if (!real) return NO_ENTRIES;
    try {
      const entries = readdirSync(real, { withFileTypes: true });
      return { real, lowerNames: new Set(entries.map((e) => e.name.toLowerCase())), regularFiles: new Set(entries.filter((e) => e.isFile()).map((e) => e.name)) };
    } catch {
      return null;
    }
  }

  /** Whether the folder's parent could be listed and holds no entry of its name (whatever the case). */
  private parentListsNo(dir: string): boolean {
    const slash = dir.lastIndexOf('/');
    const name = dir.slice(slash + 1);
    if (dir === '' || name === '' || name === '.' || name === '..') return false;
    const parent = this.listingOf(slash < 0 ? '' : dir.slice(0, slash));
    return parent !== null && !parent.lowerNames.has(name.toLowerCase());
  }

  /** Whether a folder (relative to the root, '' for the root) exists inside the root. */
  dirExists(rel: string): boolean {
    const abs = rel === '' || rel === '.' ? this.realRoot : this.inside(rel);
    if (!abs || this.excluded(rel)) return false;
    try {
      return statSync(abs).isDirectory();
    } catch {
      return false;
    }
  }

  /**
   * Every file reachable from `entry` through relative imports, entry first, bounded. Walked once
   * per entry: it depends on the files there are, not on the trees held (see `forgetTrees`).
   */
  reachableFrom(entry: string): readonly string[] {
    let found = this.reachable.get(entry);
    if (found === undefined) this.reachable.set(entry, (found = walkImports(this, entry)));
    return found;
  }

  /** How many parsed trees are held. */
  get treeCount(): number {
    return this.files.size;
  }

  /**
   * Lets go of the parsed trees and texts (they are read again when asked for): a large app's
   * trees do not all fit in memory, and keeping them makes every garbage collection slower.
   */
  forgetTrees(): void {
    this.files.clear();
    this.texts.clear();
  }

  /** Lets go of one file's tree and text, here and in the process's parse cache: it is read and parsed again when asked for. */
  forget(rel: string): void {
    this.files.delete(rel);
    this.texts.delete(rel);
    PARSE_CACHE.delete(rel);
  }

  /** The parsed file, or undefined (missing, too large, outside the root); problems become diagnostics. */
  load(rel: string): ParsedFile | undefined {
    if (this.files.has(rel)) return this.files.get(rel);
    const parsed = this.read(rel);
    this.files.set(rel, parsed);
    return parsed;
  }

  /** The text of a file that is not parsed here (Python), with the same confinement and size bound. */
  readText(rel: string): string | undefined {
    if (this.texts.has(rel)) return this.texts.get(rel);
    const text = this.readBounded(rel);
    this.texts.set(rel, text);
    return text;
  }

  private readBounded(rel: string): string | undefined {
    const abs = this.inside(rel);
    if (!abs || this.excluded(rel)) return undefined;
    recordRead(abs);
    const read = readRegularText(abs, MAX_CODE_FILE_BYTES);
    if (read.kind === 'too-large') {
      this.report(rel, { severity: 'warning', code: 'code-file-too-large', message: `${rel} is larger than ${MAX_CODE_FILE_BYTES} bytes and was not analyzed`, loc: { file: rel, line: 0, column: 0 } });
    }
    return read.kind === 'text' ? read.text : undefined;
  }

  private read(rel: string): ParsedFile | undefined {
    const text = this.readBounded(rel);
    if (text === undefined) return undefined;
    const parsed = parseCached(rel, text);
    for (const e of parsed.errors.slice(0, 1)) {
      this.report(rel, { severity: 'warning', code: 'code-syntax', message: `${rel} does not parse (${e.message}); the analysis used what could be read`, loc: e.loc });
    }
    return parsed;
  }

  /** Adds a diagnostic about a file, once per file however often it is read. */
  report(rel: string, diagnostic: Diagnostic): void {
    if (this.reported.has(rel)) return;
    this.reported.add(rel);
    this.diagnostics.push(diagnostic);
  }

  /** The absolute path of `rel` when it stays inside the root (symbolic links included); found once per path. */
  private inside(rel: string): string | undefined {
    return this.insideAt(rel)?.real;
  }

  private insideAt(rel: string): InsidePath | undefined {
    let at = this.insidePaths.get(rel);
    if (at === undefined) this.insidePaths.set(rel, (at = this.resolveInside(rel) ?? null));
    return at ?? undefined;
  }

  private resolveInside(rel: string): InsidePath | undefined {
    if (path.isAbsolute(rel) || rel.split('/').includes('..')) return undefined;
    const target = this.guard.check(path.join(this.realRoot, rel));
    return target.kind === 'inside' ? target : undefined;
  }
}

function parseCached(rel: string, text: string): ParsedFile {
  const hash = hexDigest('sha1', text);
  const hit = PARSE_CACHE.get(rel);
  if (hit?.hash === hash) return hit.parsed;
  const parsed = parseJs(rel, text);
  if (PARSE_CACHE.size >= MAX_PARSE_CACHE) PARSE_CACHE.clear();
  PARSE_CACHE.set(rel, { hash, parsed });
  return parsed;
}

/** TypeScript sources are imported with the extension of their output (`./util.js` for `util.ts`). */
const OUTPUT_TO_SOURCE: Readonly<Record<string, readonly string[]>> = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** The file a relative specifier names, relative to the root; undefined for packages and misses. */
export function resolveRelative(files: CodeFiles, fromFile: string, spec: string): string | undefined {
  if (!spec.startsWith('./') && !spec.startsWith('../') && spec !== '.' && spec !== '..') return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec));
  if (base.startsWith('../') || base === '..') return undefined;
  for (const candidate of candidates(base)) if (files.exists(candidate)) return candidate;
  return undefined;
}

function candidates(base: string): string[] {
  const out = [base];
  const ext = path.posix.extname(base);
  for (const src of OUTPUT_TO_SOURCE[ext] ?? []) out.push(base.slice(0, -ext.length) + src);
  for (const e of CODE_EXTENSIONS) out.push(base + e);
  for (const e of CODE_EXTENSIONS) out.push(`${base}/index${e}`);
  return out;
}

/** Module specifiers a file imports, in source order; found once per parsed file (shared modules are reached from many entries). */
export function importSpecifiers(file: ParsedFile): readonly string[] {
  let found = SPECIFIERS.get(file);
  if (found === undefined) SPECIFIERS.set(file, (found = findImportSpecifiers(file)));
  return found;
}

const SPECIFIERS = new WeakMap<ParsedFile, readonly string[]>();

function findImportSpecifiers(file: ParsedFile): string[] {
  const out: string[] = [];
  const mayHold = importWordSpans(file.text);
  let depth = 0;
  const visit = (node: ts.Node): void => {
    if (depth > 200 || out.length > 500 || !mayHold(node)) return;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const callee = node.expression;
      if ((ts.isIdentifier(callee) && callee.text === 'require') || callee.kind === ts.SyntaxKind.ImportKeyword) out.push((node.arguments[0] as ts.StringLiteral).text);
    }
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) out.push(node.moduleReference.expression.text);
    depth++;
    ts.forEachChild(node, visit);
    depth--;
  };
  visit(file.ast);
  return out;
}

/**
 * A walk for imports enters only the nodes whose text holds `import`, `export` or `require`, which
 * every import form it looks for spells out (the 765 files of the 1,000-function benchmark app: 21
 * ms instead of 180). A file that may spell `require` with escapes is walked whole.
 */
function importWordSpans(text: string): MayHold {
  return wordSpans(text, IMPORT_WORDS, mayEscapeIdentifiers(text));
}

const IMPORT_WORDS = ['import', 'export', 'require'];

/** The walk behind `CodeFiles.reachableFrom`. */
function walkImports(files: CodeFiles, entry: string): string[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0 && seen.size < MAX_FILES_PER_FUNCTION) {
    const file = queue.shift()!;
    const parsed = files.load(file);
    if (!parsed) continue;
    for (const spec of importSpecifiers(parsed)) {
      const target = resolveRelative(files, file, spec);
      if (!target || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return [...seen];
}

/** Package name of a bare specifier: `node:fs/promises` → `fs`, `@aws-sdk/client-s3/x` → `@aws-sdk/client-s3`. */
export function packageName(spec: string): string {
  const bare = spec.replace(/^node:/, '');
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
