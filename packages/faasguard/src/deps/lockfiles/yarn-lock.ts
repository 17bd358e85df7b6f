/**
 * yarn.lock, both the classic v1 syntax and the YAML used by yarn 2+ ("Berry").
 * Neither records which dependencies are for development, so scopes come from the
 * project manifest (package.json) when it is passed in; without it every package
 * reachable from the project is taken as production, the safe assumption for a scanner.
 */
import { LineIndex } from '../../parse/line-index.js';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Dependency, DependencyScope, Lockfile, ManifestDeps, ParseError, ParseOptions, SourceKind } from '../types.js';
import { classifyNpmSpec, errorMessage, isRecord, label, sizeError, str, strMap, urlHost, guarded } from './common.js';
import { walkGraph, type GraphNode, type GraphRoot } from './graph.js';
import { field, readYarnClassic, subMap } from './yarn-classic-syntax.js';
import { directPath } from '../dependency-path.js';

/** A lock entry normalised across both syntaxes. */
interface YarnEntry {
  descriptors: string[];
  name: string;
  version: string | undefined;
  resolved?: string;
  integrity?: string;
  /** Protocol part of the range/resolution (`npm:...`, `https://...`, `file:...`). */
  reference: string;
  deps: Record<string, string>;
  optionalDeps: Record<string, string>;
  line: number;
  workspace?: string;
}

/** Splits `name@range`, keeping the leading `@` of scoped names. */
export function splitDescriptor(d: string): { name: string; range: string } {
  const at = d.indexOf('@', 1);
  if (at < 0) return { name: d, range: '' };
  return { name: d.slice(0, at), range: d.slice(at + 1) };
}

/** Never throws: malformed or hostile input comes back as errors with file and line. */
export function parseYarnLock(text: string, file: string, options: ParseOptions = {}): Lockfile {
  return guarded<Lockfile>({ path: file, format: 'yarn-classic', ecosystem: 'npm', dependencies: [], errors: [] }, () => parseYarnLockUnguarded(text, file, options));
}

function parseYarnLockUnguarded(text: string, file: string, options: ParseOptions = {}): Lockfile {
  const berry = /^__metadata:/m.test(text);
  const result: Lockfile = { path: file, format: berry ? 'yarn-berry' : 'yarn-classic', ecosystem: 'npm', dependencies: [], errors: [] };
  const tooBig = sizeError(text, file);
  if (tooBig) {
    result.errors.push(tooBig);
    return result;
  }
  const { entries, errors } = berry ? readBerry(text, file) : readClassic(text, file);
  result.errors.push(...errors);
  result.dependencies = toDependencies(entries, file, berry, options);
  return result;
}

function readClassic(text: string, file: string): { entries: YarnEntry[]; errors: ParseError[] } {
  const { entries, errors } = readYarnClassic(text, file);
  const out: YarnEntry[] = entries.map((e) => {
    const first = splitDescriptor(e.keys[0] ?? '');
    return {
      descriptors: e.keys,
      name: first.name,
      version: field(e.body, 'version'),
      resolved: field(e.body, 'resolved'),
      integrity: field(e.body, 'integrity') ?? resolvedChecksum(field(e.body, 'resolved')),
      reference: first.range,
      deps: subMap(e.body, 'dependencies'),
      optionalDeps: subMap(e.body, 'optionalDependencies'),
      line: e.line,
    };
  });
  return { entries: out, errors };
}

/**
 * Yarn 1 wrote the package's SHA-1 as the `resolved` URL's fragment before it recorded
 * `integrity` (`…/ms-2.1.3.tgz#<40 hex>`), and still checks it at install: it is an integrity hash.
 */
function resolvedChecksum(resolved: string | undefined): string | undefined {
  const hex = /#([0-9a-f]{40})$/i.exec(resolved ?? '')?.[1];
  return hex ? `sha1-${Buffer.from(hex, 'hex').toString('base64')}` : undefined;
}

/** Strips Berry's `::locator=...` qualifier, which dependency maps do not repeat. */
function bareDescriptor(d: string): string {
  const i = d.indexOf('::');
  return i < 0 ? d : d.slice(0, i);
}

function readBerry(text: string, file: string): { entries: YarnEntry[]; errors: ParseError[] } {
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  let doc;
  try {
    doc = parseDocument(text, { uniqueKeys: false });
  } catch (e) {
    return { entries: [], errors: [{ file, line: 1, message: `invalid YAML: ${errorMessage(e)}` }] };
  }
  for (const err of doc.errors.slice(0, 5)) errors.push({ file, line: lines.lineNumber(err.pos[0]), message: `invalid YAML: ${err.message.split('\n')[0]}` });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return { entries: [], errors: errors.length ? errors : [{ file, line: 1, message: 'yarn.lock is not a YAML mapping' }] };
  const entries: YarnEntry[] = [];
  for (const item of doc.contents.items) {
    if (!isScalar(item.key) || typeof item.key.value !== 'string' || item.key.value === '__metadata') continue;
    const body: unknown = item.value && typeof (item.value as { toJSON?: unknown }).toJSON === 'function' ? (item.value as { toJSON(): unknown }).toJSON() : undefined;
    if (!isRecord(body)) continue;
    const descriptors = item.key.value.split(',').map((s) => s.trim()).filter(Boolean);
    const resolution = str(body, 'resolution') ?? descriptors[0] ?? '';
    const { name, range } = splitDescriptor(resolution);
    const version = body.version === undefined ? undefined : String(body.version);
    const meta = isRecord(body.dependenciesMeta) ? body.dependenciesMeta : {};
    const deps = strMap(body, 'dependencies');
    const optionalDeps: Record<string, string> = {};
    for (const [dep, m] of Object.entries(meta)) {
      if (isRecord(m) && m.optional === true && deps[dep] !== undefined) {
        optionalDeps[dep] = deps[dep]!;
        delete deps[dep];
      }
    }
    entries.push({
      descriptors: descriptors.flatMap((d) => [d, bareDescriptor(d)]),
      name,
      version,
      resolved: range.startsWith('npm:') ? undefined : range,
      integrity: str(body, 'checksum'),
      reference: range,
      deps,
      optionalDeps,
      line: lines.lineNumber(item.key.range?.[0] ?? 0),
      workspace: range.startsWith('workspace:') ? range.slice('workspace:'.length) : undefined,
    });
  }
  return { entries, errors };
}

function toDependencies(entries: YarnEntry[], file: string, berry: boolean, options: ParseOptions): Dependency[] {
  const byDescriptor = new Map<string, number>();
  entries.forEach((e, i) => e.descriptors.forEach((d) => byDescriptor.set(d, i)));
  const find = (name: string, range: string): number | undefined =>
    byDescriptor.get(`${name}@${range}`) ?? (berry ? byDescriptor.get(`${name}@npm:${range}`) : undefined);

  const nodes = new Map<string, GraphNode>();
  entries.forEach((e, i) => {
    if (e.workspace !== undefined) return;
    const edges = [
      ...Object.entries(e.deps).flatMap(([n, r]) => edge(find(n, r), false)),
      ...Object.entries(e.optionalDeps).flatMap(([n, r]) => edge(find(n, r), true)),
    ];
    nodes.set(String(i), { label: label(e.name, e.version), edges });
  });

  const roots = rootsFor(entries, find, berry, options);
  const reach = walkGraph(nodes, roots);
  const out: Dependency[] = [];
  // A workspace's own view leaves out what only its sibling workspaces use.
  const onlyReached = options.importer !== undefined && options.importer !== '.';
  for (const [key, node] of nodes) {
    const e = entries[Number(key)]!;
    const r = reach.get(key);
    if (onlyReached && !r) continue;
    const source = sourceOf(e, berry);
    out.push({
      ecosystem: 'npm',
      name: e.name,
      version: e.version,
      scope: r?.scope ?? 'prod',
      direct: r?.direct ?? false,
      path: r?.path ?? directPath(node.label),
      resolved: e.resolved,
      integrity: e.integrity,
      source,
      registryHost: source === 'registry' ? urlHost(e.resolved) : undefined,
      lockfile: file,
      line: e.line,
    });
  }
  return out;
}

function edge(to: number | undefined, optional: boolean) {
  return to === undefined ? [] : [{ to: String(to), optional }];
}

type Finder = (name: string, range: string) => number | undefined;

/** Project roots: the manifest if given, else the Berry workspace entry, else unrequired entries. */
function rootsFor(entries: YarnEntry[], find: Finder, berry: boolean, options: ParseOptions): GraphRoot[] {
  const manifest = options.manifest ?? (berry ? workspaceManifest(entries, options.importer ?? '.') : undefined);
  if (manifest) {
    const roots: GraphRoot[] = [];
    const add = (deps: Record<string, string>, scope: DependencyScope): void => {
      for (const [n, r] of Object.entries(deps)) {
        const i = find(n, r);
        if (i !== undefined) roots.push({ to: String(i), scope });
      }
    };
    add({ ...manifest.dependencies, ...(manifest.peerDependencies ?? {}) }, 'prod');
    add(manifest.optionalDependencies, 'optional');
    add(manifest.devDependencies, 'dev');
    return roots;
  }
  const required = new Set<number>();
  for (const e of entries) {
    for (const [n, r] of Object.entries({ ...e.deps, ...e.optionalDeps })) {
      const i = find(n, r);
      if (i !== undefined) required.add(i);
    }
  }
  return entries.flatMap((e, i) => (required.has(i) || e.workspace !== undefined ? [] : [{ to: String(i), scope: 'prod' as const }]));
}

/** Berry's workspace entry lists prod and dev dependencies together; all are taken as prod. */
function workspaceManifest(entries: YarnEntry[], importer: string): ManifestDeps | undefined {
  const ws = entries.find((e) => e.workspace === importer);
  if (!ws) return undefined;
  return { dependencies: ws.deps, devDependencies: {}, optionalDependencies: ws.optionalDeps };
}

function sourceOf(e: YarnEntry, berry: boolean): SourceKind {
  const ref = e.reference;
  if (berry) {
    if (ref.startsWith('npm:') || ref.startsWith('patch:')) return 'registry';
    if (ref.includes('#commit=') || ref.startsWith('git')) return 'git';
  }
  const fromRef = classifyNpmSpec(ref);
  if (fromRef) return fromRef;
  const fromResolved = classifyNpmSpec(e.resolved);
  if (fromResolved === 'git' || fromResolved === 'path') return fromResolved;
  if (e.resolved && /codeload\.github\.com|\/tarball\//.test(e.resolved)) return 'git';
  return 'registry';
}
