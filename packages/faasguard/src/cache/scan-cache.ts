/**
 * The scan cache: a finished scan's findings and diagnostics, stored under a key of everything
 * the result depends on (see `cache-key.ts`) with the hashes of every file the scan read. A later
 * scan with the same key reuses them when no file was added, removed or changed; anything else is
 * a miss and a full scan. One entry per target and options: each scan replaces it; beyond
 * `MAX_ENTRIES` (other targets, options, days) the least recently written go.
 *
 * Entries are written to a temporary file and renamed, so that concurrent scans never read half
 * an entry; an entry that does not read back as expected is a miss.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../findings/finding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ScanAttackSurface } from '../scan/scan-result.js';
import { unchanged, type InputManifest } from './input-manifest.js';

const ENTRY_FORMAT = 3;

/** Entries kept; the key holds the scan date, so a daily CI run writes a new one each day. */
export const MAX_ENTRIES = 32;

/** What a cache entry keeps of a ScanResult (the rest is rebuilt: rule metadata, source reader). */
export interface CachedScan {
  templates: string[];
  findings: Finding[];
  suppressed: Finding[];
  diagnostics: Diagnostic[];
  /** The attack-surface map: a cached result has no model to draw it from */
  attackSurface: ScanAttackSurface;
}

interface Entry extends CachedScan {
  format: number;
  key: string;
  /** Files discovery listed, sorted */
  discovered: string[];
  /** Every file read, with its hash */
  inputs: InputManifest;
}

export class ScanCache {
  /** `maxBytes`: the scan's largest file; larger ones are compared by size only */
  constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
  ) {}

  /** The cached result when the same files, with the same content, were scanned under the same key. */
  lookup(key: string, root: string, discovered: readonly string[]): CachedScan | undefined {
    const entry = this.read(key);
    if (!entry || entry.discovered.length !== discovered.length) return undefined;
    if (!entry.discovered.every((rel, i) => rel === discovered[i])) return undefined;
    if (!unchanged(root, entry.inputs, this.maxBytes)) return undefined;
    return { templates: entry.templates, findings: entry.findings, suppressed: entry.suppressed, diagnostics: entry.diagnostics, attackSurface: entry.attackSurface };
  }

  store(key: string, discovered: readonly string[], inputs: InputManifest, result: CachedScan): void {
    const entry: Entry = { format: ENTRY_FORMAT, key, discovered: [...discovered], inputs, ...result };
    const file = this.fileOf(key);
    try {
      mkdirSync(this.dir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(entry));
      renameSync(temp, file);
      this.prune();
    } catch {
      // A cache that cannot be written (read-only home, full disk) only costs the next scan its speed.
    }
  }

  /** Removes the least recently written entries beyond `MAX_ENTRIES`. */
  private prune(): void {
    const entries = readdirSync(this.dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({ file: path.join(this.dir, name), written: statSync(path.join(this.dir, name)).mtimeMs }))
      .sort((a, b) => b.written - a.written);
    for (const old of entries.slice(MAX_ENTRIES)) rmSync(old.file, { force: true });
  }

  private read(key: string): Entry | undefined {
    try {
      const entry = JSON.parse(readFileSync(this.fileOf(key), 'utf8')) as Entry;
      return entry.format === ENTRY_FORMAT && entry.key === key && Array.isArray(entry.discovered) ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  private fileOf(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }
}

/** Where scans are cached unless told otherwise: beside the vulnerability data. */
export function defaultScanCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FAASGUARD_CACHE_DIR) return path.join(env.FAASGUARD_CACHE_DIR, 'scans');
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'faasguard', 'scans');
}
