/**
 * The baseline file: the fingerprints of findings a team has accepted for now, so that a scan
 * reports only what is new. Rule id, file and message are there for people reading the file in a
 * review; matching uses the fingerprint alone, which survives line shifts and reordering.
 */
import type { Finding } from '../findings/finding.js';
import { compareText } from '../util/compare-text.js';
import { escapeJson } from '../report/terminal-text.js';

/** Version of the baseline file format; a reader refuses any other. */
export const BASELINE_VERSION = 1;

/** Where `faasguard baseline` writes when not told otherwise. */
export const DEFAULT_BASELINE_FILE = '.faasguard-baseline.json';

/** One accepted finding. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  message: string;
}

/** The whole file, in output key order. */
export interface Baseline {
  version: typeof BASELINE_VERSION;
  tool: 'faasguard';
  findings: BaselineEntry[];
}

/** Thrown when a baseline file cannot be used; the message names the file and the problem. */
export class BaselineError extends Error {}

export function buildBaseline(findings: readonly Finding[]): Baseline {
  const entries = findings.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.location.file, message: f.message }));
  return { version: BASELINE_VERSION, tool: 'faasguard', findings: entries.sort(compareEntries) };
}

/** Sorted by fingerprint so that a rescan with no change gives the same bytes and a small diff otherwise. */
function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return compareText(a.fingerprint, b.fingerprint) || compareText(a.ruleId, b.ruleId) || compareText(a.file, b.file) || compareText(a.message, b.message);
}

export function renderBaseline(baseline: Baseline): string {
  return `${escapeJson(JSON.stringify(baseline, null, 2))}\n`;
}

/** Reads a baseline file's text; `source` names it in errors. */
export function parseBaseline(text: string, source: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`${source}: not JSON (${(e as Error).message})`);
  }
  if (!isObject(data)) throw new BaselineError(`${source}: expected a JSON object`);
  if (data['version'] !== BASELINE_VERSION) throw new BaselineError(`${source}: unsupported baseline version ${JSON.stringify(data['version'])} (expected ${BASELINE_VERSION})`);
  const findings = data['findings'];
  if (!Array.isArray(findings)) throw new BaselineError(`${source}: "findings" must be a list`);
  return { version: BASELINE_VERSION, tool: 'faasguard', findings: findings.map((e, i) => parseEntry(e, `${source}: findings[${i}]`)) };
}

function parseEntry(e: unknown, where: string): BaselineEntry {
  if (!isObject(e) || typeof e['fingerprint'] !== 'string' || e['fingerprint'] === '') throw new BaselineError(`${where} needs a "fingerprint"`);
  // The readable fields are optional: a hand-trimmed baseline still works.
  return { fingerprint: e['fingerprint'], ruleId: stringOr(e['ruleId']), file: stringOr(e['file']), message: stringOr(e['message']) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function stringOr(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
