/**
 * Secrets in the project's files: every code and config file of each function's and layer's
 * code directory, and `.env` files anywhere under the scan root. Templates are left to the
 * template rules (parameters, environment, tags, inline code) so nothing is reported twice;
 * lockfiles are skipped (hashes and registry URLs, large, never hand-written). Files above
 * a size bound are not read and are reported as a note. Installed third-party packages committed
 * with the code (vendor folders, a layer's pip install target) are not the project's secrets.
 */
import { readTextOrUndefined } from '../util/read-text.js';
import path from 'node:path';
import type { DiscoveredFile } from '../discover/discover.js';
import type { AppModel } from '../model/app-model.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { detectSecretsInTextDetailed } from '../secrets/index.js';
import { codeUnits, unitOwners, type CodeUnit } from './code-units.js';
import { vendoredFileTest } from '../discover/vendored-files.js';
import type { FileSecret, SecretFileKind } from './secret-facts.js';
import type { SecretMatch } from '../secrets/types.js';

/** Largest file searched: past this it is generated (a bundle, a data dump), not written by hand. */
export const MAX_SECRET_SCAN_BYTES = 4 * 1024 * 1024;

const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|rb|go|java|kt|cs|php|sh|bash|ps1)$/i;
const CONFIG_FILE = /\.(?:json|ya?ml|toml|ini|cfg|conf|properties|xml|npmrc|pypirc|netrc)$|(?:^|\/)\.(?:npmrc|pypirc|netrc)$/i;
const ENV_FILE = /(?:^|\/)(?:\.env(?:\.[\w.-]+)?|[\w.-]+\.env)$/i;
const SKIPPED = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|Pipfile\.lock|uv\.lock|tsconfig(?:\.[\w-]+)?\.json)$|\.(?:d\.[cm]?ts|map|min\.js)$/i;

/** Why a file is searched, or undefined when it is not. */
export function secretFileKind(rel: string, inCode: boolean): SecretFileKind | undefined {
  if (ENV_FILE.test(rel)) return 'env-file';
  if (!inCode || SKIPPED.test(rel)) return undefined;
  if (CODE_FILE.test(rel)) return 'code';
  return CONFIG_FILE.test(rel) ? 'config' : undefined;
}

export async function findFileSecrets(
  model: AppModel,
  files: readonly DiscoveredFile[],
  templates: ReadonlySet<string>,
  known?: ReadonlyMap<string, SecretMatch[]>,
): Promise<{ secrets: FileSecret[]; diagnostics: Diagnostic[] }> {
  const holdersOf = unitFinder(codeUnits(model));
  const installed = installedPackageTest(files);
  const secrets: FileSecret[] = [];
  const diagnostics: Diagnostic[] = [];
  const vendored = vendoredFileTest(files);
  for (const f of files) {
    if (templates.has(f.rel) || vendored(f.rel) || installed(f.rel)) continue;
    const holders = holdersOf(f.rel);
    const kind = secretFileKind(f.rel, holders.length > 0);
    if (!kind) continue;
    if (f.size > MAX_SECRET_SCAN_BYTES) {
      diagnostics.push({ severity: 'note', code: 'secret-scan-skipped', message: `larger than ${MAX_SECRET_SCAN_BYTES} bytes: not searched for secrets`, loc: { file: f.rel, line: 0, column: 0 } });
      continue;
    }
    const matches = known?.get(f.rel) ?? readSecrets(f);
    if (matches) secrets.push(...secretsOf(f.rel, matches, kind, holders));
  }
  return { secrets, diagnostics };
}

/**
 * Whether a file belongs to a package pip installed (`pip install -t`, a layer's `python/`): it is
 * inside a subdirectory of a folder that holds `*.dist-info` or `*.egg-info` metadata. Their
 * documentation examples and test keys are not the project's secrets; the project's own modules
 * beside them (files directly in that folder) are still searched.
 */
export function installedPackageTest(files: readonly DiscoveredFile[]): (rel: string) => boolean {
  const targets = new Set<string>();
  for (const f of files) {
    const m = /^(.+)\/[^/]+\.(?:dist|egg)-info\//.exec(f.rel);
    if (m) targets.add(m[1]!);
  }
  if (targets.size === 0) return () => false;
  return (rel) => {
    const parts = rel.split('/');
    for (let i = parts.length - 2; i >= 1; i--) if (targets.has(parts.slice(0, i).join('/'))) return true;
    return false;
  };
}

/** The units whose directory holds a file, in unit order, by walking up the file's directories. */
function unitFinder(units: readonly CodeUnit[]): (rel: string) => CodeUnit[] {
  const byDir = new Map(units.map((u, i) => [u.dir === '' ? '.' : u.dir, { u, i }]));
  return (rel) => {
    const found: Array<{ u: CodeUnit; i: number }> = [];
    const root = byDir.get('.');
    if (root) found.push(root);
    for (let slash = rel.lastIndexOf('/'); slash > 0; slash = rel.lastIndexOf('/', slash - 1)) {
      const hit = byDir.get(rel.slice(0, slash));
      if (hit) found.push(hit);
    }
    return found.sort((a, b) => a.i - b.i).map((h) => h.u);
  };
}

/** The secrets of one file's text (the same wherever the file is, so they can be found ahead: `file-scans.ts`). */
export function secretsInFile(rel: string, text: string): SecretMatch[] {
  return detectSecretsInTextDetailed(text, { fileName: path.posix.basename(rel) }).matches;
}

function readSecrets(f: DiscoveredFile): SecretMatch[] | undefined {
  const text = readTextOrUndefined(f.abs);
  return text === undefined ? undefined : secretsInFile(f.rel, text);
}

function secretsOf(rel: string, matches: readonly SecretMatch[], kind: SecretFileKind, holders: CodeUnit[]): FileSecret[] {
  const owners = [...new Set(holders.flatMap(unitOwners))];
  const inLayer = holders.length > 0 && holders.every((u) => u.functions.length === 0 && u.layers.length > 0);
  return matches.map((match) => ({ match, kind, loc: { file: rel, line: match.line, column: match.column }, owners, inLayer }));
}
