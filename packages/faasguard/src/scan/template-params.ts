/**
 * Template parameter values per template. A configuration file gives values to the templates whose
 * path matches a glob relative to its directory; values given for every template (`--param`,
 * `--params-file`) win over them for the same name, so that the command line has the last word.
 */
import path from 'node:path';
import { compileGlob } from '../discover/glob-matcher.js';
import { relativeInside } from '../discover/relative-inside.js';

/** Values for the templates matching `pattern`, a path or glob relative to `dir` (absolute). */
export interface FileParams {
  dir: string;
  pattern: string;
  values: ReadonlyMap<string, string>;
}

/** The parameter values of one template, by its path relative to the scan root. */
export type ParamsFor = (rel: string) => ReadonlyMap<string, string>;

/** Per-file values apply in the order given (a later match wins), then the global ones over them. */
export function paramsResolver(rootAbs: string, global: ReadonlyMap<string, string>, perFile: readonly FileParams[]): ParamsFor {
  if (perFile.length === 0) return () => global;
  const rules = perFile.map((p) => ({ ...p, matches: patternMatcher(p.pattern) }));
  const cache = new Map<string, ReadonlyMap<string, string>>();
  return (rel) => {
    const known = cache.get(rel);
    if (known) return known;
    const values = new Map<string, string>();
    for (const rule of rules) {
      const fromDir = relativeInside(rule.dir, path.join(rootAbs, rel));
      if (fromDir !== undefined && rule.matches(fromDir)) for (const [k, v] of rule.values) values.set(k, v);
    }
    for (const [k, v] of global) values.set(k, v);
    cache.set(rel, values);
    return values;
  };
}

/** A pattern that cannot be used (the configuration file refuses it first) matches nothing. */
function patternMatcher(pattern: string): (rel: string) => boolean {
  const compiled = compileGlob(pattern.replace(/^\.\//, ''));
  if ('error' in compiled) return () => false;
  return (rel) => compiled.matcher.matches(rel);
}
