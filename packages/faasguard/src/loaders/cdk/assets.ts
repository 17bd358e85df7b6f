/**
 * Function code of a CDK app. A function's `aws:asset:path` metadata names the bundled asset
 * directory in cdk.out; its source maps (when bundling wrote them) lead back to the original
 * sources, which is where a person reads and fixes the handler. Source maps and sources in paths
 * the scan excludes are neither read nor named.
 */
import path from 'node:path';
import type { FunctionCode } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { recordRead } from '../../cache/read-log.js';
import { listFiles } from '../../files/list-files.js';
import { PathGuard } from '../../files/path-guard.js';
import { readTextOrUndefined } from '../../files/read-regular-file.js';

const MAX_MAP_FILES = 50;
const MAX_MAP_BYTES = 20 * 1024 * 1024;

/**
 * The code of a function whose asset directory is `assetRel` (relative to the scan root).
 * `known`: the sources already found for each asset directory of the assembly (the functions of a
 * stack often share one asset, whose folder is then walked once).
 */
export function assetCode(rootAbs: string, assetRel: string, loc: SourceLocation, isExcluded: (rel: string) => boolean = () => false, known = new Map<string, string[]>()): FunctionCode {
  let sources = known.get(assetRel);
  if (!sources) known.set(assetRel, (sources = isExcluded(assetRel) ? [] : sourceFiles(rootAbs, assetRel, isExcluded)));
  return { kind: 'path', path: assetRel, loc, ...(sources.length > 0 ? { sourceFiles: sources } : {}) };
}

/** Original sources named by the asset's `*.js.map` files, relative to the scan root. */
export function sourceFiles(rootAbs: string, assetRel: string, isExcluded: (rel: string) => boolean): string[] {
  const dirAbs = path.join(rootAbs, assetRel);
  const relOf = (abs: string): string => path.relative(rootAbs, abs).split(path.sep).join('/');
  const out = new Set<string>();
  for (const mapFile of listFiles(new PathGuard(rootAbs), dirAbs, isSourceMap, MAX_MAP_FILES)) {
    if (isExcluded(relOf(mapFile))) continue;
    for (const source of mapSources(mapFile)) {
      const rel = relOf(path.resolve(path.dirname(mapFile), source));
      // A source outside the scan root, or inside dependencies, is not the app's code.
      if (rel.startsWith('../') || rel === '..' || path.isAbsolute(rel) || rel.split('/').includes('node_modules') || isExcluded(rel)) continue;
      out.add(rel);
    }
  }
  return [...out].sort();
}

function isSourceMap(name: string): boolean {
  return name.endsWith('.js.map') || name.endsWith('.mjs.map') || name.endsWith('.cjs.map');
}

function mapSources(file: string): string[] {
  try {
    recordRead(file);
    const text = readTextOrUndefined(file, MAX_MAP_BYTES);
    if (text === undefined) return [];
    const map = JSON.parse(text) as { sources?: unknown; sourceRoot?: unknown };
    const root = typeof map.sourceRoot === 'string' ? map.sourceRoot : '';
    if (!Array.isArray(map.sources)) return [];
    return map.sources.filter((s): s is string => typeof s === 'string' && !/^[a-z]+:\/\//i.test(s) && !s.startsWith('webpack:')).map((s) => path.join(root, s));
  } catch {
    return [];
  }
}
