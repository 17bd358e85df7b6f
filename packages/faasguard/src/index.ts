/**
 * faasguard as a library: everything the command line does, without shelling out.
 *
 * - `scanProject` scans as `faasguard scan` does (configuration file included); `scan` and
 *   `loadApp` are the lower-level steps, for rules of your own.
 * - Configuration: `configForScan` finds and reads a configuration file, `applyConfig` lets
 *   explicit options win over it.
 * - Baselines: `writeBaselineFile`, `readBaselineFile`, `applyBaseline`.
 * - The attack-surface map: `attackSurface` (or `buildAttackSurfaceMap` on a loaded model), `renderMap`.
 * - Least privilege: `leastPrivilege` (or `prepareCodeAnalysis` then `leastPrivilegeFor`), `renderPolicies`.
 * - Secrets: `appSecretRedactor` masks an app's known secrets, `redactSecretsInText` any that look like one.
 *
 * Functions that read a configuration throw `ConfigError`, those that read a baseline
 * `BaselineError`; their messages name the file and are meant to be shown as they are.
 */
export { scan, loadApp, DEFAULT_MAX_FILE_SIZE, type ScanOptions, type ScanPhase, type LoadedApp } from './scan/scan.js';
export type { ScanResult, ScanAttackSurface, BaselineSummary } from './scan/scan-result.js';
export type { ScanProgress } from './scan/scan-progress.js';
export type { DiscoveredFile } from './discover/discover.js';
export { scanProject, type ProjectScan, type ProjectScanOptions } from './api/scan-project.js';
export type { ProjectOptions } from './api/project-options.js';
export type * from './model/app-model.js';
export * from './model/value.js';
export type { SourceLocation } from './model/location.js';
export type { Diagnostic } from './model/diagnostic.js';
export { SEVERITIES, severityRank, isSeverity, type Finding, type Severity, type SasCategory } from './findings/finding.js';
export type { Rule, RuleMeta, RuleResult } from './rules/rule.js';
export { ALL_RULES, findRule } from './rules/index.js';
export { renderReport, isReportFormat, REPORT_FORMATS, type ReportFormat, type ReportOptions } from './report/reporter.js';
export { writeReportFile } from './api/write-report.js';
export { reportPathsFor } from './report/report-root.js';
export type { ReportPaths, ReportRootKind } from './report/report-paths.js';

export { configForScan, type ConfigChoice } from './config/config-for-scan.js';
export { applyConfig, failOnOf, DEFAULT_FAIL_ON, type FailOn } from './config/apply-config.js';
export type { FaasguardConfig, RuleSetting } from './config/config.js';
export { ConfigError } from './config/config-error.js';
export { CONFIG_FILE_NAMES } from './config/find-config.js';

export { readBaselineFile, writeBaselineFile } from './baseline/baseline-io.js';
export { applyBaseline, matchBaseline, BASELINE_NOTE_CODE, type BaselineMatch } from './baseline/apply-baseline.js';
export { BaselineError, buildBaseline, parseBaseline, renderBaseline, DEFAULT_BASELINE_FILE, BASELINE_VERSION, type Baseline, type BaselineEntry } from './baseline/baseline-file.js';

export { attackSurface, type AttackSurfaceResult } from './api/attack-surface.js';
export { buildAttackSurfaceMap } from './map/build-map.js';
export { renderMap, isMapFormat, MAP_FORMATS, type MapFormat } from './map/render-map.js';
export type * from './map/attack-surface-types.js';

export { leastPrivilege, type LeastPrivilegeResult } from './api/least-privilege.js';
export type { FunctionPrivilege, UsedAction } from './code/aws-calls/least-privilege.js';
export { leastPrivilegeFor, prepareCodeAnalysis } from './api/code-analysis.js';
export { renderPolicies, isPolicyFormat, type PolicyFormat } from './policy/render-policy.js';

export { appSecretRedactor } from './scan/app-secrets.js';
export { redactSecretsInText, redact, ValueRedactor } from './secrets/index.js';
