/**
 * The Markdown report, sized for a pull-request comment: counts first, a short table of the most
 * severe findings, then every finding in a collapsed `<details>` block so that a long report does
 * not bury the conversation; suppressed findings are counted, and listed only when asked. It stays
 * under GitHub's comment limit (see `markdown-budget.ts`). Deterministic like every format.
 */
import type { Finding, SasCategory } from '../findings/finding.js';
import { SAS_TITLES, SEVERITIES } from '../findings/finding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ScanResult } from '../scan/scan-result.js';
import { fileLine } from './file-line.js';
import { GITHUB_COMMENT_LIMIT, MARKDOWN_BUDGET, renderParts, renderPartsWithin, type Part, type Section } from './markdown-budget.js';
import { sortDiagnostics, sortFindings } from './ordering.js';
import type { ReportOptions } from './options.js';
import { countBySeverity, NOTHING_SCANNED, suppressedFindings } from './summary.js';
import { escapeLine } from './terminal-text.js';
import { countText } from '../util/count-text.js';

/** Rows of the top-findings table; the rest are only in the details. */
export const MARKDOWN_TOP_FINDINGS = 20;

/** What a cut report keeps first: input problems explain missing findings, so they come before details. */
const RANK = { top: 0, diagnostics: 1, details: 2, suppressed: 3 } as const;

/**
 * Within `budget` (see `markdown-budget.ts`) the report is whole. A larger one keeps its counts and
 * tables, then the top findings, the input problems, the details of the most severe findings and
 * the suppressed ones as far as they fit, and says how many more are in the SARIF or HTML report.
 */
export function renderMarkdown(result: ScanResult, options: Pick<ReportOptions, 'showSuppressed'> = {}, budget = MARKDOWN_BUDGET): string {
  const findings = sortFindings(result.findings);
  const suppressed = suppressedFindings(result);
  const showSuppressed = options.showSuppressed === true && suppressed.length > 0;
  const parts: Part[] = [{ block: heading(findings, result, suppressed.length, showSuppressed) }];
  if (findings.length > 0) {
    parts.push({ block: severityTable(findings) }, { block: categoryTable(findings) });
    parts.push({ section: topTable(findings), rank: RANK.top }, { section: detailsSection(findings), rank: RANK.details });
  }
  if (showSuppressed) parts.push({ section: suppressedTable(suppressed), rank: RANK.suppressed });
  if (result.diagnostics.length > 0) parts.push({ section: diagnosticsBlock(result.diagnostics), rank: RANK.diagnostics });
  const whole = renderParts(parts);
  return whole.length <= budget ? whole : renderPartsWithin(parts, budget);
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

function topTable(findings: readonly Finding[]): Section {
  const top = findings.slice(0, MARKDOWN_TOP_FINDINGS);
  return {
    head: [`### Top findings`, '', '| Severity | Rule | Location | Message |', '| --- | --- | --- | --- |'],
    items: top.map((f) => `| ${f.severity} | ${code(f.ruleId)} | ${code(fileLine(f.location))} | ${text(f.message)} |`),
    separator: '\n',
    note: (shown, cut) => {
      const rest = findings.length - shown;
      if (rest === 0) return undefined;
      return cut ? `…and ${rest} more.` : `…and ${rest} more in the details below.`;
    },
  };
}

/** Every finding, most severe first; a cut report says where the others are. */
function detailsSection(findings: readonly Finding[]): Section {
  return {
    head: ['### Details'],
    items: findings.map((f) => details(f).join('\n')),
    separator: '\n\n',
    note: (shown) => {
      const rest = findings.length - shown;
      if (rest === 0) return undefined;
      return `${rest} more finding${rest === 1 ? '' : 's'}: see the SARIF or HTML report (\`--format sarif\` or \`--format html\`), which list${rest === 1 ? 's' : ''} every finding; a pull-request comment holds at most ${countText(GITHUB_COMMENT_LIMIT)} characters.`;
    },
  };
}

function suppressedNote(count: number, shown: boolean): string {
  const what = `${count} suppressed finding${count === 1 ? '' : 's'}`;
  return shown ? `${what}, listed at the end.` : `${what} not shown (\`--show-suppressed\` lists them).`;
}

/** Suppressed findings are listed, not detailed: they were reviewed, and the reason is what matters. */
function suppressedTable(findings: readonly Finding[]): Section {
  const rows = findings.map((f) => {
    const s = f.suppression;
    return `| ${f.severity} | ${code(f.ruleId)} | ${code(fileLine(f.location))} | ${s ? text(s.reason) : ''} | ${s ? code(fileLine(s.location)) : ''} |`;
  });
  return {
    head: [`### Suppressed (${findings.length})`, '', '| Severity | Rule | Location | Reason | Suppressed at |', '| --- | --- | --- | --- | --- |'],
    items: rows,
    separator: '\n',
    note: (shown) => (shown < rows.length ? `…and ${rows.length - shown} more: see the SARIF or JSON report.` : undefined),
  };
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

function diagnosticsBlock(diagnostics: readonly Diagnostic[]): Section {
  const items = sortDiagnostics(diagnostics).map((d) => `- ${d.severity} ${code(fileLine(d.loc))} ${text(d.message)} (${code(d.code)})`);
  return {
    head: [`### Input problems (${diagnostics.length})`, ''],
    items,
    separator: '\n',
    note: (shown) => (shown < items.length ? `…and ${items.length - shown} more: see the SARIF or HTML report.` : undefined),
  };
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
