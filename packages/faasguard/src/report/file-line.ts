import type { SourceLocation } from '../model/location.js';

/**
 * `file:line`, or the file alone when the place is the whole file: reports read by people in a
 * browser or a CI page point at lines, and a `:0` would point nowhere.
 */
export function fileLine(loc: SourceLocation): string {
  return loc.line >= 1 ? `${loc.file}:${loc.line}` : loc.file;
}
