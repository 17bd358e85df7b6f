/**
 * Reads an offline OSV export: a directory of OSV JSON files (searched recursively,
 * so a cache holding `npm/all.zip` and `PyPI/all.zip` also works), a single JSON
 * file, or a zip such as the per-ecosystem `all.zip` OSV publishes. Zips are
 * inflated entry by entry, with limits on entry and total size.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import { errorMessage } from '../lockfiles/common.js';
import type { Ecosystem } from '../types.js';
import { packageKey, type OsvIndex } from './match.js';
import { isOsvVulnerability, type OsvVulnerability } from './osv-types.js';

export interface OsvDb extends OsvIndex {
  /** Records kept (after the ecosystem and package filters). */
  count: number;
  /** Files and zip entries that could not be read, with the reason. */
  errors: string[];
  /** Files read. */
  sources: string[];
}

export interface LoadOsvOptions {
  /** Keep only records for these ecosystems (default: npm and PyPI). */
  ecosystems?: Ecosystem[];
  /** Keep only records affecting these `packageKey`s; saves memory when the package set is known. */
  packages?: ReadonlySet<string>;
}

export const OSV_LIMITS = {
  /** Largest single JSON record accepted. */
  maxEntryBytes: 16 * 1024 * 1024,
  /** Most bytes inflated from one zip. */
  maxInflatedBytes: 4 * 1024 * 1024 * 1024,
  /** Most files visited in a directory tree. */
  maxFiles: 2_000_000,
  maxDepth: 8,
};

/** An empty index to add records to. */
export function emptyOsvDb(): OsvDb {
  return { byPackage: new Map(), count: 0, errors: [], sources: [] };
}

/** Adds one record under every package it affects, subject to the filters. */
export function addRecord(db: OsvDb, vuln: OsvVulnerability, options: LoadOsvOptions = {}): void {
  const ecosystems = new Set<string>(options.ecosystems ?? ['npm', 'PyPI']);
  const keys = new Set<string>();
  for (const a of vuln.affected ?? []) {
    if (!a.package || !ecosystems.has(a.package.ecosystem)) continue;
    const key = packageKey(a.package.ecosystem, a.package.name);
    if (!options.packages || options.packages.has(key)) keys.add(key);
  }
  if (keys.size === 0) return;
  // Long prose is not needed for findings; dropping it keeps a full export in memory cheaply.
  const slim: OsvVulnerability = { ...vuln, details: undefined };
  for (const key of keys) {
    const list = db.byPackage.get(key);
    if (list) list.push(slim);
    else db.byPackage.set(key, [slim]);
  }
  db.count++;
}

/** Builds an index from records already in memory (the online client uses this). */
export function buildOsvDb(vulns: Iterable<OsvVulnerability>, options: LoadOsvOptions = {}): OsvDb {
  const db = emptyOsvDb();
  for (const v of vulns) addRecord(db, v, options);
  return db;
}

function addJson(db: OsvDb, bytes: Uint8Array | string, where: string, options: LoadOsvOptions): void {
  try {
    const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
    const parsed: unknown = JSON.parse(text);
    const records = Array.isArray(parsed) ? parsed : [parsed];
    for (const r of records) {
      if (isOsvVulnerability(r)) addRecord(db, r, options);
      else db.errors.push(`${where}: not an OSV record`);
    }
  } catch (e) {
    db.errors.push(`${where}: ${errorMessage(e)}`);
  }
}

/** Inflates a zip held in memory, one entry at a time. */
export function addZip(db: OsvDb, data: Uint8Array, where: string, options: LoadOsvOptions = {}): void {
  // A zip starts with a local file header, or with the end record when it is empty.
  const sig = data.length >= 4 ? (data[0]! | (data[1]! << 8) | (data[2]! << 16) | (data[3]! << 24)) >>> 0 : 0;
  if (sig !== 0x04034b50 && sig !== 0x06054b50) {
    db.errors.push(`${where}: not a zip file`);
    return;
  }
  let inflated = 0;
  let stopped = false;
  const unzip = new Unzip((entry) => {
    if (stopped || !entry.name.endsWith('.json')) return;
    if (entry.originalSize !== undefined && entry.originalSize > OSV_LIMITS.maxEntryBytes) {
      db.errors.push(`${where}!${entry.name}: entry larger than ${OSV_LIMITS.maxEntryBytes} bytes; skipped`);
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    entry.ondata = (err, chunk, final) => {
      if (err) {
        db.errors.push(`${where}!${entry.name}: ${err.message}`);
        return;
      }
      size += chunk.length;
      inflated += chunk.length;
      if (size > OSV_LIMITS.maxEntryBytes || inflated > OSV_LIMITS.maxInflatedBytes) {
        if (!stopped) db.errors.push(`${where}: inflated size limit reached; remaining entries skipped`);
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
    if (depth > OSV_LIMITS.maxDepth) return;
    const names = (await readdir(p)).sort();
    for (const n of names) await addPath(db, path.join(p, n), depth + 1, options, budget);
    return;
  }
  const lower = p.toLowerCase();
  if (!lower.endsWith('.json') && !lower.endsWith('.zip')) return;
  if (lower.endsWith('.json') && info.size > OSV_LIMITS.maxEntryBytes) {
    db.errors.push(`${p}: larger than ${OSV_LIMITS.maxEntryBytes} bytes; skipped`);
    return;
  }
  const data = await readFile(p);
  db.sources.push(p);
  if (lower.endsWith('.zip')) addZip(db, data, p, options);
  else addJson(db, data, p, options);
}

/** Loads a directory, JSON file or zip; never throws (problems are in `errors`). */
export async function loadOsvDb(location: string, options: LoadOsvOptions = {}): Promise<OsvDb> {
  const db = emptyOsvDb();
  await addPath(db, location, 0, options, { files: OSV_LIMITS.maxFiles });
  return db;
}
