/**
 * poetry.lock (lock-version 1.x and 2.x). Production versus development comes from
 * `category` (Poetry < 1.5) or `groups` (Poetry 2); when neither is recorded it comes
 * from walking the graph from the manifest's declared groups, if one is passed.
 */
import type { Dependency, DependencyScope, Lockfile, ParseOptions, SourceKind } from '../types.js';
import { isRecord, label, normalizePyName, str, urlHost, guarded } from './common.js';
import { walkGraph, type GraphNode, type GraphRoot } from './graph.js';
import { packageTables, parseTomlLock } from './toml.js';
import { directPath } from '../dependency-path.js';

/** Never throws: malformed or hostile input comes back as errors with file and line. */
export function parsePoetryLock(text: string, file: string, options: ParseOptions = {}): Lockfile {
  return guarded<Lockfile>({ path: file, format: 'poetry-lock', ecosystem: 'PyPI', dependencies: [], errors: [] }, () => parsePoetryLockUnguarded(text, file, options));
}

function parsePoetryLockUnguarded(text: string, file: string, options: ParseOptions = {}): Lockfile {
  const result: Lockfile = { path: file, format: 'poetry-lock', ecosystem: 'PyPI', dependencies: [], errors: [] };
  const toml = parseTomlLock(text, file);
  result.errors.push(...toml.errors);
  if (!toml.doc) return result;
  const pkgs = packageTables(toml.doc);
  const oldFiles = isRecord(toml.doc.metadata) && isRecord(toml.doc.metadata.files) ? toml.doc.metadata.files : {};

  const nodes = new Map<string, GraphNode>();
  for (const p of pkgs) {
    const name = normalizePyName(str(p, 'name') ?? '');
    const deps = isRecord(p.dependencies) ? Object.keys(p.dependencies) : [];
    nodes.set(name, { label: label(name, str(p, 'version')), edges: deps.map((d) => ({ to: normalizePyName(d), optional: isOptionalDep(p.dependencies, d) })) });
  }
  const reach = walkGraph(nodes, rootsFor(pkgs, nodes, options));

  pkgs.forEach((p, i) => {
    const name = normalizePyName(str(p, 'name') ?? '');
    const r = reach.get(name);
    const src = sourceOf(p.source);
    result.dependencies.push({
      ecosystem: 'PyPI',
      name,
      version: str(p, 'version'),
      scope: recordedScope(p) ?? r?.scope ?? 'prod',
      direct: r?.direct ?? false,
      path: r?.path ?? directPath(label(name, str(p, 'version'))),
      resolved: src.url,
      integrity: hashesOf(p.files ?? oldFiles[str(p, 'name') ?? ''] ?? oldFiles[name]),
      source: src.kind,
      registryHost: src.kind === 'registry' ? urlHost(src.url) : undefined,
      lockfile: file,
      line: toml.packageLines[i],
    });
  });
  return result;
}

function isOptionalDep(deps: unknown, name: string): boolean {
  const v = isRecord(deps) ? deps[name] : undefined;
  return isRecord(v) && v.optional === true;
}

/** `category`/`groups`/`optional` as written by Poetry; undefined when the lock is silent. */
function recordedScope(p: Record<string, unknown>): DependencyScope | undefined {
  const groups = Array.isArray(p.groups) ? p.groups.map(String) : undefined;
  const category = str(p, 'category');
  let scope: DependencyScope | undefined;
  if (groups) scope = groups.includes('main') ? 'prod' : 'dev';
  else if (category) scope = category === 'main' ? 'prod' : 'dev';
  if (scope === 'prod' && p.optional === true) return 'optional';
  return scope;
}

/** The manifest's declared groups, or else packages nothing else depends on. */
function rootsFor(pkgs: Record<string, unknown>[], nodes: Map<string, GraphNode>, options: ParseOptions): GraphRoot[] {
  const m = options.manifest;
  if (m) {
    const roots: GraphRoot[] = [];
    const add = (deps: Record<string, string>, scope: DependencyScope): void => {
      for (const n of Object.keys(deps)) roots.push({ to: normalizePyName(n), scope });
    };
    add(m.dependencies, 'prod');
    add(m.optionalDependencies, 'optional');
    add(m.devDependencies, 'dev');
    return roots;
  }
  const required = new Set([...nodes.values()].flatMap((n) => n.edges.map((e) => e.to)));
  return pkgs
    .map((p) => ({ to: normalizePyName(str(p, 'name') ?? ''), scope: recordedScope(p) ?? ('prod' as DependencyScope) }))
    .filter((r) => !required.has(r.to));
}

function sourceOf(source: unknown): { kind: SourceKind; url?: string } {
  const type = str(source, 'type');
  const url = str(source, 'url');
  if (!type) return { kind: 'registry' };
  if (type === 'git') return { kind: 'git', url: url && str(source, 'resolved_reference') ? `${url}@${str(source, 'resolved_reference')}` : url };
  if (type === 'url') return { kind: 'tarball', url };
  if (type === 'file' || type === 'directory') return { kind: 'path', url };
  return { kind: 'registry', url };
}

function hashesOf(files: unknown): string | undefined {
  if (!Array.isArray(files)) return undefined;
  const hashes = files.map((f) => str(f, 'hash')).filter((h): h is string => !!h);
  return hashes.length ? hashes.join(' ') : undefined;
}
