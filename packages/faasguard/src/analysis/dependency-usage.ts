/**
 * Declared versus imported packages, per project manifest: every package a manifest declares
 * for production that no code file of that project imports is attack surface with no use, and
 * every import no manifest declares works only by accident. A manifest's project is the code of
 * every unit that has it as nearest manifest, minus directories with a manifest of their own.
 */
import { readTextOrUndefined } from '../util/read-text.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkUsage, manifestFromNames, normalizePyName, parseRequirementsText, readManifest, type Ecosystem, type Manifest } from '../deps/index.js';
import { codeLanguage, extractImports, MAX_IMPORT_SCAN_BYTES, type CodeLanguage, type ImportRef } from '../deps/imports.js';
import type { DiscoveredFile } from '../discover/discover.js';
import { pythonPackageFileTest, vendoredFileTest } from '../discover/vendored-files.js';
import type { AppModel, LambdaFunction, ModelElement } from '../model/app-model.js';
import { layerPackagesOf } from './layer-packages.js';
import { cdkInfrastructureTest, isTestOrBuildFile } from '../deps/build-only-files.js';
import { npmPackageName, runtimeProvidedFor } from '../deps/usage.js';
import type { SourceLocation } from '../model/location.js';
import { unitOwners, type CodeUnit } from './code-units.js';
import { FilesByDir, insideAny } from './files-by-dir.js';
import type { ImportPlace, UndeclaredImport, UnusedDeclaration } from './dependency-facts.js';
import { pushTo } from '../util/multimap.js';

/** The imports of one code file. */
export interface FileImports {
  file: string;
  language: CodeLanguage;
  imports: ImportRef[];
  /** A test, build configuration or CDK infrastructure file: read for what it uses, never deployed */
  notDeployedFile?: boolean;
}

const LANGUAGE_OF: Record<Ecosystem, CodeLanguage> = { npm: 'javascript', PyPI: 'python' };
const PY_MANIFESTS = ['pyproject.toml', 'Pipfile'];
const isRequirements = (name: string): boolean => /^([\w.-]*[-_.])?requirements([-_.][\w.-]*)?\.txt$/i.test(name);

/** Reads the imports of every code file under a unit, each file once; installed third-party packages are not the unit's code. */
export async function readUnitImports(units: readonly CodeUnit[], files: readonly DiscoveredFile[], known?: ReadonlyMap<string, ImportRef[]>): Promise<Map<string, FileImports>> {
  const out = new Map<string, FileImports>();
  const unitDirs = new Set(units.map((u) => u.dir));
  const vendored = vendoredFileTest(files);
  const cdkInfrastructure = cdkInfrastructureTest(files);
  for (const f of files) {
    const language = codeLanguage(f.rel);
    if (!language || f.size > MAX_IMPORT_SCAN_BYTES || !insideAny(f.rel, unitDirs) || vendored(f.rel)) continue;
    const imports = known?.get(f.rel) ?? readImports(f);
    // Test folders are looked for inside the code directory: a whole project may sit under a folder named `tests`.
    const notDeployedFile = isTestOrBuildFile(withinUnit(f.rel, unitDirs)) || cdkInfrastructure(f.rel);
    if (imports !== undefined) out.set(f.rel, { file: f.rel, language, imports, ...(notDeployedFile ? { notDeployedFile } : {}) });
  }
  return out;
}

function readImports(f: DiscoveredFile): ImportRef[] | undefined {
  const text = readTextOrUndefined(f.abs);
  return text === undefined ? undefined : extractImports(f.rel, text);
}

/** The file's path inside the deepest code directory holding it: its own directories are tried from the nearest up. */
function withinUnit(rel: string, unitDirs: ReadonlySet<string>): string {
  for (let slash = rel.lastIndexOf('/'); slash > 0; slash = rel.lastIndexOf('/', slash - 1)) {
    if (unitDirs.has(rel.slice(0, slash))) return rel.slice(slash + 1);
  }
  return rel;
}

/** Package names (npm) or top-level modules (Python) a unit's code imports, for "bundled anyway". */
export function importedNames(unit: CodeUnit, imports: FilesByDir<FileImports>): Set<string> {
  const names = new Set<string>();
  for (const fi of imports.under(unit.dir)) {
    for (const i of fi.imports) names.add(fi.language === 'python' ? i.specifier.split('.')[0]!.toLowerCase().replace(/_/g, '-') : npmName(i.specifier));
  }
  return names;
}

function npmName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Which files are manifests, by directory, per ecosystem. */
class ManifestIndex {
  private readonly byDir = new Map<string, string[]>();
  constructor(files: readonly DiscoveredFile[]) {
    for (const f of files) {
      const dir = path.posix.dirname(f.rel);
      pushTo(this.byDir, dir, path.posix.basename(f.rel));
    }
  }

  /** Manifest files of `ecosystem` in `dir`, preferred first (requirements files only when nothing else). */
  inDir(dir: string, ecosystem: Ecosystem): string[] {
    const names = this.byDir.get(dir) ?? [];
    if (ecosystem === 'npm') return names.includes('package.json') ? ['package.json'] : [];
    const declared = PY_MANIFESTS.filter((n) => names.includes(n));
    return declared.length > 0 ? declared.slice(0, 1) : names.filter(isRequirements).sort();
  }

  /** Nearest directory at or above `dir` holding a manifest of `ecosystem`. */
  nearest(dir: string, ecosystem: Ecosystem): string | undefined {
    for (let d = dir; ; d = path.posix.dirname(d)) {
      if (this.inDir(d, ecosystem).length > 0) return d;
      if (d === '.' || d === '' || d === '/') return undefined;
    }
  }
}

/** The code of one manifest's project, gathered over the units that use it. */
interface ManifestProject {
  ecosystem: Ecosystem;
  dir: string;
  files: FileImports[];
  owners: ModelElement[];
  /** Python: top-level modules of the project's own code */
  localModules: Set<string>;
  /** Some of its code is a layer's: the functions using the layer import its packages */
  layer: boolean;
}

function gatherProjects(units: readonly CodeUnit[], imports: FilesByDir<FileImports>, index: ManifestIndex): ManifestProject[] {
  const projects = new Map<string, ManifestProject>();
  const seen = new Map<ManifestProject, { owners: Set<ModelElement>; files: Set<FileImports> }>();
  for (const unit of units) {
    for (const ecosystem of ['npm', 'PyPI'] as const) {
      const dir = index.nearest(unit.dir, ecosystem);
      if (dir === undefined) continue;
      const key = `${ecosystem}\u0000${dir}`;
      const p = projects.get(key) ?? { ecosystem, dir, files: [], owners: [], localModules: new Set<string>(), layer: false };
      if (unit.layers.length > 0) p.layer = true;
      projects.set(key, p);
      const known = seen.get(p) ?? { owners: new Set<ModelElement>(), files: new Set<FileImports>() };
      seen.set(p, known);
      for (const o of unitOwners(unit)) if (!known.owners.has(o)) known.owners.add(o) && p.owners.push(o);
      for (const fi of imports.under(unit.dir)) {
        if (fi.language !== LANGUAGE_OF[ecosystem] || known.files.has(fi)) continue;
        if (index.nearest(path.posix.dirname(fi.file), ecosystem) !== dir) continue;
        known.files.add(fi);
        p.files.push(fi);
        if (ecosystem === 'PyPI') p.localModules.add(topLevelModule(fi.file, unit.dir));
      }
    }
  }
  return [...projects.values()];
}

/** `src/app/handler.py` in unit `src` is module `app`; `src/handler.py` is `handler`. */
function topLevelModule(file: string, dir: string): string {
  const rel = dir === '.' ? file : file.slice(dir.length + 1);
  return rel.split('/')[0]!.replace(/\.py$/i, '').toLowerCase();
}

/** One project's manifest with the text and file names needed to point at declarations. */
interface LoadedManifest {
  manifest: Manifest;
  /** The manifest file, relative to the root */
  file: string;
  /** Where a declared name is written */
  lineOf(name: string): SourceLocation;
}

async function loadManifest(root: string, project: ManifestProject, index: ManifestIndex): Promise<LoadedManifest | undefined> {
  const names = index.inDir(project.dir, project.ecosystem);
  const rel = (n: string): string => (project.dir === '.' ? n : `${project.dir}/${n}`);
  if (project.ecosystem === 'PyPI' && isRequirements(names[0] ?? '')) return loadRequirements(root, names.map(rel));
  const file = rel(names[0]!);
  const manifest = await readManifest(path.join(root, file));
  if (!manifest || manifest.errors.length > 0) return undefined;
  const text = (readTextOrUndefined(path.join(root, file)) ?? '').split('\n');
  return { manifest, file, lineOf: declarationIndex(file, text, project.ecosystem) };
}

/** Requirements files as a manifest: prod and dev names by file, each name at its line. */
async function loadRequirements(root: string, files: string[]): Promise<LoadedManifest> {
  const prod: string[] = [];
  const dev: string[] = [];
  const where = new Map<string, SourceLocation>();
  for (const file of files) {
    const text = readTextOrUndefined(path.join(root, file)) ?? '';
    for (const d of parseRequirementsText(text, file).dependencies) {
      (d.scope === 'dev' ? dev : prod).push(d.name);
      if (!where.has(d.name)) where.set(d.name, { file, line: d.line ?? 0, column: d.line ? 1 : 0 });
    }
  }
  return { manifest: manifestFromNames(files[0]!, 'PyPI', prod, dev), file: files[0]!, lineOf: (name) => where.get(name) ?? { file: files[0]!, line: 0, column: 0 } };
}

/**
 * The line declaring a name in a package.json, pyproject.toml or Pipfile (an npm `"name":` key, a
 * Python name followed by a version operator, a quote or the end of the line); the whole file when
 * not found. The text is indexed in one pass: a manifest can declare thousands of names, and each
 * unused one is pointed at.
 */
function declarationIndex(file: string, lines: readonly string[], ecosystem: Ecosystem): (name: string) => SourceLocation {
  const keyOf = ecosystem === 'npm' ? (n: string) => n : normalizePyName;
  const declaration = ecosystem === 'npm' ? /"((?:[^"\\]|\\.)*)"\s*:/g : /(?:^|["'\s])([A-Za-z0-9][A-Za-z0-9._-]*)(?=\s*[=<>~!;[,"']|\s*$)/g;
  const first = new Map<string, number>();
  lines.forEach((line, i) => {
    for (const m of line.matchAll(declaration)) if (!first.has(keyOf(m[1]!))) first.set(keyOf(m[1]!), i);
  });
  return (name) => {
    const i = first.get(keyOf(name));
    if (i === undefined) return { file, line: 0, column: 0 };
    return { file, line: i + 1, column: (lines[i]!.search(/\S/) ?? 0) + 1 };
  };
}

/**
 * Imports that need no production dependency: those of tests, build configuration and CDK
 * infrastructure code (marked by `notDeployedFile`), type-only imports, Python imports the code
 * runs without (`try: import ujson` / `except ImportError`), and in TypeScript an
 * undeclared import of a module that has types only (see TYPES_ONLY_MODULES). Whether another
 * import is used for its types alone is not known: `import { v4 } from 'uuid'` next to a
 * declared `@types/uuid` still needs `uuid` at run time.
 */
function notDeployed(ref: ImportRef & { file: string; notDeployedFile?: boolean }, manifest: Manifest): boolean {
  if (ref.notDeployedFile || ref.typeOnly || ref.optional) return true;
  if (!/\.[cm]?tsx?$/i.test(ref.file)) return false;
  const name = npmPackageName(ref.specifier);
  if (!name || !TYPES_ONLY_MODULES.has(name)) return false;
  const d = manifest.deps;
  return !(name in d.dependencies || name in d.devDependencies || name in d.optionalDependencies || name in (d.peerDependencies ?? {}));
}

/**
 * Modules that exist for their types alone: `aws-lambda` is the module `@types/aws-lambda`
 * declares (the event and handler types); the npm package of that name is an unrelated
 * command-line tool that no handler imports.
 */
const TYPES_ONLY_MODULES = new Set(['aws-lambda']);

/** What the code of the functions among `owners` imports, in the language of the ecosystem. */
function consumerImports(owners: readonly ModelElement[], imports: FilesByDir<FileImports>, ecosystem: Ecosystem): string[] {
  const dirs = owners.map((o) => (o as Partial<LambdaFunction>).code?.path).filter((d): d is string => d !== undefined);
  return [...new Set(dirs)].flatMap((d) => imports.under(d)).filter((fi) => fi.language === LANGUAGE_OF[ecosystem]).flatMap((fi) => fi.imports.map((i) => i.specifier));
}

function runtimeOf(owner: ModelElement): string | undefined {
  const runtime = (owner as Partial<LambdaFunction>).runtime;
  return typeof runtime === 'string' ? runtime : undefined;
}

/** Every function running the project's code is built by a bundler. */
function isBundled(owners: readonly ModelElement[]): boolean {
  return owners.length > 0 && owners.every((o) => (o as Partial<LambdaFunction>).code?.bundler !== undefined);
}

/** Unused declarations and undeclared imports of every project the units belong to. */
export async function analyzeUsage(
  root: string,
  units: readonly CodeUnit[],
  files: readonly DiscoveredFile[],
  imports: FilesByDir<FileImports>,
  model?: AppModel,
): Promise<{ unused: UnusedDeclaration[]; undeclared: UndeclaredImport[] }> {
  const index = new ManifestIndex(files);
  const unused: UnusedDeclaration[] = [];
  const undeclared: UndeclaredImport[] = [];
  for (const project of gatherProjects(units, imports, index)) {
    // A project with no code read (image-only, or all files too large) would make every package look unused.
    if (project.files.length === 0) continue;
    const loaded = await loadManifest(root, project, index);
    if (!loaded) continue;
    const all = project.files.flatMap((fi) => fi.imports.map((i) => ({ ...i, file: fi.file, ...(fi.notDeployedFile ? { notDeployedFile: true } : {}) })));
    // A layer's packages are for the functions that list it: their imports use them.
    const consumers = project.layer ? consumerImports(project.owners, imports, project.ecosystem) : [];
    const refs: typeof all = [];
    const buildOnly: typeof all = [];
    for (const r of all) (notDeployed(r, loaded.manifest) ? buildOnly : refs).push(r);
    const bundled = isBundled(project.owners);
    const functions = project.owners.filter((o): o is LambdaFunction => 'code' in o);
    const usageWithLayersOf = (fns: readonly LambdaFunction[], imports: readonly string[]): ReturnType<typeof checkUsage> => {
      const layers = model ? layerPackagesOf(model, fns, files) : { npm: [], PyPI: [], pythonModules: [] };
      return checkUsage({
        ecosystem: project.ecosystem,
        imports: [...imports],
        buildOnlyImports: [...buildOnly.map((r) => r.specifier), ...consumers],
        manifest: loaded.manifest.deps,
        localModules: [...project.localModules, ...layers.pythonModules],
        runtimeProvided: [...runtimeProvidedFor(project.ecosystem, project.owners.map(runtimeOf)), ...layers[project.ecosystem]],
      });
    };
    const usage = usageWithLayersOf(functions, refs.map((r) => r.specifier));
    // Which owners' own layers hold an import that not all of them get from layers.
    const layerProvidedFor = (specifier: string): string[] =>
      functions.filter((fn) => fn.layers.length > 0 && usageWithLayersOf([fn], [specifier]).undeclared.length === 0).map((fn) => fn.id);
    const owners = project.owners;
    // A bundle holds what the code imports: packages nothing imports are not deployed, development ones that are imported are.
    if (!bundled) for (const u of usage.unused) unused.push({ ecosystem: project.ecosystem, name: u.name, group: u.group, loc: loaded.lineOf(u.name), owners });
    const report = (list: typeof usage.undeclared, devOnly: boolean): void => {
      for (const u of list) {
        const ref = refs.find((r) => r.specifier === u.specifier)!;
        const missingFromRuntimes = u.notInRuntime ? [...new Set(owners.map(runtimeOf).filter((r): r is string => r !== undefined))].sort() : undefined;
        undeclared.push({
          ecosystem: project.ecosystem,
          name: u.name,
          specifier: u.specifier,
          devOnly,
          loc: { file: ref.file, line: ref.line, column: ref.column },
          manifest: loaded.file,
          owners,
          layerProvidedFor: devOnly ? [] : layerProvidedFor(u.specifier),
          ...(missingFromRuntimes ? { missingFromRuntimes } : {}),
          places: placesOf(refs, u, project.ecosystem),
        });
      }
    };
    report(usage.undeclared, false);
    if (!bundled) report(usage.devOnly, true);
  }
  undeclared.push(...withoutManifest(root, units, imports, index, files, model));
  return { unused, undeclared };
}

/** Every import of the package (any of its npm module paths, or the same Python module), in file order. */
function placesOf(refs: ReadonlyArray<ImportRef & { file: string }>, u: { specifier: string; name: string }, ecosystem: Ecosystem): ImportPlace[] {
  const same = (r: ImportRef): boolean => r.specifier === u.specifier || (ecosystem === 'npm' && npmPackageName(r.specifier) === u.name);
  return refs.filter(same).map((r) => ({ loc: { file: r.file, line: r.line, column: r.column }, ...(r.moduleTop ? { moduleTop: true as const } : {}) }));
}

/** No manifest declares anything: every package is undeclared. */
const NO_DEPENDENCIES: Manifest['deps'] = { dependencies: {}, devDependencies: {}, optionalDependencies: {} };

/**
 * The packages that the code of a function's own folder imports when neither that folder nor one
 * above it has a manifest of its language (package.json; requirements, pyproject.toml or Pipfile):
 * nothing installs them, and the Lambda runtime has only its own AWS SDK, so the import fails when
 * it runs. Left out, where something else may ship the package: a folder with its own
 * `node_modules` (discovery does not walk it) or packages pip installed into it, functions with
 * layers or built by a bundler, a runtime not known to be of the language, and a layer's folder.
 * Python imports count only at the module's top: an indented one may sit in `try: … except
 * ImportError`.
 */
function withoutManifest(root: string, units: readonly CodeUnit[], imports: FilesByDir<FileImports>, index: ManifestIndex, files: readonly DiscoveredFile[], model?: AppModel): UndeclaredImport[] {
  const out: UndeclaredImport[] = [];
  const pipInstalled = pythonPackageFileTest(files);
  const allFiles = new FilesByDir(files, (f) => f.rel);
  for (const unit of units) {
    const functions = unit.functions;
    if (unit.layers.length > 0 || functions.length === 0 || unit.runBy.length !== functions.length) continue;
    if (isBundled(functions) || functions.some((fn) => fn.layers.length > 0)) continue;
    const runtimes = functions.map(runtimeOf);
    const ecosystem = runtimes.every((r) => r?.startsWith('nodejs')) ? 'npm' : runtimes.every((r) => r?.startsWith('python')) ? 'PyPI' : undefined;
    if (ecosystem === undefined || index.nearest(unit.dir, ecosystem) !== undefined) continue;
    const unitFiles = allFiles.under(unit.dir);
    const shipsOwnPackages = ecosystem === 'npm' ? existsSync(path.join(root, unit.dir, 'node_modules')) : unitFiles.some((f) => pipInstalled(f.rel));
    if (shipsOwnPackages) continue;
    const own = (fi: FileImports): boolean => fi.language === LANGUAGE_OF[ecosystem] && !fi.notDeployedFile && index.nearest(path.posix.dirname(fi.file), ecosystem) === undefined;
    const counted = (i: ImportRef): boolean => !i.typeOnly && (ecosystem === 'npm' || i.moduleTop === true);
    const refs = imports.under(unit.dir).filter(own).flatMap((fi) => fi.imports.filter(counted).map((i) => ({ ...i, file: fi.file })));
    if (refs.length === 0) continue;
    const layers = model ? layerPackagesOf(model, functions, files) : undefined;
    // Python: the folder's own modules and packages, whatever their files (a package of data files too).
    const localModules = ecosystem === 'PyPI' ? [...new Set(unitFiles.map((f) => topLevelModule(f.rel, unit.dir)))] : [];
    const usage = checkUsage({ ecosystem, imports: refs.map((r) => r.specifier), manifest: NO_DEPENDENCIES, localModules, runtimeProvided: [...runtimeProvidedFor(ecosystem, runtimes), ...(layers?.[ecosystem] ?? [])] });
    const ranBy = [...new Set(runtimes.filter((r): r is string => r !== undefined))].sort();
    for (const u of usage.undeclared) {
      const ref = refs.find((r) => r.specifier === u.specifier)!;
      out.push({
        ecosystem,
        name: u.name,
        specifier: u.specifier,
        devOnly: false,
        loc: { file: ref.file, line: ref.line, column: ref.column },
        noManifestIn: unit.dir,
        owners: unitOwners(unit),
        layerProvidedFor: [],
        ...(u.notInRuntime ? { missingFromRuntimes: ranBy } : {}),
        places: placesOf(refs, u, ecosystem),
      });
    }
  }
  return out;
}
