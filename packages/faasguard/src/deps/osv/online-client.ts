/**
 * Client for the OSV query API: `POST /v1/querybatch` finds which records affect each
 * package version (ids only, paged), then `GET /v1/vulns/{id}` fetches each record once.
 * The records are then evaluated locally by the same matcher as offline data, so both
 * modes report identical fields. Uses Node's global fetch; the base URL is configurable.
 */
import { errorMessage } from '../lockfiles/common.js';
import type { Dependency } from '../types.js';
import { isOsvVulnerability, type OsvVulnerability } from './osv-types.js';
import { compareNames } from '../../util/compare-text.js';

export const DEFAULT_OSV_API_URL = 'https://api.osv.dev';
/** The API accepts at most 1000 queries per batch. */
export const MAX_BATCH = 1000;

export interface OnlineOptions {
  baseUrl?: string;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
  /** Queries per batch, capped at MAX_BATCH. */
  batchSize?: number;
  /** Parallel record downloads (default 4). */
  concurrency?: number;
  /** Most pages followed for one query (default 10). */
  maxPages?: number;
  /** Replaceable for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface OnlineResult {
  vulns: OsvVulnerability[];
  /** Ids the API reported for each queried `ecosystem\0name\0version`. */
  idsByQuery: Map<string, string[]>;
  errors: string[];
  queried: number;
}

interface Query {
  package: { name: string; ecosystem: string };
  version: string;
  page_token?: string;
}

function queryKey(q: Query): string {
  return `${q.package.ecosystem}\u0000${q.package.name}\u0000${q.version}`;
}

/** Distinct name/version pairs worth asking about (unpinned packages cannot be queried). */
export function queriesFor(deps: readonly Dependency[]): Query[] {
  const seen = new Map<string, Query>();
  for (const d of deps) {
    if (!d.version) continue;
    const q: Query = { package: { name: d.name, ecosystem: d.ecosystem }, version: d.version };
    seen.set(queryKey(q), q);
  }
  return [...seen.values()];
}

async function request(url: string, init: RequestInit, o: Required<Pick<OnlineOptions, 'timeoutMs'>> & { fetch: typeof fetch }): Promise<unknown> {
  const res = await o.fetch(url, { ...init, signal: AbortSignal.timeout(o.timeoutMs) });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: HTTP ${res.status}`);
  return res.json();
}

export async function queryOsvOnline(deps: readonly Dependency[], options: OnlineOptions = {}): Promise<OnlineResult> {
  const base = (options.baseUrl ?? DEFAULT_OSV_API_URL).replace(/\/+$/, '');
  const o = { timeoutMs: options.timeoutMs ?? 30_000, fetch: options.fetch ?? globalThis.fetch };
  const size = Math.max(1, Math.min(options.batchSize ?? MAX_BATCH, MAX_BATCH));
  const result: OnlineResult = { vulns: [], idsByQuery: new Map(), errors: [], queried: 0 };
  let pending = queriesFor(deps);
  result.queried = pending.length;
  for (let page = 0; pending.length > 0 && page < (options.maxPages ?? 10); page++) {
    const next: Query[] = [];
    for (let i = 0; i < pending.length; i += size) {
      const batch = pending.slice(i, i + size);
      try {
        next.push(...(await runBatch(base, batch, o, result)));
      } catch (e) {
        result.errors.push(`querybatch failed: ${errorMessage(e)}`);
      }
    }
    pending = next;
  }
  if (pending.length > 0) result.errors.push(`${pending.length} queries still had more pages; results may be incomplete`);
  const ids = [...new Set([...result.idsByQuery.values()].flat())].sort();
  result.vulns = await fetchRecords(base, ids, options.concurrency ?? 4, o, result.errors);
  return result;
}

/** Runs one batch; returns the queries that have another page. */
async function runBatch(base: string, batch: Query[], o: { timeoutMs: number; fetch: typeof fetch }, result: OnlineResult): Promise<Query[]> {
  const body = await request(`${base}/v1/querybatch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ queries: batch }),
  }, o);
  const results = (body as { results?: unknown }).results;
  if (!Array.isArray(results) || results.length !== batch.length) throw new Error('querybatch answer does not match the batch');
  const more: Query[] = [];
  results.forEach((r: { vulns?: { id?: unknown }[]; next_page_token?: unknown }, i) => {
    const q = batch[i]!;
    const ids = (r?.vulns ?? []).map((v) => v.id).filter((id): id is string => typeof id === 'string');
    const key = queryKey(q);
    result.idsByQuery.set(key, [...(result.idsByQuery.get(key) ?? []), ...ids]);
    if (typeof r?.next_page_token === 'string' && r.next_page_token) more.push({ ...q, page_token: r.next_page_token });
  });
  return more;
}

async function fetchRecords(base: string, ids: string[], concurrency: number, o: { timeoutMs: number; fetch: typeof fetch }, errors: string[]): Promise<OsvVulnerability[]> {
  const out: OsvVulnerability[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const id = ids[next++]!;
      try {
        const rec = await request(`${base}/v1/vulns/${encodeURIComponent(id)}`, { method: 'GET' }, o);
        if (isOsvVulnerability(rec)) out.push(rec);
        else errors.push(`record ${id}: not an OSV record`);
      } catch (e) {
        errors.push(`record ${id}: ${errorMessage(e)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, ids.length)) }, worker));
  return out.sort((a, b) => compareNames(a.id, b.id));
}
