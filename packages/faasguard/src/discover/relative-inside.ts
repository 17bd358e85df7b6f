import path from 'node:path';

/**
 * The path of `abs` relative to the directory `dir`, with forward slashes, or undefined when `abs`
 * is not inside `dir`: globs written relative to one directory must not match files outside it.
 */
export function relativeInside(dir: string, abs: string): string | undefined {
  const rel = path.relative(dir, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}
