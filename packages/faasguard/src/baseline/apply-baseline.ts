/**
 * Applies a baseline to a scan: keeps only the findings it does not hold, and says how many it
 * hid and how many of its entries no longer match anything (fixed, or their resource removed).
 */
import path from 'node:path';
import type { Finding } from '../findings/finding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { fileLocation } from '../model/diagnostic.js';
import { scanRootOf } from '../scan/load-formats.js';
import type { BaselineSummary, ScanResult } from '../scan/scan-result.js';
import type { Baseline } from './baseline-file.js';

/** Code of the note every report carries when a baseline was applied. */
export const BASELINE_NOTE_CODE = 'baseline-applied';

/** Splits findings into new ones and baselined ones. */
export interface BaselineMatch {
  fresh: Finding[];
  baselined: Finding[];
  /** Baseline entries that matched no finding */
  gone: number;
}

/**
 * Matches by fingerprint as a multiset: a baseline that holds a fingerprint twice hides two
 * findings, so a third one with the same fingerprint is reported as new.
 */
export function matchBaseline(findings: readonly Finding[], baseline: Baseline): BaselineMatch {
  const remaining = new Map<string, number>();
  for (const e of baseline.findings) remaining.set(e.fingerprint, (remaining.get(e.fingerprint) ?? 0) + 1);
  const fresh: Finding[] = [];
  const baselined: Finding[] = [];
  for (const f of findings) {
    const left = remaining.get(f.fingerprint) ?? 0;
    if (left === 0) {
      fresh.push(f);
      continue;
    }
    remaining.set(f.fingerprint, left - 1);
    baselined.push(f);
  }
  const gone = [...remaining.values()].reduce((n, left) => n + left, 0);
  return { fresh, baselined, gone };
}

/** The scan result as reports should show it: new findings only, and a note about the rest. */
export function applyBaseline(result: ScanResult, baseline: Baseline, baselineFile: string): ScanResult {
  const match = matchBaseline(result.findings, baseline);
  const summary: BaselineSummary = { file: baselineFile, baselined: match.baselined.length, gone: match.gone };
  return {
    ...result,
    findings: match.fresh,
    diagnostics: [...result.diagnostics, baselineNote(summary, result.target)],
    baseline: summary,
  };
}

/** Its place is the baseline file, relative to the scanned folder like every location of the result (`../…` when outside it). */
function baselineNote(s: BaselineSummary, target: string): Diagnostic {
  const message = `baseline: ${s.baselined} known finding${s.baselined === 1 ? '' : 's'} not reported; ${s.gone} baselined finding${s.gone === 1 ? ' is' : 's are'} gone`;
  const file = path.relative(path.resolve(scanRootOf(target).root), path.resolve(s.file)).split(path.sep).join('/');
  return { severity: 'note', code: BASELINE_NOTE_CODE, message, loc: fileLocation(file) };
}
