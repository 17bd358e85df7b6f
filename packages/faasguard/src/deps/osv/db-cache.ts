/**
 * `faasguard db update`: downloads OSV's per-ecosystem exports
 * (`<baseUrl>/<Ecosystem>/all.zip`) into a local cache and records when, so later
 * scans can use the cache by default and say how old it is.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { errorMessage, isRecord } from '../lockfiles/common.js';
import type { Ecosystem } from '../types.js';

export const DEFAULT_OSV_EXPORT_URL = 'https://osv-vulnerabilities.storage.googleapis.com';
export const DB_ECOSYSTEMS: Ecosystem[] = ['npm', 'PyPI'];
/** A cache older than this is reported as stale. */
export const STALE_AFTER_DAYS = 7;
/** Largest export accepted (1 GiB). */
export const MAX_EXPORT_BYTES = 1024 * 1024 * 1024;
const METADATA = 'metadata.json';

export interface DbMetadata {
  formatVersion: 1;
  /** Base URL the exports came from. */
  source: string;
  /** ISO time of the last successful update. */
  updatedAt: string;
  ecosystems: Partial<Record<Ecosystem, { file: string; bytes: number; sha256: string; updatedAt: string }>>;
}

export interface UpdateOptions {
  baseUrl?: string;
  cacheDir?: string;
  ecosystems?: Ecosystem[];
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
}

export interface UpdateResult {
  cacheDir: string;
  metadata?: DbMetadata;
  /** Ecosystems downloaded by this run. */
  updated: Ecosystem[];
  errors: string[];
}

export interface CachedDbStatus {
  cacheDir: string;
  present: boolean;
  updatedAt?: Date;
  /** Whole days since the update. */
  ageDays?: number;
  stale: boolean;
  /** The `all.zip` files present, to pass to loadOsvDb. */
  files: string[];
  metadata?: DbMetadata;
}

/** `$FAASGUARD_CACHE_DIR`, else `$XDG_CACHE_HOME/faasguard/osv`, else `~/.cache/faasguard/osv`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FAASGUARD_CACHE_DIR) return path.join(env.FAASGUARD_CACHE_DIR, 'osv');
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'faasguard', 'osv');
}

async function readMetadata(cacheDir: string): Promise<DbMetadata | undefined> {
  try {
    const m: unknown = JSON.parse(await readFile(path.join(cacheDir, METADATA), 'utf8'));
    return isRecord(m) && m.formatVersion === 1 && typeof m.updatedAt === 'string' ? (m as unknown as DbMetadata) : undefined;
  } catch {
    return undefined;
  }
}

async function download(url: string, timeoutMs: number, doFetch: typeof fetch): Promise<Uint8Array> {
  const res = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_EXPORT_BYTES) throw new Error(`GET ${url}: larger than ${MAX_EXPORT_BYTES} bytes`);
  const data = new Uint8Array(await res.arrayBuffer());
  if (data.length > MAX_EXPORT_BYTES) throw new Error(`GET ${url}: larger than ${MAX_EXPORT_BYTES} bytes`);
  // Every zip starts with a local file header ("PK\x03\x04"); anything else is an error page.
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b || data[2] !== 3 || data[3] !== 4) throw new Error(`GET ${url}: not a zip file`);
  return data;
}

/** Downloads each ecosystem's export; a failed one keeps its previous copy. */
export async function updateDb(options: UpdateOptions = {}): Promise<UpdateResult> {
  const baseUrl = (options.baseUrl ?? DEFAULT_OSV_EXPORT_URL).replace(/\/+$/, '');
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const now = (options.now ?? (() => new Date()))();
  const result: UpdateResult = { cacheDir, updated: [], errors: [] };
  const previous = await readMetadata(cacheDir);
  const metadata: DbMetadata = { formatVersion: 1, source: baseUrl, updatedAt: now.toISOString(), ecosystems: { ...(previous?.ecosystems ?? {}) } };
  for (const eco of options.ecosystems ?? DB_ECOSYSTEMS) {
    try {
      const data = await download(`${baseUrl}/${encodeURIComponent(eco)}/all.zip`, options.timeoutMs ?? 300_000, options.fetch ?? globalThis.fetch);
      const dir = path.join(cacheDir, eco);
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, 'all.zip');
      await writeFile(`${file}.tmp`, data);
      await rename(`${file}.tmp`, file);
      metadata.ecosystems[eco] = { file: path.join(eco, 'all.zip'), bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), updatedAt: now.toISOString() };
      result.updated.push(eco);
    } catch (e) {
      result.errors.push(`${eco}: ${errorMessage(e)}`);
    }
  }
  if (result.updated.length === 0) return { ...result, metadata: previous };
  // The recorded date is that of the oldest ecosystem, so a partial update never hides stale data.
  const dates = Object.values(metadata.ecosystems).map((e) => e!.updatedAt).sort();
  metadata.updatedAt = dates[0] ?? metadata.updatedAt;
  await writeFile(path.join(cacheDir, METADATA), JSON.stringify(metadata, null, 2) + '\n');
  result.metadata = metadata;
  return result;
}

/** What the cache holds and how old it is; never throws. */
export async function openCachedDb(options: { cacheDir?: string; now?: Date; staleAfterDays?: number } = {}): Promise<CachedDbStatus> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const metadata = await readMetadata(cacheDir);
  if (!metadata) return { cacheDir, present: false, stale: false, files: [] };
  const files: string[] = [];
  for (const e of Object.values(metadata.ecosystems)) {
    const file = path.join(cacheDir, e!.file);
    if (await stat(file).then((s) => s.isFile(), () => false)) files.push(file);
  }
  const updatedAt = new Date(metadata.updatedAt);
  const now = options.now ?? new Date();
  const ageMs = Math.max(0, now.getTime() - updatedAt.getTime());
  const ageDays = Math.floor(ageMs / 86_400_000);
  const stale = ageMs > (options.staleAfterDays ?? STALE_AFTER_DAYS) * 86_400_000;
  return { cacheDir, present: files.length > 0, updatedAt, ageDays, stale, files, metadata };
}
