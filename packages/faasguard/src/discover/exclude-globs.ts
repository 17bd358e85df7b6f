/**
 * Which files a scan skips: `--exclude` globs are relative to the scan root, a configuration file's
 * globs to the configuration file's directory (which may be above the root).
 */
import path from 'node:path';
import { compileGlob } from './glob-matcher.js';
import { relativeInside } from './relative-inside.js';

/** Globs relative to `dir`, an absolute directory other than the scan root. */
export interface ExcludeGlobs {
  dir: string;
  globs: readonly string[];
}

/** Tests a path relative to the scan root `rootAbs` against both kinds of globs. */
export function excludeMatcher(rootAbs: string, rootGlobs: readonly string[], elsewhere: readonly ExcludeGlobs[]): (rel: string) => boolean {
  const atRoot = rootGlobs.map(globMatcher);
  const others = elsewhere.map((e) => ({ dir: e.dir, matchers: e.globs.map(globMatcher) }));
  return (rel) => {
    if (atRoot.some((m) => m(rel))) return true;
    return others.some(({ dir, matchers }) => {
      const fromDir = relativeInside(dir, path.join(rootAbs, rel));
      return fromDir !== undefined && matchers.some((m) => m(fromDir));
    });
  };
}

/**
 * A directory matches `dir/**` too, so that a whole excluded folder is not even walked. A glob that
 * cannot be used (see `glob-matcher.ts`; the command line and configuration files refuse them
 * first) matches nothing.
 */
function globMatcher(glob: string): (rel: string) => boolean {
  const compiled = compileGlob(glob.replace(/^\.\//, ''));
  if ('error' in compiled) return () => false;
  const m = compiled.matcher;
  return (rel) => m.matches(rel) || m.matches(`${rel}/`);
}

/**
 * A scan's exclusion as plain data (it crosses to the code analysis' worker thread): every reader
 * of project files tests paths with `exclusionMatcher`, so an excluded file is never read.
 */
export interface Exclusion {
  exclude?: readonly string[];
  excludeElsewhere?: readonly ExcludeGlobs[];
}

export function exclusionMatcher(rootAbs: string, exclusion: Exclusion): (rel: string) => boolean {
  return excludeMatcher(rootAbs, exclusion.exclude ?? [], exclusion.excludeElsewhere ?? []);
}
