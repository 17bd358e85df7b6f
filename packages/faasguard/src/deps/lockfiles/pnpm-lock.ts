/**
 * pnpm-lock.yaml, lockfile versions 5.x, 6.x and 9.x.
 * v9 splits package metadata (`packages`) from the resolved graph (`snapshots`);
 * earlier versions keep both in `packages`, keyed `/name@version` (v6) or `/name/version` (v5).
 */
import type { Dependency, DependencyScope, Lockfile, ParseOptions, SourceKind } from '../types.js';
import { isRecord, label, looksLikeRegistryTarball, str, urlHost, guarded } from './common.js';
import { walkGraph, type GraphEdge, type GraphNode, type GraphRoot } from './graph.js';
import { parseYaml, yamlKeyLines } from './yaml-doc.js';
import { directPath } from '../dependency-path.js';

type Major = 5 | 6 | 9;

interface ImporterDeps {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
}

/** Never throws: malformed or hostile input comes back as errors with file and line. */
export function parsePnpmLock(text: string, file: string, options: ParseOptions = {}): Lockfile {
  return guarded<Lockfile>({ path: file, format: 'pnpm', ecosystem: 'npm', dependencies: [], errors: [] }, () => parsePnpmLockUnguarded(text, file, options));
}

function parsePnpmLockUnguarded(text: string, file: string, options: ParseOptions = {}): Lockfile {
  const result: Lockfile = { path: file, format: 'pnpm', ecosystem: 'npm', dependencies: [], errors: [] };
  const y = parseYaml(text, file);
  result.errors.push(...y.errors);
  if (y.errors.length > 0) return result;
  const doc = y.value;
  if (!isRecord(doc)) {
    result.errors.push({ file, line: 1, message: 'pnpm-lock.yaml is not a YAML mapping' });
    return result;
  }
  const major = majorOf(doc.lockfileVersion);
  const importers = selectImporters(doc, options.importer ?? '.', major);
  if (!importers) result.errors.push({ file, line: 1, message: `importer "${options.importer}" not found; all importers used` });
  const packages = isRecord(doc.packages) ? doc.packages : {};
  const snapshots = major === 9 && isRecord(doc.snapshots) ? doc.snapshots : packages;
  const lines = yamlKeyLines(y, 'packages');
  const deps = build(importers ?? allImporters(doc, major), packages, snapshots, lines, major, file);
  // With several importers, packages the selected one cannot reach belong to the others.
  const several = isRecord(doc.importers) && Object.keys(doc.importers).length > 1;
  const kept = importers && several ? deps.filter((d) => d.reached) : deps;
  result.dependencies = kept.map(({ reached: _reached, ...d }) => d);
  return result;
}

function majorOf(v: unknown): Major {
  const n = parseFloat(String(v ?? '9'));
  if (n >= 9) return 9;
  if (n >= 6) return 6;
  return 5;
}

/** Dependency maps of an importer, with v5/v6 `{specifier, version}` and plain-string forms alike. */
function importerDeps(o: unknown): ImporterDeps {
  const pick = (key: string): Record<string, string> => {
    const out: Record<string, string> = {};
    const m = isRecord(o) ? o[key] : undefined;
    if (!isRecord(m)) return out;
    for (const [name, v] of Object.entries(m)) {
      const version = typeof v === 'string' ? v : str(v, 'version');
      if (version) out[name] = version;
    }
    return out;
  };
  return { dependencies: pick('dependencies'), devDependencies: pick('devDependencies'), optionalDependencies: pick('optionalDependencies') };
}

function selectImporters(doc: Record<string, unknown>, importer: string, major: Major): ImporterDeps[] | undefined {
  if (!isRecord(doc.importers)) return importer === '.' || major === 9 ? [importerDeps(doc)] : undefined;
  const one = doc.importers[importer];
  return one === undefined ? undefined : [importerDeps(one)];
}

function allImporters(doc: Record<string, unknown>, _major: Major): ImporterDeps[] {
  if (!isRecord(doc.importers)) return [importerDeps(doc)];
  return Object.values(doc.importers).map(importerDeps);
}

/** Snapshot/package key that a `(name, version reference)` pair points to. */
function keyFor(name: string, ref: string, major: Major): string | undefined {
  if (ref.startsWith('link:')) return undefined;
  if (major === 9) {
    if (ref.startsWith('file:') || ref.startsWith('http')) return `${name}@${ref}`;
    // npm aliases appear as `realname@version`.
    const base = ref.split('(')[0]!;
    return base.indexOf('@', 1) > 0 ? ref : `${name}@${ref}`;
  }
  if (ref.startsWith('/') || ref.startsWith('file:') || ref.includes(':')) return ref;
  return major === 6 ? `/${name}@${ref}` : `/${name}/${ref}`;
}

/** Drops peer-dependency qualifiers: `(peer@1)` in v6/v9, `_peer@1` in v5. */
function stripPeers(key: string, major: Major): string {
  const paren = key.indexOf('(');
  let k = paren < 0 ? key : key.slice(0, paren);
  if (major === 5) {
    const us = k.indexOf('_', k.lastIndexOf('/') + 1);
    if (us > 0) k = k.slice(0, us);
  }
  return k;
}

/** Name and version encoded in a package key. */
function nameVersion(key: string, major: Major): { name: string; version: string } {
  const k = stripPeers(key, major).replace(/^\//, '');
  if (major === 5 && !k.startsWith('file:')) {
    const slash = k.lastIndexOf('/');
    return { name: k.slice(0, slash), version: k.slice(slash + 1) };
  }
  const at = k.indexOf('@', 1);
  return at < 0 ? { name: k, version: '' } : { name: k.slice(0, at), version: k.slice(at + 1) };
}

function sourceOf(resolution: unknown, name: string): { source: SourceKind; resolved?: string; integrity?: string; host?: string } {
  const integrity = str(resolution, 'integrity');
  const tarball = str(resolution, 'tarball');
  const type = str(resolution, 'type');
  if (type === 'git' || str(resolution, 'commit')) return { source: 'git', resolved: str(resolution, 'repo'), integrity };
  if (type === 'directory' || str(resolution, 'directory')) return { source: 'path', resolved: str(resolution, 'directory') };
  if (tarball?.startsWith('file:')) return { source: 'path', resolved: tarball, integrity };
  if (tarball && !looksLikeRegistryTarball(tarball, name)) return { source: 'tarball', resolved: tarball, integrity };
  return { source: 'registry', resolved: tarball, integrity, host: urlHost(tarball) };
}

type Built = Dependency & { reached?: boolean };

function build(
  importers: ImporterDeps[],
  packages: Record<string, unknown>,
  snapshots: Record<string, unknown>,
  lines: Map<string, number>,
  major: Major,
  file: string,
): Built[] {
  const nodes = new Map<string, GraphNode>();
  for (const [key, snap] of Object.entries(snapshots)) {
    const { name, version } = nameVersion(key, major);
    const meta = major === 9 ? packages[stripPeers(key, major)] : snap;
    const edges: GraphEdge[] = [];
    for (const [dep, ref] of Object.entries(refs(snap, 'dependencies'))) pushEdge(edges, keyFor(dep, ref, major), false);
    for (const [dep, ref] of Object.entries(refs(snap, 'optionalDependencies'))) pushEdge(edges, keyFor(dep, ref, major), true);
    nodes.set(key, { label: label(str(meta, 'name') ?? name, str(meta, 'version') ?? version), edges });
  }
  const roots: GraphRoot[] = [];
  const links: Built[] = [];
  const addRoots = (deps: Record<string, string>, scope: DependencyScope): void => {
    for (const [name, ref] of Object.entries(deps)) {
      const key = keyFor(name, ref, major);
      if (key) roots.push({ to: key, scope });
      else links.push(linkDependency(name, ref, scope, file));
    }
  };
  for (const imp of importers) {
    addRoots(imp.dependencies, 'prod');
    addRoots(imp.optionalDependencies, 'optional');
    addRoots(imp.devDependencies, 'dev');
  }
  const reach = walkGraph(nodes, roots);
  const out: Built[] = [];
  for (const [key, node] of nodes) {
    const snap = snapshots[key];
    const metaKey = stripPeers(key, major);
    const meta = major === 9 ? packages[metaKey] : snap;
    const { name, version } = nameVersion(key, major);
    const realName = str(meta, 'name') ?? name;
    const src = sourceOf(isRecord(meta) ? meta.resolution : undefined, realName);
    const r = reach.get(key);
    out.push({
      ecosystem: 'npm',
      name: realName,
      version: str(meta, 'version') ?? (src.source === 'registry' ? version : undefined),
      scope: scopeOf(major === 9 ? snap : meta, r?.scope),
      direct: r?.direct ?? false,
      path: r?.path ?? directPath(node.label),
      resolved: src.resolved,
      integrity: src.integrity,
      source: src.source,
      registryHost: src.host,
      hasInstallScript: isRecord(meta) && 'requiresBuild' in meta ? meta.requiresBuild === true : undefined,
      lockfile: file,
      line: lines.get(metaKey) ?? lines.get(key),
      reached: r !== undefined,
    });
  }
  return [...out, ...links];
}

function refs(o: unknown, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  const m = isRecord(o) ? o[key] : undefined;
  if (!isRecord(m)) return out;
  for (const [k, v] of Object.entries(m)) if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
  return out;
}

function pushEdge(edges: GraphEdge[], to: string | undefined, optional: boolean): void {
  if (to) edges.push({ to, optional });
}

/** Flags recorded by the lockfile (v5/v6 `dev`/`optional`, v9 snapshot `optional`) win over the walk. */
function scopeOf(flags: unknown, walked: DependencyScope | undefined): DependencyScope {
  if (isRecord(flags) && flags.dev === true) return 'dev';
  if (isRecord(flags) && flags.optional === true) return 'optional';
  if (isRecord(flags) && flags.dev === false) return 'prod';
  return walked ?? 'prod';
}

/** `link:` dependencies point at a folder in the workspace; nothing is fetched. */
function linkDependency(name: string, ref: string, scope: DependencyScope, file: string): Built {
  return { ecosystem: 'npm', name, version: undefined, scope, direct: true, path: directPath(name), resolved: ref, source: 'path', lockfile: file, reached: true };
}
