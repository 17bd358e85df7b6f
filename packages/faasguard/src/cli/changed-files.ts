/**
 * What a scan says about a set of changed files (`faasguard changed`, the pre-commit hook): the
 * findings located in one of them, or whose data flow or related places pass through one (a
 * handler edit that opens a flow from an event to a sink counts, though the sink may sit in another
 * file), and the input problems of those files. The rest of the project is left to the full scan.
 */
import path from 'node:path';
import type { Finding } from '../findings/finding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ScanResult } from '../scan/scan-result.js';

/** The part of a scan result that concerns the changed files. */
export interface ChangedPart {
  findings: Finding[];
  suppressed: Finding[];
  diagnostics: Diagnostic[];
}

/**
 * The given paths (as a hook passes them: relative to the working directory, or absolute) as
 * locations name files: relative to `root`, with forward slashes. Paths outside `root` are left out.
 */
export function changedUnder(root: string, files: readonly string[]): Set<string> {
  const rootAbs = path.resolve(root);
  const changed = new Set<string>();
  for (const file of files) {
    const rel = path.relative(rootAbs, path.resolve(file));
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
    changed.add(rel.split(path.sep).join('/'));
  }
  return changed;
}

export function changedPart(result: ScanResult, changed: ReadonlySet<string>): ChangedPart {
  const touches = (f: Finding): boolean => placesOf(f).some((file) => changed.has(file));
  return {
    findings: result.findings.filter(touches),
    suppressed: (result.suppressed ?? []).filter(touches),
    diagnostics: result.diagnostics.filter((d) => changed.has(d.loc.file)),
  };
}

function placesOf(f: Finding): string[] {
  return [f.location.file, ...f.related.map((r) => r.loc.file), ...(f.flow ?? []).map((s) => s.loc.file)];
}
