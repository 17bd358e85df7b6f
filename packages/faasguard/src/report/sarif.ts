/**
 * SARIF 2.1.0 output: one run, for GitHub code scanning, IDEs and any SARIF viewer.
 *
 * Deterministic like every format: no timestamps, no absolute paths (locations are relative to
 * `%SRCROOT%`, the root of the report's paths, which is left for the consumer to resolve: GitHub
 * resolves them from the repository root), results in `compareFindings` order: the findings that
 * count, then the suppressed ones with their `suppressions`. At most `SARIF_MAX_RESULTS` results.
 */
import { isTerraformConfig } from '../loaders/terraform/terraform-files.js';
import type { Finding, FlowStep, RelatedLocation, Suppression } from '../findings/finding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { REPOSITORY_URL } from '../project-urls.js';
import type { ScanResult } from '../scan/scan-result.js';
import { frameSources } from './frame-source.js';
import { sortDiagnostics, sortFindings } from './ordering.js';
import { SCANNED_FOLDER_PATHS, type ReportPaths } from './report-paths.js';
import { notificationLocations, resultLocation, sarifLocation, SRCROOT, type LineLength } from './sarif-location.js';
import { reportingDescriptor, runRules, sarifLevel } from './sarif-rules.js';
import { suppressedFindings } from './summary.js';
import type { SarifCodeFlow, SarifLocation, SarifLog, SarifNotification, SarifResult, SarifRun, SarifSuppression } from './sarif-types.js';
import { escapeJson } from './terminal-text.js';
import { jsonTextParts } from './json-text-parts.js';
import { countText } from '../util/count-text.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = REPOSITORY_URL;
/** Key of the fingerprint in `partialFingerprints`; versioned so the scheme can change later. */
export const FINGERPRINT_KEY = 'faasguard/v1';
/** GitHub code scanning rejects a run with more results than this. */
export const SARIF_MAX_RESULTS = 25_000;

/** How to build the log; see `ReportOptions`. */
export interface SarifOptions {
  /** What `%SRCROOT%` is; the result's paths are already relative to it (see `withReportPaths`) */
  paths?: ReportPaths;
  /** Told how many results were left out over `SARIF_MAX_RESULTS` */
  warn?: (message: string) => void;
  /** The most results a run holds (tests lower it) */
  maxResults?: number;
}

export function buildSarifLog(result: ScanResult, options: SarifOptions = {}): SarifLog {
  const all = [...sortFindings(result.findings), ...suppressedFindings(result)];
  const limit = options.maxResults ?? SARIF_MAX_RESULTS;
  // Most severe first, and the findings that count before the suppressed ones: the cut keeps what matters.
  const findings = all.slice(0, limit);
  const omitted = all.length - findings.length;
  if (omitted > 0) options.warn?.(omittedMessage(omitted, all.length, limit));
  const rules = runRules(result.rules, findings);
  const terraformRules = new Set(findings.filter((f) => isTerraformConfig(f.location.file)).map((f) => f.ruleId));
  const sources = frameSources((file) => result.readSource(file));
  const lineLength: LineLength = (file, line) => sources(file)?.lineLength(line);
  const run: SarifRun = {
    tool: {
      driver: {
        name: 'faasguard',
        version: result.toolVersion,
        informationUri: INFORMATION_URI,
        rules: rules.metas.map((m) => reportingDescriptor(m, terraformRules.has(m.id))),
      },
    },
    invocations: [
      {
        // A template that could not be read leaves the analysis incomplete (the CLI exits 2).
        executionSuccessful: !result.diagnostics.some((d) => d.severity === 'error'),
        toolExecutionNotifications: sortDiagnostics(result.diagnostics).map(notification),
      },
    ],
    originalUriBaseIds: {
      // No `uri`: an absolute path would make the log machine-specific, and GitHub resolves from the repository root.
      [SRCROOT]: { description: { text: rootDescription(result.target, options.paths ?? SCANNED_FOLDER_PATHS) } },
    },
    columnKind: 'utf16CodeUnits',
    results: findings.map((f) => sarifResult(f, rules.index.get(f.ruleId) ?? 0, lineLength)),
  };
  if (omitted > 0) run.properties = { resultLimit: limit, omittedResults: omitted };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export function renderSarif(result: ScanResult, options: SarifOptions = {}): string {
  return `${escapeJson(JSON.stringify(buildSarifLog(result, options), null, 2))}\n`;
}

/** `renderSarif`'s text in pieces, a result each (see `jsonTextParts`). */
export function renderSarifParts(result: ScanResult, options: SarifOptions = {}): Iterable<string> {
  // The log, its runs, a run, its lists, then each result or notification whole.
  return jsonTextParts(buildSarifLog(result, options), 4);
}

function omittedMessage(omitted: number, total: number, limit: number): string {
  return `SARIF report: ${countText(omitted)} of ${countText(total)} results left out, over GitHub code scanning's limit of ${countText(limit)} a run; the most severe are kept`;
}

function rootDescription(target: string, paths: ReportPaths): string {
  if (paths.root === 'scanned folder') return `The scanned directory (${target})`;
  const root = paths.root === 'repository' ? 'The root of the repository' : 'The working directory of the scan';
  if (paths.scanFolder === '') return `${root}, which is the scanned directory (${target})`;
  return `${root} that holds the scanned directory (${target}) at ${paths.scanFolder}`;
}

function sarifResult(f: Finding, ruleIndex: number, lineLength: LineLength): SarifResult {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [resultLocation(f.location, lineLength)],
    relatedLocations: f.related.length > 0 ? f.related.map(relatedLocation) : undefined,
    codeFlows: f.flow && f.flow.length > 0 ? [codeFlow(f.flow)] : undefined,
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    suppressions: f.suppression ? [suppression(f.suppression)] : undefined,
    // The level folds critical into high; keep the exact severity for consumers that want it.
    properties: { severity: f.severity, category: f.category, cwe: [...f.cwe] },
  };
}

/** Comments and Metadata entries are both written in the scanned sources: `inSource`. */
function suppression(s: Suppression): SarifSuppression {
  return { kind: 'inSource', status: 'accepted', justification: s.reason, location: sarifLocation(s.location) };
}

/** Ids are 1-based, as in the `[text](1)` links a SARIF message can use to point at them. */
function relatedLocation(rel: RelatedLocation, i: number): SarifLocation {
  return { id: i + 1, ...sarifLocation(rel.loc), message: { text: rel.message } };
}

function codeFlow(steps: FlowStep[]): SarifCodeFlow {
  return { threadFlows: [{ locations: steps.map((s) => ({ location: { ...sarifLocation(s.loc), message: { text: s.message } } })) }] };
}

function notification(d: Diagnostic): SarifNotification {
  return {
    level: d.severity,
    message: { text: d.message },
    descriptor: { id: d.code },
    locations: notificationLocations(d.loc),
  };
}
