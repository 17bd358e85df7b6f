import type { SourceLocation } from '../model/location.js';
import { formatLocation } from '../model/location.js';

/**
 * `file:line:column` as editors and terminals link it. Line 0 means "the whole file" and column 0
 * "the whole line": printing `:0` would send an editor to a place that does not exist.
 */
export function displayLocation(loc: SourceLocation): string {
  if (loc.line < 1) return loc.file;
  if (loc.column < 1) return `${loc.file}:${loc.line}`;
  return formatLocation(loc);
}
