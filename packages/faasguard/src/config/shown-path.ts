import path from 'node:path';
import { escapeLine } from '../report/terminal-text.js';

/**
 * A path as messages show it: relative to the working directory when inside it, else absolute;
 * control characters and line breaks in it escaped (see `escapeLine`).
 */
export function shownPath(abs: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  return escapeLine(rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel);
}
