/**
 * Everything a scan produces; reporters format it and decide nothing.
 */
import type { Finding } from '../findings/finding.js';
import type { AttackSurfaceMap } from '../map/attack-surface-types.js';
import type { SubjectFunctions } from '../map/subject-functions.js';
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
  /**
   * The attack surface, for the reports that draw it. Built on the first call and kept: only the
   * HTML report needs it, and it costs about 0.1 s on a 1,000-function app.
   */
  attackSurface(): ScanAttackSurface;
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

/** The attack surface of the scanned application. */
export interface ScanAttackSurface {
  /** Entry points → functions → what they reach, as `faasguard map --format json` writes it */
  map: AttackSurfaceMap;
  /** The functions each finding subject concerns (`Finding.subject.id` → function ids of `map`) */
  subjectFunctions: SubjectFunctions;
}
