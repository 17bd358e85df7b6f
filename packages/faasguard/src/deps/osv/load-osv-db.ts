/**
 * Reads an offline OSV export: a directory of OSV JSON files (searched recursively,
 * so a cache holding `npm/all.zip` and `PyPI/all.zip` also works), a single JSON
 * file, or a zip such as the per-ecosystem `all.zip` OSV publishes. Zips are
 * inflated entry by entry, with limits on entry and total size, and on what is kept, all
 * well below the heap: a small zip can inflate to gigabytes. A malformed record, a file or a
 * directory that cannot be read is an error in `errors`, and the rest is still read.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type * as ZipReader from './zip-reader.js';
import { errorMessage } from '../lockfiles/common.js';
import type { Ecosystem } from '../types.js';
import { packageKey, type OsvIndex } from './match.js';
import { osvRecordProblem } from './osv-record.js';
import type { OsvVulnerability } from './osv-types.js';

export interface OsvDb extends OsvIndex {
  /** Records kept (after the ecosystem and package filters). */
  count: number;
  /** Files and zip entries that could not be read, with the reason. */
  errors: string[];
  /** Files read. */
  sources: string[];
  /** Bytes inflated from zips so far, against `OSV_LIMITS.maxInflatedBytes` */
  inflatedBytes: number;
  /** JSON bytes of the records kept so far, against `OSV_LIMITS.maxKeptBytes` */
  keptBytes: number;
}

export interface LoadOsvOptions {
  /** Keep only records for these ecosystems (default: npm and PyPI). */
  ecosystems?: Ecosystem[];
  /** Keep only records affecting these `packageKey`s; saves memory when the package set is known. */
  packages?: ReadonlySet<string>;
  /** Lower limits than `OSV_LIMITS` (a caller short of memory, or a test) */
  limits?: Partial<OsvLimits>;
}

export interface OsvLimits {
  /** Largest single JSON file or zip entry accepted. */
  maxEntryBytes: number;
  /** Most bytes inflated from all the zips of one load. */
  maxInflatedBytes: number;
  /** Most JSON bytes of records kept by one load: what stays in memory. */
  maxKeptBytes: number;
  /** Most files visited in a directory tree. */
  maxFiles: number;
  maxDepth: number;
}

/** OSV's own exports inflate to a few hundred megabytes and a scan keeps only its packages' records. */
export const OSV_LIMITS: Readonly<OsvLimits> = {
  maxEntryBytes: 16 * 1024 * 1024,
  maxInflatedBytes: 1024 * 1024 * 1024,
  maxKeptBytes: 256 * 1024 * 1024,
  maxFiles: 2_000_000,
  maxDepth: 8,
};

function limitsOf(options: LoadOsvOptions): OsvLimits {
  return { ...OSV_LIMITS, ...options.limits };
}

/** An empty index to add records to. */
export function emptyOsvDb(): OsvDb {
  return { byPackage: new Map(), count: 0, errors: [], sources: [], inflatedBytes: 0, keptBytes: 0 };
}

/** Adds one record under every package it affects, subject to the filters; true when it is kept. */
export function addRecord(db: OsvDb, vuln: OsvVulnerability, options: LoadOsvOptions = {}): boolean {
  const ecosystems = new Set<string>(options.ecosystems ?? ['npm', 'PyPI']);
  const keys = new Set<string>();
  for (const a of vuln.affected ?? []) {
    if (!a.package || !ecosystems.has(a.package.ecosystem)) continue;
    const key = packageKey(a.package.ecosystem, a.package.name);
    if (!options.packages || options.packages.has(key)) keys.add(key);
  }
  if (keys.size === 0) return false;
  // Long prose is not needed for findings; dropping it keeps a full export in memory cheaply.
  const slim: OsvVulnerability = { ...vuln, details: undefined };
  for (const key of keys) {
    const list = db.byPackage.get(key);
    if (list) list.push(slim);
    else db.byPackage.set(key, [slim]);
  }
  db.count++;
  return true;
}

/** Builds an index from records already in memory (the online client uses this). */
export function buildOsvDb(vulns: Iterable<OsvVulnerability>, options: LoadOsvOptions = {}): OsvDb {
  const db = emptyOsvDb();
  for (const v of vulns) {
    const problem = osvRecordProblem(v);
    if (problem === undefined) addRecord(db, v, options);
    else db.errors.push(`${recordName(v)}: ${problem}; skipped`);
  }
  return db;
}

/** Loads that have reported keeping too much: once is enough. */
const keptReported = new WeakSet<OsvDb>();

/** True once the records kept reach the limit; the first time, says where loading stopped. */
function keptTooMuch(db: OsvDb, where: string, options: LoadOsvOptions): boolean {
  const limit = limitsOf(options).maxKeptBytes;
  if (db.keptBytes <= limit) return false;
  if (!keptReported.has(db)) db.errors.push(`${where}: more than ${limit} bytes of records kept; the remaining records are skipped`);
  keptReported.add(db);
  return true;
}

function addJson(db: OsvDb, bytes: Uint8Array | string, where: string, options: LoadOsvOptions): void {
  try {
    const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
    const parsed: unknown = JSON.parse(text);
    const records: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
    for (const r of records) {
      if (keptTooMuch(db, where, options)) return;
      const problem = osvRecordProblem(r);
      if (problem !== undefined) db.errors.push(`${where}: ${recordName(r)}: ${problem}; skipped`);
      else if (addRecord(db, r as OsvVulnerability, options)) db.keptBytes += text.length / records.length;
    }
  } catch (e) {
    db.errors.push(`${where}: ${errorMessage(e)}`);
  }
}

/** Inflates a zip held in memory, one entry at a time, with the zip reader the caller loaded (see `zip-reader.ts`). */
function addZip(db: OsvDb, data: Uint8Array, where: string, options: LoadOsvOptions, { Unzip, UnzipInflate }: typeof ZipReader): void {
  // A zip starts with a local file header, or with the end record when it is empty.
  const sig = data.length >= 4 ? (data[0]! | (data[1]! << 8) | (data[2]! << 16) | (data[3]! << 24)) >>> 0 : 0;
  if (sig !== 0x04034b50 && sig !== 0x06054b50) {
    db.errors.push(`${where}: not a zip file`);
    return;
  }
  const limits = limitsOf(options);
  let stopped = db.inflatedBytes > limits.maxInflatedBytes;
  if (stopped) {
    db.errors.push(`${where}: inflated size limit already reached; not read`);
    return;
  }
  const unzip = new Unzip((entry) => {
    if (stopped || !entry.name.endsWith('.json')) return;
    if (keptTooMuch(db, `${where}!${entry.name}`, options)) {
      stopped = true;
      return;
    }
    if (entry.originalSize !== undefined && entry.originalSize > limits.maxEntryBytes) {
      db.errors.push(`${where}!${entry.name}: entry larger than ${limits.maxEntryBytes} bytes; skipped`);
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    entry.ondata = (err, chunk, final) => {
      if (err) {
        db.errors.push(`${where}!${entry.name}: ${err.message}`);
        return;
      }
      if (stopped) return;
      size += chunk.length;
      db.inflatedBytes += chunk.length;
      if (size > limits.maxEntryBytes) {
        db.errors.push(`${where}!${entry.name}: inflates past ${limits.maxEntryBytes} bytes; skipped`);
        entry.terminate();
        return;
      }
      if (db.inflatedBytes > limits.maxInflatedBytes) {
        db.errors.push(`${where}: more than ${limits.maxInflatedBytes} bytes inflated; the remaining entries are skipped`);
        stopped = true;
        entry.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) addJson(db, concat(chunks, size), `${where}!${entry.name}`, options);
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(data, true);
  } catch (e) {
    db.errors.push(`${where}: not a readable zip (${errorMessage(e)})`);
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function addPath(db: OsvDb, p: string, depth: number, options: LoadOsvOptions, budget: { files: number }): Promise<void> {
  if (--budget.files < 0) return;
  let info;
  try {
    info = await stat(p);
  } catch (e) {
    db.errors.push(`${p}: ${errorMessage(e)}`);
    return;
  }
  if (info.isDirectory()) {
    if (depth > limitsOf(options).maxDepth) return;
    const names = await readdir(p).catch((e: unknown) => {
      db.errors.push(`${p}: directory cannot be read (${errorMessage(e)}); skipped`);
      return [];
    });
    for (const n of names.sort()) await addPath(db, path.join(p, n), depth + 1, options, budget);
    return;
  }
  const lower = p.toLowerCase();
  if (!lower.endsWith('.json') && !lower.endsWith('.zip')) return;
  if (lower.endsWith('.json') && info.size > limitsOf(options).maxEntryBytes) {
    db.errors.push(`${p}: larger than ${limitsOf(options).maxEntryBytes} bytes; skipped`);
    return;
  }
  if (keptTooMuch(db, p, options)) return;
  const data = await readFile(p).catch((e: unknown) => {
    db.errors.push(`${p}: cannot be read (${errorMessage(e)}); skipped`);
    return undefined;
  });
  if (data === undefined) return;
  db.sources.push(p);
  if (lower.endsWith('.zip')) addZip(db, data, p, options, await import('./zip-reader.js'));
  else addJson(db, data, p, options);
}

/** Loads a directory, JSON file or zip; never throws (problems are in `errors`). */
export async function loadOsvDb(location: string, options: LoadOsvOptions = {}): Promise<OsvDb> {
  const db = emptyOsvDb();
  await addPath(db, location, 0, options, { files: limitsOf(options).maxFiles });
  return db;
}

/** How an error names a record: by its id when it has one. */
function recordName(r: unknown): string {
  const id = typeof r === 'object' && r !== null ? (r as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? `record ${JSON.stringify(id.slice(0, 100))}` : 'a record';
}
