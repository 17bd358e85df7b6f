/**
 * faasguard as a library: scan a directory, or load its AppModel and run rules of your own.
 */
export { scan, loadApp, type ScanOptions } from './scan/scan.js';
export type { ScanResult } from './scan/scan-result.js';
export type * from './model/app-model.js';
export * from './model/value.js';
export type { SourceLocation } from './model/location.js';
export type { Diagnostic } from './model/diagnostic.js';
export type { Finding, Severity, SasCategory } from './findings/finding.js';
export type { Rule, RuleMeta, RuleResult } from './rules/rule.js';
export { ALL_RULES } from './rules/index.js';
export { renderReport, type ReportFormat } from './report/reporter.js';
