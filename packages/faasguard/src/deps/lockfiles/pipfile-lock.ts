/**
 * Pipfile.lock: JSON with `default` (production) and `develop` sections, each mapping
 * a package to its pinned `version` ("==x"), `hashes`, the `index` it came from, or a
 * `git`/`path`/`file` source. `_meta.sources` lists the configured indexes.
 */
import type { Dependency, DependencyScope, Lockfile, ParseOptions, SourceKind } from '../types.js';
import { isRecord, label, normalizePyName, str, urlHost, guarded } from './common.js';
import { keyLines, parseJson } from './json.js';
import { directPath } from '../dependency-path.js';

/** Never throws: malformed or hostile input comes back as errors with file and line. */
export function parsePipfileLock(text: string, file: string, options: ParseOptions = {}): Lockfile {
  return guarded<Lockfile>({ path: file, format: 'pipfile-lock', ecosystem: 'PyPI', dependencies: [], errors: [] }, () => parsePipfileLockUnguarded(text, file, options));
}

function parsePipfileLockUnguarded(text: string, file: string, options: ParseOptions = {}): Lockfile {
  const result: Lockfile = { path: file, format: 'pipfile-lock', ecosystem: 'PyPI', dependencies: [], errors: [], configuredIndexes: [] };
  const json = parseJson(text, file);
  result.errors.push(...json.errors);
  if (!isRecord(json.value)) return result;
  const doc = json.value;
  const sources = new Map<string, string>();
  const meta = isRecord(doc._meta) && Array.isArray(doc._meta.sources) ? doc._meta.sources : [];
  for (const s of meta) {
    const url = str(s, 'url');
    if (!url) continue;
    sources.set(str(s, 'name') ?? url, url);
    result.configuredIndexes!.push(url);
  }
  const declared = options.manifest;
  const seen = new Set<string>();
  for (const [section, scope] of [['default', 'prod'], ['develop', 'dev']] as const) {
    const entries = isRecord(doc[section]) ? doc[section] : {};
    const lines = keyLines(json, [section]);
    for (const [rawName, e] of Object.entries(entries)) {
      const name = normalizePyName(rawName);
      if (seen.has(name)) continue; // listed in both: production wins
      seen.add(name);
      const dep = entry(name, e, scope, file, sources);
      dep.line = lines.get(rawName);
      if (declared) dep.direct = Object.keys({ ...declared.dependencies, ...declared.devDependencies }).map(normalizePyName).includes(name);
      result.dependencies.push(dep);
    }
  }
  return result;
}

function entry(name: string, e: unknown, scope: DependencyScope, file: string, sources: Map<string, string>): Dependency {
  const raw = str(e, 'version');
  const version = raw?.replace(/^===?/, '');
  const hashes = isRecord(e) && Array.isArray(e.hashes) ? e.hashes.filter((h): h is string => typeof h === 'string') : [];
  const { kind, url } = sourceOf(e, sources);
  return {
    ecosystem: 'PyPI',
    name,
    version: kind === 'registry' ? version : undefined,
    scope,
    direct: true,
    path: directPath(label(name, kind === 'registry' ? version : undefined)),
    resolved: url,
    integrity: hashes.length ? hashes.join(' ') : undefined,
    source: kind,
    registryHost: kind === 'registry' ? urlHost(url) : undefined,
    lockfile: file,
  };
}

function sourceOf(e: unknown, sources: Map<string, string>): { kind: SourceKind; url?: string } {
  const git = str(e, 'git');
  if (git) return { kind: 'git', url: str(e, 'ref') ? `${git}@${str(e, 'ref')}` : git };
  const fileUrl = str(e, 'file');
  if (fileUrl) return /^https?:/.test(fileUrl) ? { kind: 'tarball', url: fileUrl } : { kind: 'path', url: fileUrl };
  const p = str(e, 'path');
  if (p) return { kind: 'path', url: p };
  const index = str(e, 'index');
  return { kind: 'registry', url: index ? sources.get(index) : undefined };
}
