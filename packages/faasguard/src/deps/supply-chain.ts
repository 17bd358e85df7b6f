/**
 * Supply-chain checks over parsed dependencies: where packages come from (git, tarball
 * URLs, local paths, registries other than the configured one), whether their content
 * is pinned by a hash, whether production packages run install scripts, and whether
 * Python requirements are pinned at all. Results are plain objects; the rules decide
 * severities and wording of findings.
 */
import path from 'node:path';
import type { Dependency, DependencyScope, Ecosystem } from './types.js';
import { urlHost } from './lockfiles/common.js';
import { type DependencyPath, pulledInBy } from './dependency-path.js';

export type SupplyChainKind =
  | 'git-source'
  | 'tarball-source'
  | 'path-source'
  | 'foreign-registry'
  | 'missing-integrity'
  | 'install-script'
  | 'unpinned';

export interface SupplyChainResult {
  kind: SupplyChainKind;
  ecosystem: Ecosystem;
  package: string;
  version?: string;
  scope: DependencyScope;
  direct: boolean;
  path: DependencyPath;
  message: string;
  location: { file: string; line?: number };
}

export interface RegistryConfig {
  /** Hosts of the project's configured npm registry (from .npmrc); default registry.npmjs.org. */
  npm?: string[];
  /** Per-scope npm registry hosts (`@acme:registry=` in .npmrc), keyed by scope with its `@`. */
  npmScopes?: Record<string, string>;
  /** Hosts of the configured Python indexes; default pypi.org / files.pythonhosted.org. */
  pypi?: string[];
}

export interface SupplyChainOptions {
  registries?: RegistryConfig;
  /**
   * Flag every requirements.txt line without `--hash`. Off by default: only files that
   * already use hashes (pip's hash-checking mode, where one missing hash fails the
   * install) are checked, since most requirements files use none.
   */
  requireHashesInRequirements?: boolean;
}

/** The public registries each ecosystem installs from unless configured otherwise. */
export const DEFAULT_REGISTRY_HOSTS: Record<Ecosystem, string[]> = {
  npm: ['registry.npmjs.org', 'registry.yarnpkg.com'],
  PyPI: ['pypi.org', 'files.pythonhosted.org', 'pypi.python.org'],
};

/** Registry settings from an .npmrc text (`registry=` and `@scope:registry=`); other keys ignored. */
export function parseNpmrc(text: string): { registry?: string; scopes: Record<string, string> } {
  const out: { registry?: string; scopes: Record<string, string> } = { scopes: {} };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim().replace(/^["']|["']$/g, '');
    if (key === 'registry') out.registry = value;
    const scoped = /^(@[^:]+):registry$/.exec(key);
    if (scoped) out.scopes[scoped[1]!] = value;
  }
  return out;
}

/** Turns .npmrc settings into the host lists `checkSupplyChain` takes. */
export function registryConfigFromNpmrc(text: string): RegistryConfig {
  const rc = parseNpmrc(text);
  const scopes: Record<string, string> = {};
  for (const [scope, url] of Object.entries(rc.scopes)) {
    const host = urlHost(url);
    if (host) scopes[scope] = host;
  }
  const host = urlHost(rc.registry);
  return { npm: host ? [host] : undefined, npmScopes: scopes };
}

function result(d: Dependency, kind: SupplyChainKind, message: string): SupplyChainResult {
  return {
    kind,
    ecosystem: d.ecosystem,
    package: d.name,
    version: d.version,
    scope: d.scope,
    direct: d.direct,
    path: d.path,
    message,
    location: { file: d.lockfile, line: d.line },
  };
}

function allowedHosts(d: Dependency, reg: RegistryConfig): string[] {
  if (d.ecosystem === 'npm') {
    const scope = d.name.startsWith('@') ? d.name.split('/')[0]! : undefined;
    const scoped = scope ? reg.npmScopes?.[scope] : undefined;
    if (scoped) return [scoped];
    return reg.npm?.length ? [...reg.npm, ...(reg.npm.includes('registry.npmjs.org') ? ['registry.yarnpkg.com'] : [])] : DEFAULT_REGISTRY_HOSTS.npm;
  }
  return reg.pypi?.length ? [...reg.pypi, 'files.pythonhosted.org'] : DEFAULT_REGISTRY_HOSTS.PyPI;
}

const via = (d: Dependency): string => (d.direct ? '' : ` (pulled in by ${pulledInBy(d.path)})`);

function checkOne(d: Dependency, options: SupplyChainOptions, hashedRequirementFiles: Set<string>): SupplyChainResult[] {
  const out: SupplyChainResult[] = [];
  const id = d.version ? `${d.name}@${d.version}` : d.name;
  const where = d.resolved ? ` from ${d.resolved}` : '';
  if (d.source === 'git') out.push(result(d, 'git-source', `${id} is installed from a git repository${where}${via(d)}; its content is not reviewed or published through a registry.`));
  if (d.source === 'tarball') out.push(result(d, 'tarball-source', `${id} is installed from a tarball URL${where}${via(d)}; whoever controls that URL controls the code.`));
  if (d.source === 'path') out.push(result(d, 'path-source', `${id} is installed from a local path${where}${via(d)}; the deployed code depends on what is on the build machine.`));
  if (d.source === 'registry' && d.registryHost) {
    const allowed = allowedHosts(d, options.registries ?? {});
    if (!allowed.includes(d.registryHost)) {
      out.push(result(d, 'foreign-registry', `${id} was resolved from ${d.registryHost}, not from the configured registry (${allowed.join(', ')})${via(d)}.`));
    }
  }
  if (!d.integrity && needsIntegrity(d, options, hashedRequirementFiles)) {
    out.push(result(d, 'missing-integrity', `${id} has no integrity hash in ${path.basename(d.lockfile)}; a changed package would install without notice.`));
  }
  if (d.hasInstallScript && d.scope !== 'dev') {
    out.push(result(d, 'install-script', `${id} runs an install script${via(d)}; it executes arbitrary code on every machine that installs the function.`));
  }
  if (d.ecosystem === 'PyPI' && d.version === undefined && d.source === 'registry') {
    out.push(result(d, 'unpinned', `${d.name} is not pinned to an exact version (${d.specifier ?? 'no version given'}); each build may install a different release.`));
  }
  return out;
}

function needsIntegrity(d: Dependency, options: SupplyChainOptions, hashedRequirementFiles: Set<string>): boolean {
  if (d.source !== 'registry' && d.source !== 'tarball') return false;
  if (d.ecosystem === 'PyPI' && d.version === undefined) return false; // reported as unpinned instead
  if (!d.lockfile.endsWith('.txt')) return true;
  return options.requireHashesInRequirements === true || hashedRequirementFiles.has(d.lockfile);
}

export function checkSupplyChain(deps: readonly Dependency[], options: SupplyChainOptions = {}): SupplyChainResult[] {
  const hashed = new Set(deps.filter((d) => d.lockfile.endsWith('.txt') && d.integrity).map((d) => d.lockfile));
  return deps.flatMap((d) => checkOne(d, options, hashed));
}
