/**
 * package-lock.json (lockfile versions 1, 2 and 3) and npm-shrinkwrap.json.
 * v2/v3 carry a flat `packages` map keyed by install location; v1 carries a nested
 * `dependencies` tree. Both are turned into the same location-keyed graph, and
 * dependencies are resolved the way Node resolves them: nearest `node_modules` upward.
 */
import type { Dependency, DependencyScope, Lockfile, ParseOptions, SourceKind } from '../types.js';
import { classifyNpmSpec, isRecord, label, looksLikeRegistryTarball, str, strMap, urlHost, guarded } from './common.js';
import { walkGraph, type GraphNode, type GraphRoot } from './graph.js';
import { keyLines, parseJson } from './json.js';
import { directPath } from '../dependency-path.js';

/** One package entry, whatever the lockfile version. */
interface Entry {
  location: string;
  name: string;
  version: string | undefined;
  resolved?: string;
  integrity?: string;
  dev: boolean;
  optional: boolean;
  devOptional: boolean;
  link: boolean;
  hasInstallScript?: boolean;
  deps: Record<string, string>;
  optionalDeps: Record<string, string>;
  line?: number;
}

const NM = 'node_modules/';

/** Never throws: malformed or hostile input comes back as errors with file and line. */
export function parseNpmLock(text: string, file: string, options: ParseOptions = {}): Lockfile {
  return guarded<Lockfile>({ path: file, format: file.endsWith('npm-shrinkwrap.json') ? 'npm-shrinkwrap' : 'package-lock', ecosystem: 'npm', dependencies: [], errors: [] }, () => parseNpmLockUnguarded(text, file, options));
}

function parseNpmLockUnguarded(text: string, file: string, options: ParseOptions = {}): Lockfile {
  const format = file.endsWith('npm-shrinkwrap.json') ? 'npm-shrinkwrap' : 'package-lock';
  const result: Lockfile = { path: file, format, ecosystem: 'npm', dependencies: [], errors: [] };
  const json = parseJson(text, file);
  result.errors.push(...json.errors);
  if (json.errors.length > 0) return result;
  const doc = json.value;
  if (!isRecord(doc)) {
    result.errors.push({ file, line: 1, message: 'package-lock is not a JSON object' });
    return result;
  }
  if (isRecord(doc.packages)) {
    result.dependencies = fromPackages(doc.packages, keyLines(json, ['packages']), file, options);
  } else if (isRecord(doc.dependencies)) {
    result.dependencies = fromV1(doc.dependencies, json, file, options);
  } else {
    result.errors.push({ file, line: 1, message: 'neither "packages" nor "dependencies" found: not a package-lock' });
  }
  return result;
}

/** Name of the package installed at a `node_modules` location. */
function nameFromLocation(location: string): string {
  const i = location.lastIndexOf(NM);
  return i < 0 ? location.split('/').pop() ?? location : location.slice(i + NM.length);
}

function fromPackages(packages: Record<string, unknown>, lines: Map<string, number>, file: string, options: ParseOptions): Dependency[] {
  const entries = new Map<string, Entry>();
  for (const [location, raw] of Object.entries(packages)) {
    if (!isRecord(raw)) continue;
    entries.set(location, {
      location,
      name: str(raw, 'name') ?? nameFromLocation(location),
      version: str(raw, 'version'),
      resolved: str(raw, 'resolved'),
      integrity: str(raw, 'integrity'),
      dev: raw.dev === true,
      optional: raw.optional === true,
      devOptional: raw.devOptional === true,
      link: raw.link === true,
      hasInstallScript: raw.hasInstallScript === true,
      deps: { ...strMap(raw, 'dependencies'), ...strMap(raw, 'peerDependencies') },
      optionalDeps: strMap(raw, 'optionalDependencies'),
      line: lines.get(location),
    });
  }
  const rootKey = options.importer && options.importer !== '.' ? options.importer : '';
  const root = entries.get(rootKey);
  const manifest = options.manifest ?? {
    dependencies: { ...strMap(packages[rootKey], 'dependencies'), ...strMap(packages[rootKey], 'peerDependencies') },
    devDependencies: strMap(packages[rootKey], 'devDependencies'),
    optionalDependencies: strMap(packages[rootKey], 'optionalDependencies'),
  };
  if (root) entries.delete(rootKey);
  return buildDependencies(entries, rootKey, manifest, file, true);
}

/** v1: flattens the nested `dependencies` tree into locations like v2 uses. */
function fromV1(tree: Record<string, unknown>, json: ReturnType<typeof parseJson>, file: string, options: ParseOptions): Dependency[] {
  const entries = new Map<string, Entry>();
  const required = new Set<string>();
  const visit = (deps: Record<string, unknown>, parent: string, jsonPath: string[], depth: number): void => {
    if (depth > 100) return;
    const lines = keyLines(json, jsonPath);
    for (const [name, raw] of Object.entries(deps)) {
      if (!isRecord(raw)) continue;
      const location = `${parent ? parent + '/' : ''}${NM}${name}`;
      const rawVersion = str(raw, 'version');
      const kind = classifyNpmSpec(rawVersion);
      const requires = strMap(raw, 'requires');
      for (const r of Object.keys(requires)) required.add(r);
      entries.set(location, {
        location,
        name,
        version: kind ? undefined : rawVersion,
        resolved: str(raw, 'resolved') ?? (kind ? rawVersion : undefined),
        integrity: str(raw, 'integrity'),
        dev: raw.dev === true,
        optional: raw.optional === true,
        devOptional: false,
        link: kind === 'path',
        deps: requires,
        optionalDeps: {},
        line: lines.get(name),
      });
      if (isRecord(raw.dependencies)) visit(raw.dependencies, location, [...jsonPath, name, 'dependencies'], depth + 1);
    }
  };
  visit(tree, '', ['dependencies'], 0);
  const manifest = options.manifest ?? guessV1Roots(tree, required);
  return buildDependencies(entries, '', manifest, file, false);
}

/** Without a manifest, v1's top-level entries that nothing requires are the project's own. */
function guessV1Roots(tree: Record<string, unknown>, required: Set<string>): NonNullable<ParseOptions['manifest']> {
  const m = { dependencies: {} as Record<string, string>, devDependencies: {} as Record<string, string>, optionalDependencies: {} as Record<string, string> };
  for (const [name, raw] of Object.entries(tree)) {
    if (required.has(name) || !isRecord(raw)) continue;
    const target = raw.dev === true ? m.devDependencies : raw.optional === true ? m.optionalDependencies : m.dependencies;
    target[name] = str(raw, 'version') ?? '*';
  }
  return m;
}

/** Node's lookup: `<from>/node_modules/<name>`, then each enclosing `node_modules`. */
function resolveFrom(entries: ReadonlyMap<string, Entry>, from: string, name: string): string | undefined {
  let base = from;
  for (let guard = 0; guard < 1000; guard++) {
    const candidate = `${base ? base + '/' : ''}${NM}${name}`;
    if (entries.has(candidate)) return candidate;
    if (base === '') return undefined;
    const i = base.lastIndexOf('/' + NM);
    base = i < 0 ? '' : base.slice(0, i);
  }
  return undefined;
}

/** Link entries point at a workspace or `file:` folder entry holding the real version. */
function linkTarget(entries: ReadonlyMap<string, Entry>, e: Entry): Entry | undefined {
  return e.link && e.resolved ? entries.get(e.resolved) : undefined;
}

function buildDependencies(
  entries: Map<string, Entry>,
  rootKey: string,
  manifest: NonNullable<ParseOptions['manifest']>,
  file: string,
  recordsInstallScripts: boolean,
): Dependency[] {
  const nodes = new Map<string, GraphNode>();
  const specOf = new Map<string, string>();
  for (const e of entries.values()) {
    if (!e.location.includes(NM)) continue; // folder entries are reached through their links
    const target = linkTarget(entries, e) ?? e;
    const from = target.location;
    const edges = [
      ...edgesFor(entries, from, target.deps, false, specOf),
      ...edgesFor(entries, from, target.optionalDeps, true, specOf),
    ];
    nodes.set(e.location, { label: label(e.name, target.version ?? e.version), edges });
  }
  const roots: GraphRoot[] = [];
  const addRoots = (deps: Record<string, string>, scope: DependencyScope): void => {
    for (const [name, spec] of Object.entries(deps)) {
      const to = resolveFrom(entries, rootKey, name);
      if (!to) continue;
      roots.push({ to, scope });
      if (!specOf.has(to) || classifyNpmSpec(spec)) specOf.set(to, spec);
    }
  };
  addRoots({ ...manifest.dependencies, ...(manifest.peerDependencies ?? {}) }, 'prod');
  addRoots(manifest.optionalDependencies, 'optional');
  addRoots(manifest.devDependencies, 'dev');
  const reach = walkGraph(nodes, roots);

  const out: Dependency[] = [];
  for (const [location, node] of nodes) {
    const e = entries.get(location)!;
    const target = linkTarget(entries, e) ?? e;
    const r = reach.get(location);
    // In a workspace lockfile, what the selected project cannot reach belongs to its siblings.
    if (!r && (rootKey !== '' || e.link)) continue;
    if (e.link && e.resolved === rootKey) continue;
    const source = sourceOf(e, specOf.get(location));
    out.push({
      ecosystem: 'npm',
      name: e.name,
      version: target.version ?? e.version,
      scope: scopeFromFlags(e),
      direct: r?.direct ?? false,
      path: r?.path ?? directPath(node.label),
      resolved: e.resolved,
      integrity: e.integrity,
      source,
      registryHost: source === 'registry' ? urlHost(e.resolved) : undefined,
      hasInstallScript: recordsInstallScripts ? (target.hasInstallScript ?? false) : undefined,
      lockfile: file,
      line: e.line,
    });
  }
  return out;
}

function edgesFor(entries: ReadonlyMap<string, Entry>, from: string, deps: Record<string, string>, optional: boolean, specOf: Map<string, string>) {
  const edges = [];
  for (const [name, spec] of Object.entries(deps)) {
    const to = resolveFrom(entries, from, name);
    if (!to) continue;
    edges.push({ to, optional });
    if (!specOf.has(to)) specOf.set(to, spec);
  }
  return edges;
}

function scopeFromFlags(e: Entry): DependencyScope {
  if (e.dev) return 'dev';
  if (e.optional || e.devOptional) return 'optional';
  return 'prod';
}

function sourceOf(e: Entry, spec: string | undefined): SourceKind {
  if (e.link) return 'path';
  const fromResolved = classifyNpmSpec(e.resolved);
  if (fromResolved === 'git' || fromResolved === 'path') return fromResolved;
  const fromSpec = classifyNpmSpec(spec);
  if (fromSpec) return fromSpec;
  if (e.resolved && fromResolved === 'tarball' && !looksLikeRegistryTarball(e.resolved, e.name)) return 'tarball';
  return 'registry';
}
