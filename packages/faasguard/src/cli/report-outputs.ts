/**
 * Where the reports of one scan go: `--format` and `--output` pair up by order
 * (`-f sarif -o x.sarif -f markdown -o x.md`), so that one scan writes several reports. One format
 * and no `--output` is the report on standard output; no `--format` is the pretty report.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { isReportFormat, type ReportFormat } from '../report/reporter.js';
import { isDirectory } from './file-kinds.js';
import { plural } from './plural.js';
import { UsageError } from './usage-error.js';

/** One report: its format, and its file (standard output when absent). */
export interface ReportOutput {
  format: ReportFormat;
  file?: string;
}

export const DEFAULT_REPORT_FORMAT: ReportFormat = 'pretty';

export function reportOutputs(formats: readonly string[], files: readonly string[]): ReportOutput[] {
  const wanted = formats.length === 0 ? [DEFAULT_REPORT_FORMAT] : formats;
  for (const format of wanted) if (!isReportFormat(format)) throw new UsageError(`--format must be pretty, json, sarif, markdown, junit or html, not "${format}"`);
  const checked = wanted as ReportFormat[];
  if (files.length === 0 && checked.length === 1) return [{ format: checked[0]! }];
  if (files.length !== checked.length) {
    throw new UsageError(`--format and --output pair up by order: ${plural(checked.length, 'format')} and ${plural(files.length, 'output')}; give one --output per --format (only one report can go to standard output)`);
  }
  const twice = files.find((f, i) => files.findIndex((g) => path.resolve(g) === path.resolve(f)) !== i);
  if (twice !== undefined) throw new UsageError(`--output ${twice} is given twice`);
  return checked.map((format, i) => ({ format, file: files[i]! }));
}

/** The report's folder is made before the scan: a wrong path should fail fast, not after a long scan. */
export function prepareOutput(file: string): void {
  const dir = path.dirname(path.resolve(file));
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(`--output ${file}: cannot create its folder ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (isDirectory(file)) throw new UsageError(`--output ${file} is a directory; give a file name`);
  if (!isDirectory(dir)) throw new UsageError(`--output ${file}: ${dir} is not a directory`);
}

