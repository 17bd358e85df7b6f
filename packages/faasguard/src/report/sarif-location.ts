/**
 * SARIF locations: every path is a relative URI against `%SRCROOT%` (the scanned directory), so
 * the log is the same on every machine and consumers such as GitHub map it onto the repository.
 */
import type { SourceLocation } from '../model/location.js';
import type { SarifLocation, SarifPhysicalLocation, SarifRegion } from './sarif-types.js';

export const SRCROOT = '%SRCROOT%';

/**
 * Percent-encodes each path segment: file names may hold spaces, `#`, `%` or a `:` that would read
 * as a URI scheme.
 */
export function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** Line 0 means the whole file and column 0 the whole line: SARIF says so by leaving them out. */
function region(loc: SourceLocation): SarifRegion | undefined {
  if (loc.line < 1) return undefined;
  if (loc.column < 1) return { startLine: loc.line, endLine: validEndLine(loc) };
  return { startLine: loc.line, startColumn: loc.column, endLine: validEndLine(loc), endColumn: validEndColumn(loc) };
}

function validEndLine(loc: SourceLocation): number | undefined {
  return loc.endLine !== undefined && loc.endLine >= loc.line ? loc.endLine : undefined;
}

/** A region must not end before it starts; a bad end is dropped rather than passed on. */
function validEndColumn(loc: SourceLocation): number | undefined {
  if (loc.endColumn === undefined || loc.endColumn < 1) return undefined;
  const endLine = validEndLine(loc) ?? loc.line;
  if (endLine === loc.line && loc.endColumn < loc.column) return undefined;
  return loc.endColumn;
}

export function physicalLocation(loc: SourceLocation): SarifPhysicalLocation {
  return { artifactLocation: { uri: relativeUri(loc.file), uriBaseId: SRCROOT }, region: region(loc) };
}

export function sarifLocation(loc: SourceLocation): SarifLocation {
  return { physicalLocation: physicalLocation(loc) };
}
