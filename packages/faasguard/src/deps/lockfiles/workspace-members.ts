/**
 * Whether a lockfile above a nearer manifest governs it: only when the lockfile's directory is a
 * workspace root that lists the manifest's directory (npm and Yarn `workspaces` in package.json,
 * pnpm `pnpm-workspace.yaml`, uv `[tool.uv.workspace] members`). A repository-root lockfile of
 * tooling does not describe the packages of a sub-project with a manifest of its own: that
 * project installs its own.
 */
import path from 'node:path';
import { compileGlob } from '../../discover/glob-matcher.js';
import type { Ecosystem } from '../types.js';
import { readTextOrUndefined } from '../../files/read-regular-file.js';

/**
 * Whether a manifest makes its directory a project of its own: a package.json that declares
 * packages (not a `{"type": "module"}` marker, which installs nothing), a pyproject.toml with a
 * project or Poetry section (not one holding only tool settings), any Pipfile.
 */
export async function declaresOwnDependencies(manifest: string): Promise<boolean> {
  const base = path.basename(manifest);
  const text = await readText(manifest);
  if (base === 'package.json') {
    const json = parseJson(text);
    return ['dependencies', 'devDependencies', 'optionalDependencies'].some((k) => isRecord(json?.[k]) && Object.keys(json[k] as object).length > 0);
  }
  if (base === 'pyproject.toml') return /^\[(project|tool\.poetry)\]\s*$/m.test(text);
  return true;
}

/** `importer`: the manifest's directory relative to the lockfile's, forward slashes. */
export async function isWorkspaceMember(lockDir: string, importer: string, ecosystem: Ecosystem, names: ReadonlySet<string>): Promise<boolean> {
  const globs = ecosystem === 'npm' ? await npmWorkspaces(lockDir, names) : await uvMembers(lockDir, names);
  return globs.some((g) => matches(g.replace(/^\.\//, '').replace(/\/$/, ''), importer));
}

/** The repository writes these globs: matched in linear time, a glob that cannot be used matching nothing. */
function matches(glob: string, importer: string): boolean {
  const compiled = compileGlob(glob);
  return 'matcher' in compiled && compiled.matcher.matches(importer);
}

async function npmWorkspaces(dir: string, names: ReadonlySet<string>): Promise<string[]> {
  const out: string[] = [];
  if (names.has('package.json')) {
    const json = parseJson(await readText(path.join(dir, 'package.json')));
    const ws = json?.['workspaces'];
    const list = Array.isArray(ws) ? ws : isRecord(ws) && Array.isArray(ws['packages']) ? ws['packages'] : [];
    out.push(...list.filter((g): g is string => typeof g === 'string'));
  }
  if (names.has('pnpm-workspace.yaml')) out.push(...yamlListItems(await readText(path.join(dir, 'pnpm-workspace.yaml')), 'packages'));
  return out;
}

async function uvMembers(dir: string, names: ReadonlySet<string>): Promise<string[]> {
  if (!names.has('pyproject.toml')) return [];
  const text = await readText(path.join(dir, 'pyproject.toml'));
  const section = /^\[tool\.uv\.workspace\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text)?.[1] ?? '';
  const members = /^\s*members\s*=\s*\[([\s\S]*?)\]/m.exec(section)?.[1] ?? '';
  return [...members.matchAll(/["']([^"']+)["']/g)].map((m) => m[1]!);
}

/** Items of a top-level YAML list (`packages:` then `- 'glob'` lines): all pnpm-workspace.yaml needs. */
function yamlListItems(text: string, key: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^\s*-\s*["']?([^"'#]+?)["']?\s*(#.*)?$/.exec(line);
    if (m && !m[1]!.startsWith('!')) out.push(m[1]!);
  }
  return out;
}

async function readText(file: string): Promise<string> {
  return readTextOrUndefined(file) ?? '';
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return isRecord(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
