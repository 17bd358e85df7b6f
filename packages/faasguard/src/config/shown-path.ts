import path from 'node:path';

/** A path as messages show it: relative to the working directory when inside it, else absolute. */
export function shownPath(abs: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}
