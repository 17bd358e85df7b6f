/**
 * The Markdown report, sized for a pull-request comment: counts first, a short table of the most
 * severe findings, then every finding in a collapsed `<details>` block so that a long report does
 * not bury the conversation; suppressed findings are counted, and listed only when asked.
 * Deterministic like every format.
 */
import type { Finding, SasCategory } from '../findings/finding.js';
import { SAS_TITLES, SEVERITIES } from '../findings/finding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ScanResult } from '../scan/scan-result.js';
import { fileLine } from './file-line.js';
import { sortDiagnostics, sortFindings } from './ordering.js';
import type { ReportOptions } from './options.js';
import { countBySeverity, NOTHING_SCANNED, suppressedFindings } from './summary.js';
import { escapeLine } from './terminal-text.js';

/** Rows of the top-findings table; the rest are only in the details. */
export const MARKDOWN_TOP_FINDINGS = 20;

export function renderMarkdown(result: ScanResult, options: Pick<ReportOptions, 'showSuppressed'> = {}): string {
  const findings = sortFindings(result.findings);
  const suppressed = suppressedFindings(result);
  const showSuppressed = options.showSuppressed === true && suppressed.length > 0;
  const blocks: string[][] = [heading(findings, result, suppressed.length, showSuppressed)];
  if (findings.length > 0) {
    blocks.push(severityTable(findings), categoryTable(findings), topTable(findings));
    blocks.push(['### Details'], ...findings.map(details));
  }
  if (showSuppressed) blocks.push(suppressedTable(suppressed));
  if (result.diagnostics.length > 0) blocks.push(diagnosticsBlock(result.diagnostics));
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}

function heading(findings: readonly Finding[], result: ScanResult, suppressed: number, showSuppressed: boolean): string[] {
  const templates = `${result.templates.length} template${result.templates.length === 1 ? '' : 's'}`;
  const title = result.templates.length === 0 ? `## faasguard: ${NOTHING_SCANNED}` : findings.length === 0 ? '## faasguard: no findings' : `## faasguard: ${findings.length} finding${findings.length === 1 ? '' : 's'}`;
  const lines = [title, '', `${templates} scanned.`];
  if (suppressed > 0) lines.push('', suppressedNote(suppressed, showSuppressed));
  return lines;
}

function severityTable(findings: readonly Finding[]): string[] {
  const counts = countBySeverity(findings);
  return ['| Severity | Findings |', '| --- | ---: |', ...SEVERITIES.map((s) => `| ${s} | ${counts[s]} |`)];
}

/** Only the categories that have findings, in OWASP order: ten rows of zeros would be noise. */
function categoryTable(findings: readonly Finding[]): string[] {
  const counts = new Map<SasCategory, number>();
  for (const f of findings) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
  const rows = (Object.keys(SAS_TITLES) as SasCategory[])
    .filter((c) => counts.has(c))
    .map((c) => `| ${c} ${text(SAS_TITLES[c])} | ${counts.get(c)} |`);
  return ['| Category | Findings |', '| --- | ---: |', ...rows];
}

function topTable(findings: readonly Finding[]): string[] {
  const top = findings.slice(0, MARKDOWN_TOP_FINDINGS);
  const lines = [
    `### Top findings`,
    '',
    '| Severity | Rule | Location | Message |',
    '| --- | --- | --- | --- |',
    ...top.map((f) => `| ${f.severity} | ${code(f.ruleId)} | ${code(fileLine(f.location))} | ${text(f.message)} |`),
  ];
  const rest = findings.length - top.length;
  if (rest > 0) lines.push('', `…and ${rest} more in the details below.`);
  return lines;
}

function suppressedNote(count: number, shown: boolean): string {
  const what = `${count} suppressed finding${count === 1 ? '' : 's'}`;
  return shown ? `${what}, listed at the end.` : `${what} not shown (\`--show-suppressed\` lists them).`;
}

/** Suppressed findings are listed, not detailed: they were reviewed, and the reason is what matters. */
function suppressedTable(findings: readonly Finding[]): string[] {
  const rows = findings.map((f) => {
    const s = f.suppression;
    return `| ${f.severity} | ${code(f.ruleId)} | ${code(fileLine(f.location))} | ${s ? text(s.reason) : ''} | ${s ? code(fileLine(s.location)) : ''} |`;
  });
  return [`### Suppressed (${findings.length})`, '', '| Severity | Rule | Location | Reason | Suppressed at |', '| --- | --- | --- | --- | --- |', ...rows];
}

function details(f: Finding): string[] {
  const lines = [
    '<details>',
    `<summary>${f.severity}: ${html(f.ruleId)} at ${html(fileLine(f.location))}</summary>`,
    '',
    `**${text(f.title)}**`,
    '',
    text(f.message),
  ];
  if (f.related.length > 0) lines.push('', 'Related:', ...f.related.map((r) => `- ${code(fileLine(r.loc))} ${text(r.message)}`));
  if (f.flow && f.flow.length > 0) lines.push('', 'Flow:', ...f.flow.map((s, i) => `${i + 1}. ${code(fileLine(s.loc))} ${text(s.message)}`));
  lines.push('', '</details>');
  return lines;
}

function diagnosticsBlock(diagnostics: readonly Diagnostic[]): string[] {
  const items = sortDiagnostics(diagnostics).map((d) => `- ${d.severity} ${code(fileLine(d.loc))} ${text(d.message)} (${code(d.code)})`);
  return [`### Input problems (${diagnostics.length})`, '', ...items];
}

/**
 * Text from the scanned project is untrusted: escape what Markdown or HTML would interpret, so
 * that a resource name cannot inject links, markup or break out of a table, and show control
 * characters as escapes, as the terminal report does (the report is also read with `cat`).
 */
function text(s: string): string {
  return html(s).replace(/([\\`*_[\]|#])/g, '\\$1');
}

/** Control characters and line breaks are shown escaped (see `escapeLine`): a name cannot end a table row or start a line. */
function html(s: string): string {
  return escapeLine(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A code span that holds any text: the fence is longer than any run of backticks inside. */
function code(s: string): string {
  const flat = escapeLine(s).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
