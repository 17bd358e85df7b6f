/**
 * Severity of an advisory. CVSS v3.x and v2 vectors are scored with the base-score
 * formulas of their specifications. CVSS v4 scoring needs the specification's
 * macro-vector lookup table, which is not reproduced here: for a v4-only advisory the
 * level comes from the database's own rating (`database_specific.severity`, as GitHub
 * publishes it), and is `unknown` when there is none.
 */
import type { DependencyScope } from '../types.js';
import type { OsvSeverity, OsvVulnerability } from './osv-types.js';

export type SeverityLevel = 'critical' | 'high' | 'medium' | 'low' | 'none' | 'unknown';

export interface SeverityInfo {
  level: SeverityLevel;
  /** CVSS base score, when a scorable vector was present. */
  score?: number;
  /** The vector the score came from. */
  vector?: string;
  /** Where the level came from. */
  basis: 'cvss3' | 'cvss2' | 'database' | 'none';
}

const ORDER: SeverityLevel[] = ['none', 'low', 'medium', 'high', 'critical'];

/** Rank for sorting; `unknown` sorts with `medium` so it is neither buried nor inflated. */
export function severityRank(level: SeverityLevel): number {
  return level === 'unknown' ? 2 : ORDER.indexOf(level);
}

function metrics(vector: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const part of vector.split('/')) {
    const [k, v] = part.split(':');
    if (k && v) m.set(k, v);
  }
  return m;
}

/** CVSS v3.1 "Roundup": smallest one-decimal number >= x, computed on integers to avoid float error. */
function roundUp31(x: number): number {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

const AV3: Record<string, number> = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const AC3: Record<string, number> = { L: 0.77, H: 0.44 };
const UI3: Record<string, number> = { N: 0.85, R: 0.62 };
const CIA3: Record<string, number> = { H: 0.56, L: 0.22, N: 0 };

/** CVSS v3.0/v3.1 base score, or undefined when the vector is incomplete. */
export function cvss3BaseScore(vector: string): number | undefined {
  const m = metrics(vector);
  const version = /^CVSS:3\.([01])\//.exec(vector)?.[1];
  if (!version) return undefined;
  const scope = m.get('S');
  const av = AV3[m.get('AV') ?? ''];
  const ac = AC3[m.get('AC') ?? ''];
  const ui = UI3[m.get('UI') ?? ''];
  const c = CIA3[m.get('C') ?? ''];
  const i = CIA3[m.get('I') ?? ''];
  const a = CIA3[m.get('A') ?? ''];
  const prRaw = m.get('PR');
  const pr = prRaw === 'N' ? 0.85 : prRaw === 'L' ? (scope === 'C' ? 0.68 : 0.62) : prRaw === 'H' ? (scope === 'C' ? 0.5 : 0.27) : undefined;
  if ([av, ac, ui, c, i, a, pr].some((x) => x === undefined) || (scope !== 'U' && scope !== 'C')) return undefined;
  const iss = 1 - (1 - c!) * (1 - i!) * (1 - a!);
  const impact = scope === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15);
  const exploitability = 8.22 * av! * ac! * pr! * ui!;
  if (impact <= 0) return 0;
  const raw = scope === 'U' ? Math.min(impact + exploitability, 10) : Math.min(1.08 * (impact + exploitability), 10);
  // 3.0 rounds up with a plain ceiling; 3.1 redefined Roundup to be exact in binary floating point.
  return version === '1' ? roundUp31(raw) : Math.ceil(raw * 10) / 10;
}

const AV2: Record<string, number> = { L: 0.395, A: 0.646, N: 1.0 };
const AC2: Record<string, number> = { H: 0.35, M: 0.61, L: 0.71 };
const AU2: Record<string, number> = { M: 0.45, S: 0.56, N: 0.704 };
const CIA2: Record<string, number> = { N: 0, P: 0.275, C: 0.66 };

/** CVSS v2 base score. */
export function cvss2BaseScore(vector: string): number | undefined {
  const m = metrics(vector.replace(/^\(|\)$/g, ''));
  const vals = [AV2[m.get('AV') ?? ''], AC2[m.get('AC') ?? ''], AU2[m.get('Au') ?? ''], CIA2[m.get('C') ?? ''], CIA2[m.get('I') ?? ''], CIA2[m.get('A') ?? '']];
  if (vals.some((x) => x === undefined)) return undefined;
  const [av, ac, au, c, i, a] = vals as number[];
  const impact = 10.41 * (1 - (1 - c!) * (1 - i!) * (1 - a!));
  const exploitability = 20 * av! * ac! * au!;
  const f = impact === 0 ? 0 : 1.176;
  return Math.round((0.6 * impact + 0.4 * exploitability - 1.5) * f * 10) / 10;
}

/** Qualitative rating of a v3 score (CVSS v3.1 specification, table 14). */
export function levelFromCvss3(score: number): SeverityLevel {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

/** v2 has no "critical" or "none" band. */
function levelFromCvss2(score: number): SeverityLevel {
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  return 'high';
}

/** GitHub's `MODERATE` and friends, Go's and others' words, to our levels. */
export function levelFromWord(word: unknown): SeverityLevel | undefined {
  if (typeof word !== 'string') return undefined;
  const w = word.trim().toLowerCase();
  if (w === 'critical') return 'critical';
  if (w === 'high' || w === 'important') return 'high';
  if (w === 'moderate' || w === 'medium') return 'medium';
  if (w === 'low' || w === 'negligible') return 'low';
  return undefined;
}

function fromVectors(list: OsvSeverity[] | undefined): SeverityInfo | undefined {
  for (const s of list ?? []) {
    if (s.type !== 'CVSS_V3') continue;
    const score = cvss3BaseScore(s.score);
    if (score !== undefined) return { level: levelFromCvss3(score), score, vector: s.score, basis: 'cvss3' };
  }
  for (const s of list ?? []) {
    if (s.type !== 'CVSS_V2') continue;
    const score = cvss2BaseScore(s.score);
    if (score !== undefined) return { level: levelFromCvss2(score), score, vector: s.score, basis: 'cvss2' };
  }
  return undefined;
}

/** Severity of a record, preferring a scorable vector over the database's word. */
export function severityOf(vuln: OsvVulnerability, affectedIndex?: number): SeverityInfo {
  const affected = affectedIndex === undefined ? undefined : vuln.affected?.[affectedIndex];
  const scored = fromVectors(vuln.severity) ?? fromVectors(affected?.severity);
  if (scored) return scored;
  const word =
    levelFromWord(vuln.database_specific?.severity) ??
    levelFromWord(affected?.database_specific?.severity) ??
    levelFromWord(affected?.ecosystem_specific?.severity);
  if (word) return { level: word, basis: 'database' };
  return { level: 'unknown', basis: 'none' };
}

/**
 * Lowers a finding on a development-only package by one level, since it is not
 * normally deployed, unless the function's bundle includes it anyway.
 */
export function adjustForScope(level: SeverityLevel, scope: DependencyScope, bundled = false): SeverityLevel {
  if (scope !== 'dev' || bundled || level === 'none') return level;
  if (level === 'unknown') return 'low';
  const i = ORDER.indexOf(level);
  return ORDER[Math.max(1, i - 1)] ?? level;
}
