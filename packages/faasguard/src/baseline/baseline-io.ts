/**
 * Reading and writing baseline files on disk; the format itself is in `baseline-file.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Finding } from '../findings/finding.js';
import type { Baseline } from './baseline-file.js';
import { BaselineError, buildBaseline, parseBaseline, renderBaseline } from './baseline-file.js';

export function readBaselineFile(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new BaselineError(`cannot read baseline ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseBaseline(text, file);
}

/** Writes the baseline of these findings; returns how many entries it holds. */
export function writeBaselineFile(file: string, findings: readonly Finding[]): number {
  const baseline = buildBaseline(findings);
  writeFileSync(file, renderBaseline(baseline));
  return baseline.findings.length;
}
