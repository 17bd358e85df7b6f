/**
 * The property every fuzz input must keep: the scan of the project returns (no exception escapes,
 * and none is caught and reported as a rule failure), every diagnostic names a file, every report and map format renders and parses as its consumer
 * reads it, and no control character reaches an output unescaped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderMap, MAP_FORMATS, type MapFormat } from '../../src/map/render-map.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../../src/report/reporter.js';
import { scan } from '../../src/scan/scan.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { writeFiles, type ProjectFiles } from '../helpers/temp-project.js';
import { embeddedData } from '../report/html/embedded-data.js';
import { validateJsonReportFast, validateSarifSchemaFast } from '../report/validators.js';
import { checkXml } from '../report/xml-check.js';

/** A JSON text may hold no raw C0 control: `JSON.parse` would reject it, and a terminal would act on it. */
const RAW_C0 = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * Text read by people (terminal, Markdown, graphs, XML) must also hold no DEL, C1 control or bidi
 * override: each can rewrite or reorder what a reader sees. JSON formats carry them as data.
 */
const SHOWN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Which kind of output a rendered text is, for the checks above. */
type OutputKind = 'json' | 'shown';

const REPORT_KINDS: Record<ReportFormat, OutputKind> = { pretty: 'shown', json: 'json', sarif: 'json', markdown: 'shown', junit: 'shown', html: 'json' };
const MAP_KINDS: Record<MapFormat, OutputKind> = { text: 'shown', json: 'json', mermaid: 'shown', dot: 'shown' };

/**
 * Exceptions the scan catches and reports as input problems: a rule that threw, a parser or code
 * analysis that threw. They are internal errors all the same, and fail the property.
 */
const CAUGHT_INTERNAL_ERROR = /^rule \S+ failed: |parser failed: |the analysis failed \(/;

/** Why a case failed, with enough context to read the counterexample. */
export class InvariantError extends Error {}

/** One reusable project folder per fuzz property: emptied and refilled for each case. */
export class CaseFolder {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-fuzz-'));
  /** An empty vulnerability cache, so that no case reads the user's `db update` data. */
  readonly cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-fuzz-cache-'));

  fill(files: ProjectFiles): string {
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
    writeFiles(this.dir, files);
    return this.dir;
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.rmSync(this.cacheDir, { recursive: true, force: true });
  }
}

/** Known problems being fixed elsewhere: a diagnostic code or output check a property may waive, by name. */
export interface Waivers {
  /** Output formats whose control-character check is skipped (e.g. `map:text`, `report:markdown`) */
  controlCharactersIn?: readonly string[];
}

/** Scans `files` in `folder`, renders every format and checks them all; throws an `InvariantError` naming what broke. */
export async function checkScanOf(folder: CaseFolder, files: ProjectFiles, waivers: Waivers = {}): Promise<void> {
  const dir = folder.fill(files);
  const result = await scan(dir, { threads: 1, cacheDir: folder.cacheDir, envVars: ['FAASGUARD_FUZZ_VAR'] });
  checkLocations(result);
  for (const format of REPORT_FORMATS) {
    const out = renderReport(result, format, { color: false, showSuppressed: true });
    checkOutput(`report:${format}`, format === 'html' ? withoutPageScript(out) : out, REPORT_KINDS[format], waivers);
    checkParses(format, out);
  }
  const { map } = result.attackSurface();
  for (const format of MAP_FORMATS) {
    const out = renderMap(map, format);
    checkOutput(`map:${format}`, out, MAP_KINDS[format], waivers);
    if (format === 'json') JSON.parse(out);
  }
}

/** The HTML page without its own script bundle, whose minified code holds control characters of its own. */
function withoutPageScript(html: string): string {
  return html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
}

function checkLocations(result: ScanResult): void {
  for (const d of result.diagnostics) {
    if (typeof d.loc?.file !== 'string' || d.loc.file === '' || path.isAbsolute(d.loc.file)) {
      throw new InvariantError(`diagnostic without a relative file: ${JSON.stringify(d)}`);
    }
    if (d.code === 'rule-failed' || CAUGHT_INTERNAL_ERROR.test(d.message)) throw new InvariantError(`internal error reported as a diagnostic: ${JSON.stringify(d)}`);
  }
  for (const f of [...result.findings, ...(result.suppressed ?? [])]) {
    if (typeof f.location?.file !== 'string' || f.location.file === '') throw new InvariantError(`finding without a file: ${f.ruleId} ${JSON.stringify(f.location)}`);
  }
}

function checkOutput(name: string, out: string, kind: OutputKind, waivers: Waivers): void {
  if (waivers.controlCharactersIn?.includes(name)) return;
  const pattern = kind === 'json' ? RAW_C0 : SHOWN_CONTROL;
  const m = pattern.exec(out);
  if (m) throw new InvariantError(`${name}: unescaped control character U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} in ${JSON.stringify(out.slice(Math.max(0, m.index - 60), m.index + 60))}`);
}

function checkParses(format: ReportFormat, out: string): void {
  const problems = parseProblems(format, out);
  if (problems.length > 0) throw new InvariantError(`report:${format} does not parse: ${problems.slice(0, 5).join('; ')}`);
}

function parseProblems(format: ReportFormat, out: string): string[] {
  switch (format) {
    case 'json':
      return validateJsonReportFast(JSON.parse(out));
    case 'sarif':
      return validateSarifSchemaFast(JSON.parse(out));
    case 'junit':
      return checkXml(out).problems;
    case 'html':
      embeddedData(out);
      return [];
    case 'pretty':
    case 'markdown':
      return [];
  }
}
