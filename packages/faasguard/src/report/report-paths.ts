/**
 * The paths a report writes. A ScanResult's paths are relative to the scanned folder; a CI service
 * (GitHub code scanning, a test view, a pull-request comment) resolves them from the repository
 * root. `ReportPaths` says where the scanned folder stands under the root the report's paths
 * start from, and `withReportPaths` rewrites a result's locations from one to the other, so that
 * the machine-read reports (JSON, SARIF, JUnit, Markdown) write paths that resolve from that root.
 */
import type { Finding, FlowStep, RelatedLocation, Suppression } from '../findings/finding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceLocation } from '../model/location.js';
import type { ScanResult } from '../scan/scan-result.js';

/** What the root of a report's paths is; see `reportPathsFor`. */
export type ReportRootKind = 'repository' | 'working directory' | 'scanned folder';

/** Where a report's paths start. */
export interface ReportPaths {
  root: ReportRootKind;
  /**
   * The scanned folder (a scanned file's folder) relative to the root, with `/`; `''` when it is
   * the root. Never starts with `..`: the root holds the scanned folder.
   */
  scanFolder: string;
}

/** Paths relative to the scanned folder, as the ScanResult holds them: what the library's reports write by default. */
export const SCANNED_FOLDER_PATHS: ReportPaths = { root: 'scanned folder', scanFolder: '' };

/** A path of the ScanResult (relative to the scanned folder) as a path relative to the root. */
export function rootPath(file: string, paths: ReportPaths): string {
  if (paths.scanFolder === '') return file;
  if (file === '' || file === '.') return paths.scanFolder;
  return normalize(`${paths.scanFolder}/${file}`);
}

/** `a/./b/../c` → `a/c`; a leading `..` stays (a file outside the root, such as a baseline kept elsewhere). */
function normalize(file: string): string {
  const out: string[] = [];
  for (const part of file.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/') || '.';
}

/** True for a root-relative path that leaves the root (`../…`): no consumer of the report can open it there. */
export function outsideRoot(file: string): boolean {
  return file === '..' || file.startsWith('../');
}

/**
 * The result with every path relative to the root. Sources are still read by their new paths,
 * for reporters that need a line's text; fingerprints do not change, so baselines still match.
 */
export function withReportPaths(result: ScanResult, paths: ReportPaths | undefined): ScanResult {
  if (paths === undefined || paths.scanFolder === '') return result;
  const loc = (l: SourceLocation): SourceLocation => ({ ...l, file: rootPath(l.file, paths) });
  const prefix = `${paths.scanFolder}/`;
  return {
    ...result,
    templates: result.templates.map((t) => rootPath(t, paths)),
    findings: result.findings.map((f) => relocateFinding(f, loc)),
    ...(result.suppressed ? { suppressed: result.suppressed.map((f) => relocateFinding(f, loc)) } : {}),
    diagnostics: result.diagnostics.map((d): Diagnostic => ({ ...d, loc: loc(d.loc) })),
    attackSurface: () => result.attackSurface(),
    readSource: (file) => (file.startsWith(prefix) ? result.readSource(file.slice(prefix.length)) : undefined),
  };
}

function relocateFinding(f: Finding, loc: (l: SourceLocation) => SourceLocation): Finding {
  const related = f.related.map((r): RelatedLocation => ({ ...r, loc: loc(r.loc) }));
  const flow = f.flow?.map((s): FlowStep => ({ ...s, loc: loc(s.loc) }));
  const suppression = f.suppression ? ({ ...f.suppression, location: loc(f.suppression.location) } satisfies Suppression) : undefined;
  return { ...f, location: loc(f.location), related, ...(flow ? { flow } : {}), ...(suppression ? { suppression } : {}) };
}
