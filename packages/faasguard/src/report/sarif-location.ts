/**
 * SARIF locations: every path is a relative URI against `%SRCROOT%` (the root of the report's
 * paths: the repository root from the CLI), so the log is the same on every machine and consumers
 * such as GitHub map it onto the repository.
 */
import type { SourceLocation } from '../model/location.js';
import { outsideRoot } from './report-paths.js';
import type { SarifLocation, SarifPhysicalLocation, SarifRegion } from './sarif-types.js';

export const SRCROOT = '%SRCROOT%';

/** Length of a 1-based line of a file, in UTF-16 code units; undefined when the file cannot be read. */
export type LineLength = (file: string, line: number) => number | undefined;

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

/**
 * A region with all four bounds, as GitHub code scanning wants on a result: a whole file is its
 * first line, a whole line runs from column 1, and an unknown end is the end of the line (one
 * character when the file cannot be read). Columns end exclusive, as SARIF counts them.
 */
export function completeRegion(loc: SourceLocation, lineLength: (line: number) => number | undefined): SarifRegion {
  const known = loc.line >= 1;
  const startLine = known ? loc.line : 1;
  const startColumn = known && loc.column >= 1 ? loc.column : 1;
  const endLine = (known ? validEndLine(loc) : undefined) ?? startLine;
  const given = known && loc.column >= 1 ? validEndColumn(loc) : undefined;
  return { startLine, startColumn, endLine, endColumn: given ?? lineEnd(startLine, startColumn, endLine, lineLength(endLine)) };
}

/** Just after the last character of `endLine`, and never before the start on a one-line region. */
function lineEnd(startLine: number, startColumn: number, endLine: number, length: number | undefined): number {
  if (length === undefined) return endLine === startLine ? startColumn + 1 : 1;
  return endLine === startLine ? Math.max(length + 1, startColumn + 1) : length + 1;
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

/** The place of a result, with a complete region. */
export function resultLocation(loc: SourceLocation, lineLength: LineLength): SarifLocation {
  const physical = physicalLocation(loc);
  return { physicalLocation: { ...physical, region: completeRegion(loc, (line) => lineLength(loc.file, line)) } };
}

/**
 * The places a notification is about: none for a file outside the root (a baseline kept
 * elsewhere), which no consumer of the log could open.
 */
export function notificationLocations(loc: SourceLocation): SarifLocation[] | undefined {
  return outsideRoot(loc.file) ? undefined : [sarifLocation(loc)];
}
