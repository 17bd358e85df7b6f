/**
 * The Markdown report, sized for a pull-request comment: counts first, a short table of the most
 * severe findings, then every finding in a collapsed `<details>` block so that a long report does
 * not bury the conversation. Deterministic like every format.
 */
import type { Finding, SasCategory } from '../findings/finding.js';
import { SAS_TITLES, SEVERITIES } from '../findings/finding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ScanResult } from '../scan/scan-result.js';
import { fileLine } from './file-line.js';
import { sortDiagnostics, sortFindings } from './ordering.js';
import { countBySeverity } from './summary.js';

/** Rows of the top-findings table; the rest are only in the details. */
export const MARKDOWN_TOP_FINDINGS = 20;

export function renderMarkdown(result: ScanResult): string {
  const findings = sortFindings(result.findings);
  const blocks: string[][] = [heading(findings, result)];
  if (findings.length > 0) {
    blocks.push(severityTable(findings), categoryTable(findings), topTable(findings));
    blocks.push(['### Details'], ...findings.map(details));
  }
  if (result.diagnostics.length > 0) blocks.push(diagnosticsBlock(result.diagnostics));
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}

function heading(findings: readonly Finding[], result: ScanResult): string[] {
  const templates = `${result.templates.length} template${result.templates.length === 1 ? '' : 's'}`;
  if (findings.length === 0) return ['## faasguard: no findings', '', `${templates} scanned.`];
  return [`## faasguard: ${findings.length} finding${findings.length === 1 ? '' : 's'}`, '', `${templates} scanned.`];
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
 * that a resource name cannot inject links, markup or break out of a table.
 */
function text(s: string): string {
  return html(s)
    .replace(/([\\`*_[\]|#])/g, '\\$1')
    .replace(/\r\n|\r|\n/g, ' ');
}

function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A code span that holds any text: the fence is longer than any run of backticks inside. */
function code(s: string): string {
  const flat = s.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
