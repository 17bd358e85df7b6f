/**
 * Everything a scan produces; reporters format it and decide nothing.
 */
import type { Finding } from '../findings/finding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { RuleMeta } from '../rules/rule.js';

export interface ScanResult {
  /** Version of faasguard that produced it */
  toolVersion: string;
  /** The directory scanned, as the user gave it (never made absolute, so output is the same everywhere) */
  target: string;
  /** Template files loaded, relative to the target */
  templates: string[];
  /** The findings that count: for the exit code, the baseline and every report */
  findings: Finding[];
  /**
   * Findings the scanned project accepts (`faasguard-ignore` comments, `Metadata.faasguard.ignore`),
   * each with its `suppression`: kept for JSON and SARIF, counted in every report, shown in the
   * others only when asked. Absent when a result was built without the suppression step.
   */
  suppressed?: Finding[];
  /** Problems with the input (files that did not parse, broken references …) */
  diagnostics: Diagnostic[];
  /** Metadata of every rule that ran, sorted by id */
  rules: RuleMeta[];
  /** Set when a baseline was applied: `findings` then holds only the findings it does not know */
  baseline?: BaselineSummary;
  /** Set when the result was reused from the scan cache (reports do not show it: they are the same either way) */
  fromCache?: boolean;
  /** Reads a scanned file's text, for code frames; undefined when it cannot */
  readSource(file: string): string | undefined;
}

/** What applying a baseline did, for the reports' summaries. */
export interface BaselineSummary {
  /** The baseline file, as the user named it */
  file: string;
  /** Findings of this scan the baseline holds, left out of `findings` */
  baselined: number;
  /** Baseline entries no finding of this scan matches: fixed, or gone with their resource */
  gone: number;
}
