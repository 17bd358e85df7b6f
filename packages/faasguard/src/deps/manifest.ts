/**
 * Project manifests (package.json, pyproject.toml, Pipfile) reduced to their declared
 * dependency names by group. Used for production/development roots and for the
 * declared-versus-imported check.
 */
import { parse as parseToml } from 'smol-toml';
import type { Ecosystem, Lockfile, ManifestDeps, ParseError } from './types.js';
import { errorMessage, isRecord, normalizePyName, strMap } from './lockfiles/common.js';

export interface Manifest {
  path: string;
  ecosystem: Ecosystem;
  deps: ManifestDeps;
  errors: ParseError[];
}

const empty = (): ManifestDeps => ({ dependencies: {}, devDependencies: {}, optionalDependencies: {}, peerDependencies: {} });

export function parsePackageJson(text: string, file: string): Manifest {
  const m: Manifest = { path: file, ecosystem: 'npm', deps: empty(), errors: [] };
  try {
    const doc: unknown = JSON.parse(text);
    m.deps = {
      dependencies: strMap(doc, 'dependencies'),
      devDependencies: strMap(doc, 'devDependencies'),
      optionalDependencies: strMap(doc, 'optionalDependencies'),
      peerDependencies: strMap(doc, 'peerDependencies'),
    };
  } catch (e) {
    m.errors.push({ file, message: `invalid JSON: ${errorMessage(e)}` });
  }
  return m;
}

/** Name of a PEP 508 requirement string (`requests[socks]>=2; python_version<"3.8"` → `requests`). */
export function pep508Name(req: string): string | undefined {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(req);
  return m ? normalizePyName(m[1]!) : undefined;
}

function addRequirementList(target: Record<string, string>, list: unknown): void {
  if (!Array.isArray(list)) return;
  for (const r of list) {
    const name = typeof r === 'string' ? pep508Name(r) : undefined;
    if (name) target[name] = typeof r === 'string' ? r : '*';
  }
}

function addTable(target: Record<string, string>, table: unknown): void {
  if (!isRecord(table)) return;
  for (const [k, v] of Object.entries(table)) {
    if (k.toLowerCase() === 'python') continue; // the interpreter constraint, not a package
    target[normalizePyName(k)] = typeof v === 'string' ? v : '*';
  }
}

/** PEP 621 `[project]`, PEP 735 `[dependency-groups]`, Poetry and uv tables. */
export function parsePyproject(text: string, file: string): Manifest {
  const m: Manifest = { path: file, ecosystem: 'PyPI', deps: empty(), errors: [] };
  let doc: unknown;
  try {
    doc = parseToml(text);
  } catch (e) {
    m.errors.push({ file, message: `invalid TOML: ${errorMessage(e).split('\n')[0]}` });
    return m;
  }
  if (!isRecord(doc)) return m;
  const project = isRecord(doc.project) ? doc.project : {};
  addRequirementList(m.deps.dependencies, project.dependencies);
  if (isRecord(project['optional-dependencies'])) for (const l of Object.values(project['optional-dependencies'])) addRequirementList(m.deps.optionalDependencies, l);
  if (isRecord(doc['dependency-groups'])) for (const l of Object.values(doc['dependency-groups'])) addRequirementList(m.deps.devDependencies, l);
  const tool = isRecord(doc.tool) ? doc.tool : {};
  const poetry = isRecord(tool.poetry) ? tool.poetry : {};
  addTable(m.deps.dependencies, poetry.dependencies);
  addTable(m.deps.devDependencies, poetry['dev-dependencies']);
  if (isRecord(poetry.group)) {
    for (const [group, g] of Object.entries(poetry.group)) addTable(group === 'main' ? m.deps.dependencies : m.deps.devDependencies, isRecord(g) ? g.dependencies : undefined);
  }
  if (isRecord(tool.uv)) addRequirementList(m.deps.devDependencies, tool.uv['dev-dependencies']);
  return m;
}

/** Pipfile: `[packages]` and `[dev-packages]`. */
export function parsePipfile(text: string, file: string): Manifest {
  const m: Manifest = { path: file, ecosystem: 'PyPI', deps: empty(), errors: [] };
  try {
    const doc: unknown = parseToml(text);
    if (isRecord(doc)) {
      addTable(m.deps.dependencies, doc.packages);
      addTable(m.deps.devDependencies, doc['dev-packages']);
    }
  } catch (e) {
    m.errors.push({ file, message: `invalid TOML: ${errorMessage(e).split('\n')[0]}` });
  }
  return m;
}

/** Names declared by requirements lines, for projects whose manifest is a requirements file. */
export function manifestFromNames(path: string, ecosystem: Ecosystem, prod: string[], dev: string[] = []): Manifest {
  const m: Manifest = { path, ecosystem, deps: empty(), errors: [] };
  for (const n of prod) m.deps.dependencies[n] = '*';
  for (const n of dev) m.deps.devDependencies[n] = '*';
  return m;
}

/**
 * For projects whose only manifest is a requirements file: the requirements it lists
 * (includes too), production and development by the file they appear in.
 */
export function manifestFromRequirements(lock: Lockfile): Manifest {
  const prod = lock.dependencies.filter((d) => d.scope !== 'dev').map((d) => d.name);
  const dev = lock.dependencies.filter((d) => d.scope === 'dev').map((d) => d.name);
  return manifestFromNames(lock.path, 'PyPI', prod, dev);
}
