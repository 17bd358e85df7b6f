/**
 * The terminal report: findings grouped by severity (critical first), each with its place, rule,
 * message, related places and a code frame; then, when asked, the suppressed findings with where
 * and why each is accepted; then the input problems; then a one-line summary.
 */
import type { Finding, Severity } from '../findings/finding.js';
import { SEVERITIES } from '../findings/finding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ScanResult } from '../scan/scan-result.js';
import { BASELINE_NOTE_CODE } from '../baseline/apply-baseline.js';
import type { Palette, Style } from './ansi.js';
import { createPalette } from './ansi.js';
import { codeFrame } from './code-frame.js';
import { type FrameSource, frameSources } from './frame-source.js';
import type { ReportOptions } from './options.js';
import { sortDiagnostics, sortFindings } from './ordering.js';
import { displayLocation } from './pretty-location.js';
import { countBySeverity, NOTHING_SCANNED, suppressedFindings, suppressionText } from './summary.js';
import { escapeLine } from './terminal-text.js';

const FINDING_INDENT = '  ';
const DETAIL_INDENT = '    ';

interface PrettyContext {
  result: ScanResult;
  palette: Palette;
  options: ReportOptions;
  /** Each file's lines for code frames, indexed and redacted once per report */
  sourceOf: (file: string) => FrameSource | undefined;
}

export function renderPretty(result: ScanResult, options: ReportOptions): string {
  const ctx: PrettyContext = { result, palette: createPalette(options.color), options, sourceOf: frameSources((file) => result.readSource(file), options.redactLine) };
  const findings = sortFindings(result.findings);
  const blocks: string[][] = [];
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length > 0) blocks.push(severityGroup(severity, group, ctx));
  }
  // No template loaded is a failed scan (exit 2), never a clean one.
  if (result.templates.length === 0) blocks.push([ctx.palette.bold(`${NOTHING_SCANNED[0]!.toUpperCase()}${NOTHING_SCANNED.slice(1)}.`)]);
  else if (findings.length === 0) blocks.push([ctx.palette.bold(result.diagnostics.some((d) => d.severity === 'error') ? 'No findings in the templates that could be read.' : 'No findings.')]);
  const suppressed = suppressedFindings(result);
  if (options.showSuppressed && suppressed.length > 0) blocks.push(suppressedGroup(suppressed, ctx));
  // The baseline's note is not a problem with the input: the summary line gives its counts.
  const problems = result.diagnostics.filter((d) => d.code !== BASELINE_NOTE_CODE);
  if (problems.length > 0) blocks.push(diagnosticsBlock(problems, ctx.palette));
  blocks.push([summaryLine(result, ctx.palette, options.showSuppressed === true)]);
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}

function severityStyle(severity: Severity, palette: Palette): Style {
  const colour: Record<Severity, Style> = {
    critical: palette.magenta,
    high: palette.red,
    medium: palette.yellow,
    low: palette.cyan,
    info: palette.gray,
  };
  return colour[severity];
}

function severityGroup(severity: Severity, group: Finding[], ctx: PrettyContext): string[] {
  const style = severityStyle(severity, ctx.palette);
  const header = ctx.palette.bold(style(`${severity.toUpperCase()} (${group.length})`));
  const lines = [header];
  for (const finding of group) lines.push('', ...findingLines(finding, ctx));
  return lines;
}

/** Shown only when asked, after the findings that count; each says where and why it is accepted. */
function suppressedGroup(group: Finding[], ctx: PrettyContext): string[] {
  const lines = [ctx.palette.bold(`SUPPRESSED (${group.length})`)];
  for (const finding of group) lines.push('', ...findingLines(finding, ctx));
  return lines;
}

function findingLines(finding: Finding, ctx: PrettyContext): string[] {
  const { palette } = ctx;
  const place = palette.bold(escapeLine(displayLocation(finding.location)));
  const severity = finding.suppression ? `${finding.severity} ` : '';
  const lines = [`${FINDING_INDENT}${place}  ${severity}${palette.dim(escapeLine(finding.ruleId))}  ${escapeLine(finding.title)}`];
  if (finding.suppression) lines.push(`${DETAIL_INDENT}${palette.gray(escapeLine(suppressionText(finding.suppression)))}`);
  lines.push(`${DETAIL_INDENT}${escapeLine(finding.message)}`);
  const constructPath = finding.subject?.constructPath;
  if (constructPath !== undefined) lines.push(`${DETAIL_INDENT}${palette.gray('construct')} ${escapeLine(constructPath)}`);
  for (const rel of finding.related) {
    const where = escapeLine(displayLocation(rel.loc));
    lines.push(`${DETAIL_INDENT}${palette.gray('related')} ${where}  ${escapeLine(rel.message)}`);
  }
  const frame = codeFrame(ctx.sourceOf(finding.location.file), finding.location, { palette, indent: DETAIL_INDENT });
  if (frame.length > 0) lines.push('', ...frame);
  return lines;
}

function diagnosticsBlock(diagnostics: Diagnostic[], palette: Palette): string[] {
  const level: Record<Diagnostic['severity'], Style> = { error: palette.red, warning: palette.yellow, note: palette.cyan };
  const lines = [palette.bold(`Input problems (${diagnostics.length})`), ''];
  for (const d of sortDiagnostics(diagnostics)) {
    const where = escapeLine(displayDiagnosticLocation(d));
    const message = escapeLine(d.message);
    lines.push(`${FINDING_INDENT}${level[d.severity](d.severity)} ${where} ${message} ${palette.gray(`[${escapeLine(d.code)}]`)}`);
  }
  return lines;
}

/** Input problems are reported per line: `file:line`, or just the file when it is about all of it. */
function displayDiagnosticLocation(d: Diagnostic): string {
  return d.loc.line >= 1 ? `${d.loc.file}:${d.loc.line}` : d.loc.file;
}

function summaryLine(result: ScanResult, palette: Palette, showSuppressed: boolean): string {
  const counts = countBySeverity(result.findings);
  const perSeverity = SEVERITIES.map((s) => {
    const text = `${counts[s]} ${s}`;
    return counts[s] > 0 ? severityStyle(s, palette)(text) : text;
  }).join(', ');
  const parts = [`${plural(counts.total, 'finding')} (${perSeverity})`];
  const suppressed = result.suppressed?.length ?? 0;
  if (suppressed > 0) parts.push(`${suppressed} suppressed${showSuppressed ? '' : ' (--show-suppressed lists them)'}`);
  const problems = result.diagnostics.filter((d) => d.code !== BASELINE_NOTE_CODE).length;
  if (problems > 0) parts.push(plural(problems, 'input problem'));
  if (result.baseline) parts.push(`${result.baseline.baselined} baselined, ${result.baseline.gone} gone from the baseline`);
  parts.push(`${plural(result.templates.length, 'template')} scanned`);
  return palette.bold(parts.join('; '));
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
