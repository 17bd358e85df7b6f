/**
 * The data the HTML report embeds (as JSON in the page) and its client script draws. Everything is
 * computed at report time in Node, so the page only displays, filters and lays out the graph.
 *
 * Every string here may come from the scanned project (names, messages, source lines): the page
 * treats all of it as text, never as markup. Nodes are referenced by their index in
 * `HtmlGraph.nodes`, which keeps the JSON of a 1,000-function app small.
 */
import type { ExposureLevel } from '../../analysis/exposure-types.js';
import type { SasCategory, Severity } from '../../findings/finding.js';
import type { EdgeKind } from '../../map/attack-surface-types.js';
import type { Diagnostic } from '../../model/diagnostic.js';

/** Bumped when the shape changes, so that a page and its data never disagree silently. */
export const HTML_DATA_VERSION = 1;

export interface HtmlReportData {
  version: typeof HTML_DATA_VERSION;
  tool: { name: 'faasguard'; version: string };
  /** The scanned directory, as the user gave it */
  target: string;
  templates: string[];
  summary: HtmlSummary;
  /** Sorted as every report sorts them: severity first */
  findings: HtmlFinding[];
  /**
   * How to fix the findings of each rule that has some: the rule's remediation (Markdown; the page
   * shows code spans, nothing else). Kept once per rule: on a large app, a copy per finding was
   * a fifth of the page.
   */
  fixes: Record<string, string>;
  graph: HtmlGraph;
  /** One row per function: the exposure table; same order as the map (by id) */
  functions: HtmlFunction[];
  diagnostics: HtmlDiagnostic[];
  baseline?: { file: string; baselined: number; gone: number };
  /** Findings accepted with a suppression: counted, not listed (as in the terminal report) */
  suppressed?: number;
}

export interface HtmlSummary {
  total: number;
  bySeverity: Record<Severity, number>;
  /** Every category that has findings, in OWASP order */
  byCategory: Array<{ category: SasCategory; title: string; count: number }>;
  /** Number of functions at each exposure level */
  exposure: Record<ExposureLevel, number>;
}

/** A place and what happens there: a related location or a data-flow step. */
export interface HtmlStep {
  /** `file:line`, or the file alone */
  location: string;
  message: string;
}

/** A few source lines around the finding, redacted and escaped (see `frameWindow`). */
export interface HtmlFrame {
  lines: Array<{ number: number; text: string }>;
  marked: number;
  /** Offset of the caret in the marked line's text; absent when the location has no column */
  caret?: number;
}

export interface HtmlFinding {
  ruleId: string;
  title: string;
  severity: Severity;
  category: SasCategory;
  cwe: string[];
  message: string;
  /** `file:line`, or the file alone */
  location: string;
  /** The file alone, for the file filter */
  file: string;
  /** Logical id (or CDK construct path) of what the finding is about */
  subject?: string;
  /** Indices in `graph.nodes` of the functions the finding concerns */
  functions: number[];
  frame?: HtmlFrame;
  related: HtmlStep[];
  /** Data-flow steps, source first */
  flow: HtmlStep[];
}

export type HtmlNodeKind = 'entry' | 'function' | 'resource' | 'external';

export interface HtmlNode {
  /** Model id, or the ARN text of an external target */
  id: string;
  label: string;
  kind: HtmlNodeKind;
  /** Who can use it (entry points, functions), or `public` for a resource anyone can write to */
  exposure?: ExposureLevel;
  /** e.g. `no authorization`, `AWS::S3::Bucket`, a runtime */
  detail: string;
  /** `file:line`, when the node is defined in a scanned file */
  location?: string;
}

export interface HtmlEdge {
  from: number;
  to: number;
  kind: EdgeKind;
  /** The trigger or permission: `s3`, `no authorization`, or for what a role allows `dynamodb ×10, logs ×3` */
  label: string;
  /** Every action a role allows on the target, for the tooltip of an `accesses` edge */
  actions?: string[];
}

/**
 * The part of the graph drawn at once: a whole small app, or up to `GRAPH_GROUP_SIZE` functions of
 * one template with their entry points and what they reach. Large apps are read group by group.
 */
export interface HtmlGraphGroup {
  label: string;
  /** Indices in `nodes` of the group's functions */
  functions: number[];
  /** Indices in `nodes` of everything drawn (functions included) */
  nodes: number[];
  /** Indices in `edges` */
  edges: number[];
}

export interface HtmlGraph {
  nodes: HtmlNode[];
  edges: HtmlEdge[];
  groups: HtmlGraphGroup[];
}

export interface HtmlFunction {
  /** Index in `graph.nodes` */
  node: number;
  name: string;
  exposure: ExposureLevel;
  location: string;
  runtime?: string;
  /** Every way in, widest first (the map's path descriptions) */
  paths: string[];
  /** Number of findings that concern it */
  findings: number;
  /** Index in `graph.groups` of the group that draws it */
  group: number;
}

export interface HtmlDiagnostic {
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  location: string;
}
