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
  findings: Finding[];
  /** Problems with the input (files that did not parse, broken references …) */
  diagnostics: Diagnostic[];
  /** Metadata of every rule that ran, sorted by id */
  rules: RuleMeta[];
  /** Reads a scanned file's text, for code frames; undefined when it cannot */
  readSource(file: string): string | undefined;
}
