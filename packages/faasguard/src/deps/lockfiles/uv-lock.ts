/**
 * uv.lock: `[[package]]` tables with a `source` (registry, git, url, path, directory,
 * editable, virtual), `dependencies` lists, `optional-dependencies` and
 * `dev-dependencies` groups. The project itself is the package whose source is
 * `editable` or `virtual` at the importer path (`.` by default); it supplies the roots.
 */
import type { Dependency, DependencyScope, Lockfile, ParseOptions, SourceKind } from '../types.js';
import { isRecord, label, normalizePyName, str, urlHost, guarded } from './common.js';
import { walkGraph, type GraphEdge, type GraphNode, type GraphRoot } from './graph.js';
import { packageTables, parseTomlLock } from './toml.js';
import { directPath } from '../dependency-path.js';

/** Never throws: malformed or hostile input comes back as errors with file and line. */
export function parseUvLock(text: string, file: string, options: ParseOptions = {}): Lockfile {
  return guarded<Lockfile>({ path: file, format: 'uv-lock', ecosystem: 'PyPI', dependencies: [], errors: [] }, () => parseUvLockUnguarded(text, file, options));
}

function parseUvLockUnguarded(text: string, file: string, options: ParseOptions = {}): Lockfile {
  const result: Lockfile = { path: file, format: 'uv-lock', ecosystem: 'PyPI', dependencies: [], errors: [] };
  const toml = parseTomlLock(text, file);
  result.errors.push(...toml.errors);
  if (!toml.doc) return result;
  const pkgs = packageTables(toml.doc);
  const keyOf = (p: unknown): string => `${normalizePyName(str(p, 'name') ?? '')}@${str(p, 'version') ?? ''}`;
  const byName = new Map<string, string>();
  for (const p of pkgs) if (!byName.has(normalizePyName(str(p, 'name') ?? ''))) byName.set(normalizePyName(str(p, 'name') ?? ''), keyOf(p));
  // Edges name a version only when several versions of the package are locked.
  const target = (d: unknown): string | undefined => (str(d, 'version') ? keyOf(d) : byName.get(normalizePyName(str(d, 'name') ?? '')));

  const importer = options.importer ?? '.';
  const isProject = (p: Record<string, unknown>): boolean => [str(p.source, 'editable'), str(p.source, 'virtual')].includes(importer);
  const project = pkgs.find(isProject);
  if (!project) result.errors.push({ file, line: 1, message: `no project package with source "${importer}"; roots guessed` });

  const nodes = new Map<string, GraphNode>();
  for (const p of pkgs) {
    if (p === project) continue;
    const edges: GraphEdge[] = [...listEdges(p.dependencies, target, false), ...groupEdges(p['optional-dependencies'], target, true)];
    nodes.set(keyOf(p), { label: label(normalizePyName(str(p, 'name') ?? ''), str(p, 'version')), edges });
  }
  const roots = project ? projectRoots(project, target) : orphanRoots(nodes);
  const reach = walkGraph(nodes, roots);

  pkgs.forEach((p, i) => {
    if (p === project) return;
    const key = keyOf(p);
    const r = reach.get(key);
    const src = sourceOf(p.source);
    result.dependencies.push({
      ecosystem: 'PyPI',
      name: normalizePyName(str(p, 'name') ?? ''),
      version: str(p, 'version'),
      scope: r?.scope ?? 'prod',
      direct: r?.direct ?? false,
      path: r?.path ?? directPath(nodes.get(key)?.label ?? key),
      resolved: src.url,
      integrity: hashesOf(p),
      source: src.kind,
      registryHost: src.kind === 'registry' ? urlHost(src.url) : undefined,
      lockfile: file,
      line: toml.packageLines[i],
    });
  });
  return result;
}

function listEdges(list: unknown, target: (d: unknown) => string | undefined, optional: boolean): GraphEdge[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((d) => {
    const to = target(d);
    return to ? [{ to, optional }] : [];
  });
}

function groupEdges(groups: unknown, target: (d: unknown) => string | undefined, optional: boolean): GraphEdge[] {
  if (!isRecord(groups)) return [];
  return Object.values(groups).flatMap((l) => listEdges(l, target, optional));
}

function projectRoots(project: Record<string, unknown>, target: (d: unknown) => string | undefined): GraphRoot[] {
  const as = (edges: GraphEdge[], scope: DependencyScope): GraphRoot[] => edges.map((e) => ({ to: e.to, scope }));
  return [
    ...as(listEdges(project.dependencies, target, false), 'prod'),
    ...as(groupEdges(project['optional-dependencies'], target, true), 'optional'),
    ...as(groupEdges(project['dev-dependencies'], target, false), 'dev'),
  ];
}

function orphanRoots(nodes: Map<string, GraphNode>): GraphRoot[] {
  const required = new Set([...nodes.values()].flatMap((n) => n.edges.map((e) => e.to)));
  return [...nodes.keys()].filter((k) => !required.has(k)).map((to) => ({ to, scope: 'prod' as const }));
}

function sourceOf(source: unknown): { kind: SourceKind; url?: string } {
  const registry = str(source, 'registry');
  if (registry) return /^https?:/.test(registry) ? { kind: 'registry', url: registry } : { kind: 'path', url: registry };
  const git = str(source, 'git');
  if (git) return { kind: 'git', url: git };
  const url = str(source, 'url');
  if (url) return { kind: 'tarball', url };
  const p = str(source, 'path') ?? str(source, 'directory') ?? str(source, 'editable') ?? str(source, 'virtual');
  return { kind: 'path', url: p };
}

function hashesOf(p: Record<string, unknown>): string | undefined {
  const hashes: string[] = [];
  const sdist = str(p.sdist, 'hash');
  if (sdist) hashes.push(sdist);
  if (Array.isArray(p.wheels)) for (const w of p.wheels) if (str(w, 'hash')) hashes.push(str(w, 'hash')!);
  return hashes.length ? hashes.join(' ') : undefined;
}
