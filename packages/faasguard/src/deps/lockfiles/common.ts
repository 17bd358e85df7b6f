/**
 * Small helpers shared by the lockfile parsers: size limits,
 * name normalisation and classification of dependency specifiers.
 */
import type { ParseError, SourceKind } from '../types.js';

/** Lockfiles larger than this are refused with an error rather than parsed (64 MiB). */
export const MAX_LOCKFILE_BYTES = 64 * 1024 * 1024;


/** Returns an error when the text is too large to parse safely, undefined otherwise. */
export function sizeError(text: string, file: string): ParseError | undefined {
  if (text.length <= MAX_LOCKFILE_BYTES) return undefined;
  return { file, line: 1, message: `file is larger than ${MAX_LOCKFILE_BYTES} bytes; not parsed` };
}

/** PEP 503 normalised distribution name. */
export function normalizePyName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}

/** Host part of a URL, or undefined when the string is not an absolute URL. */
export function urlHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/** `name@version`, or the bare name when the version is unknown: the label used in dependency paths. */
export function label(name: string, version: string | undefined): string {
  return version ? `${name}@${version}` : name;
}

const GIT_PREFIXES = ['git+', 'git:', 'git@', 'github:', 'gitlab:', 'bitbucket:', 'gist:'];

/**
 * Classifies an npm dependency specifier or resolved URL by where it fetches from.
 * Returns undefined for plain version ranges and registry aliases.
 */
export function classifyNpmSpec(spec: string | undefined): SourceKind | undefined {
  if (!spec) return undefined;
  const s = spec.trim();
  if (GIT_PREFIXES.some((p) => s.startsWith(p))) return 'git';
  if (s.startsWith('file:') || s.startsWith('link:') || s.startsWith('portal:')) return 'path';
  if (s.startsWith('./') || s.startsWith('../') || s.startsWith('/') || s.startsWith('~/')) return 'path';
  if (/^https?:\/\//i.test(s)) return /\.git(#.*)?$/.test(s) ? 'git' : 'tarball';
  // `user/repo` and `user/repo#ref` are GitHub shorthands in npm and yarn.
  if (/^[\w.-]+\/[\w.-]+(#.*)?$/.test(s) && !s.startsWith('@')) return 'git';
  return undefined;
}

/** True when a tarball URL has the shape registries use: `<registry>/<name>/-/<file>.tgz`. */
export function looksLikeRegistryTarball(url: string, name: string): boolean {
  try {
    const u = new URL(url);
    return u.pathname.includes(`/${name}/-/`) || u.pathname.includes(`/${encodeURIComponent(name)}/-/`);
  } catch {
    return false;
  }
}

/** Message of an unknown thrown value. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Narrow an unknown JSON/YAML/TOML value to a plain object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string field of an unknown object, or undefined. */
export function str(o: unknown, key: string): string | undefined {
  if (!isRecord(o)) return undefined;
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
}

/** A string→string map field of an unknown object (non-string values dropped). */
export function strMap(o: unknown, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(o) || !isRecord(o[key])) return out;
  for (const [k, v] of Object.entries(o[key] as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/**
 * Last line of defence for hostile input (deep nesting that overflows a recursive
 * parser, for instance): any exception becomes a parse error on the file.
 */
export function guarded<T extends { path: string; format: string; ecosystem: string; dependencies: unknown[]; errors: ParseError[] }>(
  empty: T,
  parse: () => T,
): T {
  try {
    return parse();
  } catch (e) {
    return { ...empty, dependencies: [], errors: [{ file: empty.path, message: `could not be parsed: ${errorMessage(e)}` }] };
  }
}
