/**
 * The dependency analysis of a scan: the lockfiles of every deployed code directory (functions
 * and layers), read once per directory; known vulnerabilities looked up once over all of them,
 * so that data notices (age, staleness, no data) are said once; supply-chain checks per lockfile;
 * and declared-versus-imported packages per manifest. Problems reading inputs become diagnostics.
 */
import { exclusionMatcher, type Exclusion } from '../discover/exclude-globs.js';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  checkSupplyChain,
  findVulnerabilities,
  loadFunctionDependencies,
  newDependencyMemo,
  registryConfigFromNpmrc,
  type Dependency,
  type FunctionDependencies,
  type Notice,
  type RegistryConfig,
  type VulnScanOptions,
} from '../deps/index.js';
import type { DiscoveredFile } from '../discover/discover.js';
import type { ImportRef } from '../deps/imports.js';
import type { AppModel } from '../model/app-model.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { codeUnits, unitOwners, type CodeUnit } from './code-units.js';
import { FilesByDir } from './files-by-dir.js';
import type { DependencyFacts, DependencyUse } from './dependency-facts.js';
import { analyzeUsage, importedNames, readUnitImports } from './dependency-usage.js';
import { pushTo } from '../util/multimap.js';
import { readTextOrUndefined } from '../files/read-regular-file.js';
import type { DependencyPath } from '../deps/dependency-path.js';

/** Where vulnerability data comes from; see the CLI's `--osv-db`, `--online`, `--cache-dir`. */
export interface DependencyScanOptions extends Exclusion {
  osvDb?: string;
  online?: boolean;
  osvApiUrl?: string;
  cacheDir?: string;
  noCache?: boolean;
  /** Look up known vulnerabilities; off when no rule that runs reports them */
  vulnerabilities?: boolean;
  now?: Date;
}

export interface DependencyAnalysis {
  facts: DependencyFacts;
  diagnostics: Diagnostic[];
}

/** Layer code is often laid out as the runtime mounts it: `<ContentUri>/nodejs`, `<ContentUri>/python`. */
const LAYER_RUNTIME_DIRS = ['nodejs', 'python'];

/** `knownImports`: code files' imports already read (`file-scans-ahead.ts`); the others are read here. */
export async function analyzeDependencies(model: AppModel, root: string, files: readonly DiscoveredFile[], options: DependencyScanOptions = {}, knownImports?: ReadonlyMap<string, ImportRef[]>): Promise<DependencyAnalysis> {
  const facts: DependencyFacts = { dependencies: [], supplyChain: [], unused: [], undeclared: [] };
  const diagnostics: Diagnostic[] = [];
  const realRoot = await realpath(root).catch(() => undefined);
  const byDir = new FilesByDir(files, (f) => f.rel);
  const units = codeUnits(model).filter((u) => byDir.under(u.dir).length > 0);
  if (realRoot === undefined || units.length === 0) return { facts, diagnostics };
  const rel = (abs: string): string => path.relative(realRoot, abs).split(path.sep).join('/') || '.';

  const loaded = await loadUnits(units, realRoot, byDir, exclusionMatcher(path.resolve(root), options));
  const imports = new FilesByDir((await readUnitImports(units, files, knownImports)).values(), (fi) => fi.file);
  const uses = collectUses(units, loaded, rel);
  const names = new Map(units.map((u) => [u, importedNames(u, imports)]));
  const unitsOfLockfile = unitsByLockfile(loaded);
  for (const use of uses.values()) use.bundled = use.dependency.scope === 'dev' && isImported(use.dependency, unitsOfLockfile, names);
  facts.dependencies = [...uses.values()];
  diagnostics.push(...parseDiagnostics(loaded, rel));
  facts.supplyChain = await supplyChain(facts.dependencies, realRoot, layerContents(units, byDir));
  Object.assign(facts, await analyzeUsage(realRoot, units, files, imports, model));
  if (options.vulnerabilities && facts.dependencies.some((u) => u.dependency.version !== undefined)) {
    await addVulnerabilities(facts, options, diagnostics);
  }
  return { facts, diagnostics };
}

/** Each unit's lockfiles, read once per directory (a layer also from its runtime subdirectories). */
async function loadUnits(units: readonly CodeUnit[], root: string, files: FilesByDir<DiscoveredFile>, isExcluded: (rel: string) => boolean): Promise<Map<CodeUnit, FunctionDependencies[]>> {
  const byDir = new Map<string, FunctionDependencies>();
  const out = new Map<CodeUnit, FunctionDependencies[]>();
  const memo = newDependencyMemo();
  for (const unit of units) {
    const dirs = [unit.dir, ...(unit.layers.length > 0 ? LAYER_RUNTIME_DIRS.map((d) => path.posix.join(unit.dir, d)) : [])];
    const list: FunctionDependencies[] = [];
    for (const dir of dirs.filter((d) => files.under(d).length > 0)) {
      if (!byDir.has(dir)) byDir.set(dir, await loadFunctionDependencies(path.join(root, dir), root, isExcluded, memo));
      list.push(byDir.get(dir)!);
    }
    out.set(unit, list);
  }
  return out;
}

/** One use per lockfile entry, with every unit that deploys it. */
function collectUses(units: readonly CodeUnit[], loaded: Map<CodeUnit, FunctionDependencies[]>, rel: (abs: string) => string): Map<string, DependencyUse> {
  const uses = new Map<string, DependencyUse>();
  for (const unit of units) {
    for (const deps of loaded.get(unit) ?? []) {
      for (const dep of deps.lockfiles.flatMap((l) => l.dependencies)) {
        const key = useKey(dep.lockfile, dep.ecosystem, dep.name, dep.version, dep.path);
        const use = uses.get(key) ?? { dependency: dep, loc: { file: rel(dep.lockfile), line: dep.line ?? 0, column: dep.line ? 1 : 0 }, owners: [], bundled: false };
        uses.set(key, use);
        for (const o of unitOwners(unit)) if (!use.owners.includes(o)) use.owners.push(o);
      }
    }
  }
  return uses;
}

function useKey(lockfile: string, ecosystem: string, name: string, version: string | undefined, chain: DependencyPath): string {
  return [lockfile, ecosystem, name, version ?? '', chain.key].join('\u0000');
}

/** A development package is shipped anyway when the code of a unit that has it imports it: bundlers follow imports, not package.json groups. */
function isImported(dep: Dependency, unitsOfLockfile: Map<string, CodeUnit[]>, names: Map<CodeUnit, Set<string>>): boolean {
  const name = dep.ecosystem === 'PyPI' ? dep.name.toLowerCase() : dep.name;
  return (unitsOfLockfile.get(dep.lockfile) ?? []).some((unit) => names.get(unit)?.has(name));
}

/** The units each lockfile governs, in unit order: asked about for every development dependency. */
function unitsByLockfile(loaded: Map<CodeUnit, FunctionDependencies[]>): Map<string, CodeUnit[]> {
  const out = new Map<string, CodeUnit[]>();
  for (const [unit, deps] of loaded) {
    for (const lockfile of new Set(deps.flatMap((d) => d.lockfiles.map((l) => l.path)))) pushTo(out, lockfile, unit);
  }
  return out;
}

function parseDiagnostics(loaded: Map<CodeUnit, FunctionDependencies[]>, rel: (abs: string) => string): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of [...loaded.values()].flat().flatMap((d) => d.errors)) {
    const file = path.isAbsolute(e.file) ? rel(e.file) : e.file;
    const key = `${file}:${e.line ?? 0}:${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ severity: 'warning', code: 'dependency-input', message: e.message, loc: { file, line: e.line ?? 0, column: 0 } });
  }
  return out;
}

/**
 * What a layer's runtime folders (`<ContentUri>/python`, relative to the root) already hold: SAM
 * deploys such a folder as it is (it builds a layer only with a `BuildMethod`, and then from the
 * requirements at its `ContentUri`), so the versions deployed are those in it, whatever a
 * requirements file there allows. A folder with installed distributions
 * (`requests-2.28.2.dist-info`) is an install target whole (`all`); otherwise the packages copied
 * into it (`pymysql/__init__.py`), by normalized name, are deployed as they are.
 */
type LayerContents = 'all' | ReadonlySet<string>;

function layerContents(units: readonly CodeUnit[], files: FilesByDir<DiscoveredFile>): Map<string, LayerContents> {
  const out = new Map<string, LayerContents>();
  for (const unit of units) {
    if (unit.layers.length === 0) continue;
    for (const dir of LAYER_RUNTIME_DIRS.map((d) => path.posix.join(unit.dir, d))) {
      const entries = files.under(dir).map((f) => f.rel.slice(dir.length + 1).split('/'));
      if (entries.some((parts) => parts[0]!.endsWith('.dist-info'))) out.set(dir, 'all');
      else out.set(dir, new Set(entries.filter((parts) => parts.length === 2 && parts[1] === '__init__.py').map((parts) => normalizedPackage(parts[0]!))));
    }
  }
  return out;
}

/** PEP 503's comparison of names: case, `-`, `_` and `.` aside. */
function normalizedPackage(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function deployedAsCopied(contents: LayerContents | undefined, name: string): boolean {
  return contents === 'all' || (contents !== undefined && contents.has(normalizedPackage(name)));
}

/**
 * Supply-chain checks per lockfile, against the registry configured by the nearest .npmrc and the
 * file's own index options; an unpinned requirement is not reported where a layer's folder holds
 * what is deployed (see `layerContents`).
 */
async function supplyChain(uses: readonly DependencyUse[], root: string, layers: ReadonlyMap<string, LayerContents>): Promise<DependencyFacts['supplyChain']> {
  const byLockfile = new Map<string, DependencyUse[]>();
  for (const u of uses) pushTo(byLockfile, u.dependency.lockfile, u);
  const out: DependencyFacts['supplyChain'] = [];
  for (const [lockfile, list] of byLockfile) {
    const byKey = new Map(list.map((u) => [useKey(lockfile, u.dependency.ecosystem, u.dependency.name, u.dependency.version, u.dependency.path), u]));
    const registries = await registryConfig(lockfile, root);
    const contents = layers.get(path.relative(root, path.dirname(lockfile)).split(path.sep).join('/'));
    for (const result of checkSupplyChain(list.map((u) => u.dependency), { registries })) {
      if (result.kind === 'unpinned' && deployedAsCopied(contents, result.package)) continue;
      const use = byKey.get(useKey(result.location.file, result.ecosystem, result.package, result.version, result.path));
      if (use) out.push({ result, use });
    }
  }
  return out;
}

/** The npm registry from the nearest .npmrc at or above the lockfile, never above the root. */
async function registryConfig(lockfile: string, root: string): Promise<RegistryConfig> {
  for (let dir = path.dirname(lockfile); ; dir = path.dirname(dir)) {
    const file = path.join(dir, '.npmrc');
    if (await stat(file).then((s) => s.isFile(), () => false)) return registryConfigFromNpmrc(readTextOrUndefined(file) ?? '');
    if (dir === root || path.dirname(dir) === dir || !dir.startsWith(root)) return {};
  }
}

async function addVulnerabilities(facts: DependencyFacts, options: DependencyScanOptions, diagnostics: Diagnostic[]): Promise<void> {
  const byDep = new Map(facts.dependencies.map((u) => [u.dependency, u]));
  const vulnOptions: VulnScanOptions = {
    ...(options.osvDb ? { osvDb: options.osvDb } : {}),
    ...(options.online ? { online: options.osvApiUrl ? { baseUrl: options.osvApiUrl } : true } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(options.noCache ? { noCache: true } : {}),
    ...(options.now ? { now: options.now } : {}),
  };
  const result = await findVulnerabilities([...byDep.keys()], vulnOptions);
  facts.vulnerabilitySource = result.source;
  facts.vulnerabilities = result.matches.flatMap((match) => {
    const use = byDep.get(match.dependency);
    return use ? [{ match, use }] : [];
  });
  diagnostics.push(...result.notices.map(noticeDiagnostic));
}

function noticeDiagnostic(n: Notice): Diagnostic {
  return { severity: n.level === 'info' ? 'note' : 'warning', code: n.code, message: n.message, loc: { file: '.', line: 0, column: 0 } };
}
