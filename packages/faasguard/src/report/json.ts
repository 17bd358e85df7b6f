/**
 * The JSON report, a stable, versioned contract for scripts and dashboards. Its shape is described
 * by `schema/faasguard-report.schema.json` and documented in `docs/json-schema.md`; change all three
 * together and bump `JSON_SCHEMA_VERSION` (minor: fields added, major: fields changed or removed).
 *
 * Every object is built field by field, so key order is fixed and nothing the engine adds to its
 * internal types leaks into the contract by accident. `buildJsonReport` may hold `undefined` for
 * absent optional fields; they do not appear in the rendered text.
 */
import type { Finding, RelatedLocation, Suppression } from '../findings/finding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceLocation } from '../model/location.js';
import type { RuleMeta } from '../rules/rule.js';
import type { ScanResult } from '../scan/scan-result.js';
import { sortDiagnostics, sortFindings, sortRules, sortTemplates } from './ordering.js';
import { SCANNED_FOLDER_PATHS, type ReportPaths } from './report-paths.js';
import type { SeverityCounts } from './summary.js';
import { countBySeverity, suppressedFindings } from './summary.js';
import { escapeJson } from './terminal-text.js';
import { jsonTextParts } from './json-text-parts.js';

/** Version of the JSON report format (not of faasguard). */
export const JSON_SCHEMA_VERSION = '2.0.0';

/**
 * A place in a scanned file; `file` is relative to the report's root (see `JsonReport.scanRoot`),
 * `line`/`column` are 1-based, 0 meaning "the whole file/line".
 */
export interface JsonLocation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface JsonRelatedLocation {
  location: JsonLocation;
  message: string;
}

export interface JsonSubject {
  id: string;
  logicalId: string;
  constructPath?: string;
}

/** How the scanned project accepts a finding. */
export interface JsonSuppression {
  kind: Suppression['kind'];
  reason: string;
  location: JsonLocation;
}

export interface JsonFinding {
  ruleId: string;
  severity: Finding['severity'];
  category: Finding['category'];
  cwe: string[];
  title: string;
  message: string;
  location: JsonLocation;
  related: JsonRelatedLocation[];
  subject?: JsonSubject;
  fingerprint: string;
  /** Present on a suppressed finding, which does not count in the summary's severities */
  suppression?: JsonSuppression;
}

/** Findings that count, by severity and in total; then how many are suppressed. */
export type JsonSummary = SeverityCounts & { suppressed: number };

export interface JsonDiagnostic {
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  location: JsonLocation;
}

export interface JsonRule {
  id: string;
  title: string;
  category: RuleMeta['category'];
  cwe: string[];
  severity: RuleMeta['severity'];
}

/** The whole JSON report, in output key order. */
export interface JsonReport {
  schemaVersion: string;
  tool: { name: 'faasguard'; version: string };
  target: string;
  /** The scanned folder relative to the root every `file` starts from (the repository root from the CLI); `.` when it is the root */
  scanRoot: string;
  templates: string[];
  summary: JsonSummary;
  /** The findings that count, then the suppressed ones */
  findings: JsonFinding[];
  diagnostics: JsonDiagnostic[];
  rules: JsonRule[];
}

/** `result`'s paths are already relative to the root `paths` describes (see `withReportPaths`). */
export function buildJsonReport(result: ScanResult, paths: ReportPaths = SCANNED_FOLDER_PATHS): JsonReport {
  const counts = countBySeverity(result.findings);
  const suppressed = suppressedFindings(result);
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'faasguard', version: result.toolVersion },
    target: result.target,
    scanRoot: paths.scanFolder === '' ? '.' : paths.scanFolder,
    templates: sortTemplates(result.templates),
    summary: {
      critical: counts.critical,
      high: counts.high,
      medium: counts.medium,
      low: counts.low,
      info: counts.info,
      total: counts.total,
      suppressed: suppressed.length,
    },
    findings: [...sortFindings(result.findings), ...suppressed].map(jsonFinding),
    diagnostics: sortDiagnostics(result.diagnostics).map(jsonDiagnostic),
    rules: sortRules(result.rules).map(jsonRule),
  };
}

export function renderJson(result: ScanResult, paths: ReportPaths = SCANNED_FOLDER_PATHS): string {
  return `${escapeJson(JSON.stringify(buildJsonReport(result, paths), null, 2))}\n`;
}

/** `renderJson`'s text in pieces, a finding each (see `jsonTextParts`). */
export function renderJsonParts(result: ScanResult, paths: ReportPaths = SCANNED_FOLDER_PATHS): Iterable<string> {
  // The report's object, its lists, then each finding, diagnostic or rule whole.
  return jsonTextParts(buildJsonReport(result, paths), 2);
}

// Optional fields are set to `undefined` in place rather than added later: JSON.stringify drops
// them, and the keys that are present keep the documented order.

function jsonLocation(loc: SourceLocation): JsonLocation {
  return { file: loc.file, line: loc.line, column: loc.column, endLine: loc.endLine, endColumn: loc.endColumn };
}

function jsonRelated(rel: RelatedLocation): JsonRelatedLocation {
  return { location: jsonLocation(rel.loc), message: rel.message };
}

function jsonFinding(f: Finding): JsonFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    category: f.category,
    cwe: [...f.cwe],
    title: f.title,
    message: f.message,
    location: jsonLocation(f.location),
    related: f.related.map(jsonRelated),
    subject: f.subject === undefined ? undefined : jsonSubject(f.subject),
    fingerprint: f.fingerprint,
    suppression: f.suppression === undefined ? undefined : jsonSuppression(f.suppression),
  };
}

function jsonSuppression(s: Suppression): JsonSuppression {
  return { kind: s.kind, reason: s.reason, location: jsonLocation(s.location) };
}

function jsonSubject(s: NonNullable<Finding['subject']>): JsonSubject {
  return { id: s.id, logicalId: s.logicalId, constructPath: s.constructPath };
}

function jsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return { severity: d.severity, code: d.code, message: d.message, location: jsonLocation(d.loc) };
}

function jsonRule(r: RuleMeta): JsonRule {
  return { id: r.id, title: r.title, category: r.category, cwe: [...r.cwe], severity: r.severity };
}
