/**
 * A report written to a file as the command line writes `--output`: in pieces a megabyte or so at
 * a time, so that a large report (73 MB of JSON at 10,000 functions) is never held whole as text,
 * and through a file beside it renamed over the target once whole, so that a failure leaves the
 * file as it was. The same text as `renderReport`.
 */
import type { ScanResult } from '../scan/scan-result.js';
import { renderReportParts, type ReportFormat, type ReportOptions } from '../report/reporter.js';
import { writeFileInParts } from '../cli/write-in-parts.js';

export function writeReportFile(file: string, result: ScanResult, format: ReportFormat, options: ReportOptions): void {
  writeFileInParts(file, renderReportParts(result, format, options));
}
