/**
 * Entry point of the reporters: formats a ScanResult in the format asked for. Every format is
 * deterministic: the same result gives the same bytes, whatever the order of its findings.
 */
import type { ScanResult } from '../scan/scan-result.js';
import { renderHtml } from './html/html-report.js';
import { renderJson, renderJsonParts } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { ReportFormat, ReportOptions } from './options.js';
import { renderPretty } from './pretty.js';
import { SCANNED_FOLDER_PATHS, withReportPaths } from './report-paths.js';
import { renderSarif, renderSarifParts } from './sarif.js';

export type { ReportFormat, ReportOptions } from './options.js';
export { REPORT_FORMATS, isReportFormat } from './options.js';

export function renderReport(result: ScanResult, format: ReportFormat, options: ReportOptions): string {
  const paths = options.paths ?? SCANNED_FOLDER_PATHS;
  switch (format) {
    case 'pretty':
      return renderPretty(result, options);
    case 'json':
      return renderJson(withReportPaths(result, paths), paths);
    case 'sarif':
      return renderSarif(withReportPaths(result, paths), { paths, ...(options.warn ? { warn: options.warn } : {}) });
    case 'markdown':
      return renderMarkdown(withReportPaths(result, paths), options);
    case 'junit':
      return renderJunit(withReportPaths(result, paths));
    case 'html':
      return renderHtml(result, options);
  }
  // Reached only when an unchecked string gets past the type system (e.g. a CLI flag).
  throw new Error(`unknown report format: ${String(format)}`);
}

/**
 * The report in pieces whose concatenation is `renderReport`'s text: the JSON and SARIF reports a
 * finding at a time (see `jsonTextParts`), the other formats whole.
 */
export function renderReportParts(result: ScanResult, format: ReportFormat, options: ReportOptions): Iterable<string> {
  const paths = options.paths ?? SCANNED_FOLDER_PATHS;
  if (format === 'json') return renderJsonParts(withReportPaths(result, paths), paths);
  if (format === 'sarif') return renderSarifParts(withReportPaths(result, paths), { paths, ...(options.warn ? { warn: options.warn } : {}) });
  return [renderReport(result, format, options)];
}
