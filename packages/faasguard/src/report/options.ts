/** The output formats faasguard can write. */
export type ReportFormat = 'pretty' | 'json' | 'sarif' | 'markdown' | 'junit' | 'html';

export const REPORT_FORMATS: readonly ReportFormat[] = ['pretty', 'json', 'sarif', 'markdown', 'junit', 'html'];

export function isReportFormat(s: string): s is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(s);
}

import type { ReportPaths } from './report-paths.js';

/** How to render; reporters take no other decision. */
export interface ReportOptions {
  /** ANSI colours in the pretty report. The CLI decides (a TTY and no `NO_COLOR`); ignored by every other format. */
  color: boolean;
  /**
   * Applied to every source line printed in a code frame (pretty and HTML reports), so that a line
   * holding a secret is never shown verbatim. The CLI passes the secret redactor.
   */
  redactLine?: (line: string) => string;
  /**
   * Show suppressed findings, marked, in the pretty and Markdown reports (`--show-suppressed`); they
   * are only counted otherwise. JSON, SARIF and JUnit always hold them, marked as suppressed.
   */
  showSuppressed?: boolean;
  /**
   * Where the paths of the JSON, SARIF, JUnit and Markdown reports start (the CLI passes the
   * repository root: see `reportPathsFor`). Absent: relative to the scanned folder, as in the
   * ScanResult. The pretty and HTML reports, read by people next to the target they named, keep
   * paths relative to the scanned folder.
   */
  paths?: ReportPaths;
  /** Told what a report had to leave out (SARIF results over GitHub's limit); the CLI writes it on stderr. */
  warn?: (message: string) => void;
}
