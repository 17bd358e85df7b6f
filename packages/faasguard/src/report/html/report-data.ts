/**
 * Builds what the HTML page embeds from a ScanResult: sorted findings with their code frames,
 * flows and fixes, the counts of the summary, and the attack-surface graph. Deterministic: the
 * same result gives the same data, whatever the order of its findings.
 */
import { EXPOSURE_ORDER, type ExposureLevel } from '../../analysis/exposure-types.js';
import type { Finding, FlowStep, RelatedLocation, SasCategory } from '../../findings/finding.js';
import { SAS_TITLES, SEVERITIES } from '../../findings/finding.js';
import type { AttackSurfaceMap } from '../../map/attack-surface-types.js';
import type { ScanResult } from '../../scan/scan-result.js';
import { frameWindow } from '../code-frame.js';
import { fileLine } from '../file-line.js';
import { type FrameSource, frameSources } from '../frame-source.js';
import { sortDiagnostics, sortFindings, sortRules, sortTemplates } from '../ordering.js';
import { countBySeverity } from '../summary.js';
import { escapeLine } from '../terminal-text.js';
import { mapStrings } from '../../util/map-strings.js';
import { graphData } from './graph-data.js';
import { HTML_DATA_VERSION, type HtmlFinding, type HtmlFunction, type HtmlGraph, type HtmlReportData, type HtmlStep, type HtmlSummary } from './report-data-types.js';
import { ownValue } from '../../util/own-keys.js';

export interface ReportDataOptions {
  /** Applied to every source line of a code frame, so that a line holding a secret is never shown */
  redactLine?: (line: string) => string;
}

export function buildReportData(result: ScanResult, options: ReportDataOptions): HtmlReportData {
  const { map, subjectFunctions } = result.attackSurface();
  const graph = graphData(map);
  const nodeOf = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const functionsOf = (f: Finding): number[] => (f.subject ? ownValue(subjectFunctions, f.subject.id) ?? [] : []).map((id) => nodeOf.get(id)).filter((i): i is number => i !== undefined);
  const sourceOf = frameSources((file) => result.readSource(file), options.redactLine);
  const findings = sortFindings(result.findings).map((f) => htmlFinding(f, functionsOf(f), sourceOf));
  const data: HtmlReportData = {
    version: HTML_DATA_VERSION,
    tool: { name: 'faasguard', version: result.toolVersion },
    target: result.target,
    templates: shown(sortTemplates(result.templates)),
    summary: summary(result.findings, map),
    findings: shown(findings),
    fixes: fixes(result),
    graph: shown(graph),
    functions: shown(functionRows(map, graph, findings)),
    diagnostics: shown(sortDiagnostics(result.diagnostics).map((d) => ({ severity: d.severity, code: d.code, message: d.message, location: fileLine(d.loc) }))),
  };
  if (result.baseline) data.baseline = { ...result.baseline };
  if ((result.suppressed?.length ?? 0) > 0) data.suppressed = result.suppressed!.length;
  return data;
}

function htmlFinding(f: Finding, functions: number[], sourceOf: (file: string) => FrameSource | undefined): HtmlFinding {
  const out: HtmlFinding = {
    ruleId: f.ruleId,
    title: f.title,
    severity: f.severity,
    category: f.category,
    cwe: [...f.cwe],
    message: f.message,
    location: fileLine(f.location),
    file: f.location.file,
    functions,
    related: f.related.map(step),
    flow: (f.flow ?? []).map(step),
  };
  if (f.subject) out.subject = f.subject.constructPath ?? f.subject.logicalId;
  const frame = frameWindow(sourceOf(f.location.file), f.location);
  if (frame) out.frame = frame;
  return out;
}

/**
 * Text from the project as the page shows it: control characters and line breaks escaped, as in
 * every report (a bidi override would reorder the page's text too). Ids are escaped alike, so they
 * still match one another.
 */
function shown<T>(data: T): T {
  return mapStrings(data, escapeLine);
}

/** Remediations of the rules that have findings, by rule id in id order. */
function fixes(result: ScanResult): Record<string, string> {
  const used = new Set(result.findings.map((f) => f.ruleId));
  return Object.fromEntries(sortRules(result.rules).filter((r) => used.has(r.id)).map((r) => [r.id, r.remediation]));
}

function step(s: RelatedLocation | FlowStep): HtmlStep {
  return { location: fileLine(s.loc), message: s.message };
}

function summary(findings: readonly Finding[], map: AttackSurfaceMap): HtmlSummary {
  const { total, ...bySeverity } = countBySeverity(findings);
  const byCategory = new Map<SasCategory, number>();
  for (const f of findings) byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
  const exposure = Object.fromEntries(EXPOSURE_ORDER.map((l) => [l, 0])) as Record<ExposureLevel, number>;
  for (const fn of map.functions) exposure[fn.exposure] += 1;
  return {
    total,
    bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, bySeverity[s]])) as HtmlSummary['bySeverity'],
    byCategory: (Object.keys(SAS_TITLES) as SasCategory[]).filter((c) => byCategory.has(c)).map((c) => ({ category: c, title: SAS_TITLES[c], count: byCategory.get(c)! })),
    exposure,
  };
}

function functionRows(map: AttackSurfaceMap, graph: HtmlGraph, findings: readonly HtmlFinding[]): HtmlFunction[] {
  const counts = new Map<number, number>();
  for (const f of findings) for (const n of f.functions) counts.set(n, (counts.get(n) ?? 0) + 1);
  const groupOf = new Map<number, number>();
  graph.groups.forEach((g, i) => g.functions.forEach((n) => groupOf.set(n, i)));
  const nodeOf = new Map(graph.nodes.map((n, i) => [n.id, i]));
  return map.functions.map((fn) => {
    const node = nodeOf.get(fn.id)!;
    const row: HtmlFunction = { node, name: fn.name, exposure: fn.exposure, location: fileLine(fn.location), paths: fn.paths.map((p) => p.description), findings: counts.get(node) ?? 0, group: groupOf.get(node) ?? 0 };
    if (fn.runtime !== undefined) row.runtime = fn.runtime;
    return row;
  });
}
