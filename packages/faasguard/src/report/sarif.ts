/**
 * SARIF 2.1.0 output: one run, for GitHub code scanning, IDEs and any SARIF viewer.
 *
 * Deterministic like every format: no timestamps, no absolute paths (locations are relative to
 * `%SRCROOT%`, which is left for the consumer to resolve), results in `compareFindings` order:
 * the findings that count, then the suppressed ones with their `suppressions`.
 */
import type { Finding, FlowStep, RelatedLocation, Suppression } from '../findings/finding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ScanResult } from '../scan/scan-result.js';
import { sortDiagnostics, sortFindings } from './ordering.js';
import { SRCROOT, sarifLocation } from './sarif-location.js';
import { reportingDescriptor, runRules, sarifLevel } from './sarif-rules.js';
import { suppressedFindings } from './summary.js';
import type { SarifCodeFlow, SarifLocation, SarifLog, SarifNotification, SarifResult, SarifSuppression } from './sarif-types.js';
import { escapeJson } from './terminal-text.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/faasguard/faasguard';
/** Key of the fingerprint in `partialFingerprints`; versioned so the scheme can change later. */
export const FINGERPRINT_KEY = 'faasguard/v1';

export function buildSarifLog(result: ScanResult): SarifLog {
  const findings = [...sortFindings(result.findings), ...suppressedFindings(result)];
  const rules = runRules(result.rules, findings);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'faasguard',
            version: result.toolVersion,
            informationUri: INFORMATION_URI,
            rules: rules.metas.map(reportingDescriptor),
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
          // No `uri`: the scanned directory's absolute path would make the log machine-specific.
          [SRCROOT]: { description: { text: `The scanned directory (${result.target})` } },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => sarifResult(f, rules.index.get(f.ruleId) ?? 0)),
      },
    ],
  };
}

export function renderSarif(result: ScanResult): string {
  return `${escapeJson(JSON.stringify(buildSarifLog(result), null, 2))}\n`;
}

function sarifResult(f: Finding, ruleIndex: number): SarifResult {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [sarifLocation(f.location)],
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
    locations: [sarifLocation(d.loc)],
  };
}
