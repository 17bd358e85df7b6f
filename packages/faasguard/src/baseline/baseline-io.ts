/**
 * Reading and writing baseline files on disk; the format itself is in `baseline-file.ts`.
 */
import { writeFileSync } from 'node:fs';
import { readRegularText, refusalMessage } from '../files/read-regular-file.js';
import type { Finding } from '../findings/finding.js';
import type { Baseline } from './baseline-file.js';
import { BaselineError, buildBaseline, parseBaseline, renderBaseline } from './baseline-file.js';

export function readBaselineFile(file: string): Baseline {
  // A configuration in the scanned repository may name the baseline: it is read as any file of it.
  const read = readRegularText(file);
  if (read.kind === 'text') return parseBaseline(read.text, file);
  const reason = read.kind === 'unreadable' ? read.code : read.kind === 'missing' ? 'ENOENT' : refusalMessage(read);
  throw new BaselineError(`cannot read baseline ${file}: ${reason}`);
}

/** Writes the baseline of these findings; returns how many entries it holds. */
export function writeBaselineFile(file: string, findings: readonly Finding[]): number {
  const baseline = buildBaseline(findings);
  writeFileSync(file, renderBaseline(baseline));
  return baseline.findings.length;
}
