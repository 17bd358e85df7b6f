/**
 * What a scan's result depends on besides the files' content: the build of faasguard that runs
 * (its version and a hash of its code and data, so that a changed rule never reuses an old
 * result), the scan options, the scan date (deprecation rules), the values of the environment
 * variables the scan may read, and the identity of the vulnerability data.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultCacheDir } from '../deps/index.js';
import { SCAN_DATE_VARIABLE, scanDate } from '../rules/config/scan-date.js';
import { TOOL_VERSION } from '../version.js';
import { builtDataPath } from '../files/built-data.js';

/** Written by `scripts/build-id.mjs` at build time. */
const BUILD_ID_FILE = builtDataPath('build-id.json');

/** The scan options the key covers; functions (callbacks) are left out. */
export interface KeyedOptions {
  target: string;
  options: object;
  envVars?: readonly string[];
  osvDb?: string;
  cacheDir?: string;
  noCache?: boolean;
  /** Each rule that runs, with its severity (a configuration may change it) */
  ruleIds: readonly string[];
}

export function cacheKey(input: KeyedOptions, env: NodeJS.ProcessEnv = process.env): string {
  const parts = {
    tool: TOOL_VERSION,
    build: buildId(),
    target: path.resolve(input.target),
    options: JSON.stringify(input.options, plainValues),
    rules: input.ruleIds,
    date: dayOf(env),
    env: envValues(input.envVars ?? [], env),
    osvDb: input.osvDb === undefined ? undefined : fileIdentity(input.osvDb),
    vulnCache: input.noCache ? undefined : fileIdentity(path.join(input.cacheDir ?? defaultCacheDir(env), 'metadata.json')),
  };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The scan date; a malformed `FAASGUARD_NOW` is keyed as written (the rule that reads it reports it). */
function dayOf(env: NodeJS.ProcessEnv): string {
  try {
    return scanDate(env).toISOString().slice(0, 10);
  } catch {
    return `unparsed:${env[SCAN_DATE_VARIABLE] ?? ''}`;
  }
}

function buildId(): string {
  try {
    return (JSON.parse(readFileSync(BUILD_ID_FILE, 'utf8')) as { id: string }).id;
  } catch {
    // Without a build id (a build that skipped the script), nothing tells builds apart: a fresh
    // value per process means no reuse across processes rather than a stale one.
    return `unknown-${process.pid}-${Date.now()}`;
  }
}

/** Maps and Sets as entries, functions left out, so that equal options give equal text. */
function plainValues(_key: string, value: unknown): unknown {
  if (typeof value === 'function') return undefined;
  if (value instanceof Map) return [...value.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));
  if (value instanceof Set) return [...value].sort();
  return value;
}

/** `${env:…}` reads these; `*` allows all, so all count. */
function envValues(names: readonly string[], env: NodeJS.ProcessEnv): Array<[string, string | undefined]> {
  const wanted = names.includes('*') ? Object.keys(env) : [...names];
  return wanted.sort().map((n) => [n, env[n]]);
}

/** Size and modification time: enough to tell an updated data file, without reading gigabytes. */
function fileIdentity(file: string): string {
  try {
    const s = statSync(file);
    return s.isDirectory() ? `dir:${directoryIdentity(file)}` : `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** Every file's size and modification time under an OSV directory (edits in place leave the directory's own time alone). */
function directoryIdentity(dir: string): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const s = statSync(file);
    hash.update(`${file}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}
