/**
 * Decides whether an installed package version is affected by an OSV record, following
 * the evaluation algorithm of the OSV schema: a version is affected when it is listed in
 * `versions` or lies in any `SEMVER`/`ECOSYSTEM` range, where events are applied in
 * version order (`introduced` opens, `fixed` closes at that version, `last_affected`
 * closes after it) and `limit` events, if any, bound the range from above.
 * `GIT` ranges describe commits, which a lockfile does not give us; they are skipped
 * with a note. Withdrawn records are ignored.
 */
import type { Dependency, Ecosystem } from '../types.js';
import { normalizePyName } from '../lockfiles/common.js';
import { npmVersions } from './npm-version.js';
import type { OsvAffected, OsvEvent, OsvRange, OsvVulnerability } from './osv-types.js';
import { pep440Versions } from './pep440.js';
import { severityOf, severityRank, type SeverityInfo } from './severity.js';
import type { VersionScheme } from './version-scheme.js';
import { compareNames } from '../../util/compare-text.js';

export const SCHEMES: Record<Ecosystem, VersionScheme> = { npm: npmVersions, PyPI: pep440Versions };

/** Index of OSV records by package: the input of `matchDependencies`. */
export interface OsvIndex {
  /** Records affecting a package, keyed by `packageKey`. */
  byPackage: Map<string, OsvVulnerability[]>;
}

/** The key a package is indexed under: ecosystem plus normalised name. */
export function packageKey(ecosystem: string, name: string): string {
  return ecosystem === 'PyPI' ? `PyPI\u0000${normalizePyName(name)}` : `${ecosystem}\u0000${name}`;
}

/** One advisory that affects one installed package. */
export interface VulnMatch {
  dependency: Dependency;
  /** Primary advisory id (e.g. `GHSA-...`, `PYSEC-...`). */
  id: string;
  /** Every other id the advisory is known by, including merged duplicates. */
  aliases: string[];
  /** The GHSA and CVE ids among `id` and `aliases`. */
  ghsa: string[];
  cve: string[];
  summary?: string;
  severity: SeverityInfo;
  /** Lowest fixed version above the installed one, when the record names one. */
  fixedVersion?: string;
  /** Advisory page, when the record references one. */
  url?: string;
  /** Caveats met while evaluating (skipped GIT ranges, unparseable versions). */
  notes: string[];
}

export interface AffectResult {
  affected: boolean;
  fixedVersion?: string;
  notes: string[];
}

/** Sort key of an event's version; `introduced: "0"` means "from the very beginning". */
function eventVersion(e: OsvEvent): string | undefined {
  return e.introduced ?? e.fixed ?? e.last_affected ?? e.limit;
}

/** Evaluates one range; undefined when it cannot be evaluated (with a note). */
function inRange(version: string, range: OsvRange, scheme: VersionScheme, notes: string[]): { affected: boolean; fixed?: string } | undefined {
  if (range.type === 'GIT') {
    notes.push('GIT range skipped: commit ranges cannot be checked against a package version');
    return undefined;
  }
  if (range.type !== 'SEMVER' && range.type !== 'ECOSYSTEM') {
    notes.push(`range type ${range.type} not supported`);
    return undefined;
  }
  const events: { e: OsvEvent; v: string | undefined }[] = [];
  for (const e of range.events ?? []) {
    const raw = eventVersion(e);
    if (raw === undefined) continue;
    if (e.introduced === '0') {
      events.push({ e, v: undefined });
      continue;
    }
    const v = scheme.parse(raw);
    if (!v) {
      notes.push(`unparseable version "${raw}" in range; range skipped`);
      return undefined;
    }
    events.push({ e, v });
  }
  const cmp = (a: string | undefined, b: string | undefined): number => (a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : scheme.compare(a, b));
  events.sort((x, y) => cmp(x.v, y.v));

  const limits = events.filter((x) => x.e.limit !== undefined);
  if (limits.length > 0 && !limits.some((x) => x.v !== undefined && scheme.compare(version, x.v) < 0)) return { affected: false };

  let affected = false;
  let fixed: string | undefined;
  for (const { e, v } of events) {
    if (e.introduced !== undefined && (v === undefined || scheme.compare(version, v) >= 0)) affected = true;
    else if (e.fixed !== undefined && v !== undefined && scheme.compare(version, v) >= 0) affected = false;
    else if (e.last_affected !== undefined && v !== undefined && scheme.compare(version, v) > 0) affected = false;
  }
  if (affected) {
    const next = events.find((x) => x.e.fixed !== undefined && x.v !== undefined && scheme.compare(version, x.v) < 0);
    fixed = next?.e.fixed;
  }
  return { affected, fixed };
}

/** Whether `version` of the package is affected by one `affected[]` entry. */
export function isAffected(ecosystem: Ecosystem, version: string, entry: OsvAffected): AffectResult {
  const scheme = SCHEMES[ecosystem];
  const notes: string[] = [];
  const v = scheme.parse(version);
  if (!v) return { affected: false, notes: [`installed version "${version}" is not a valid ${ecosystem} version`] };
  let affected = false;
  let fixedVersion: string | undefined;
  for (const listed of entry.versions ?? []) {
    const lv = scheme.parse(listed);
    if (lv && scheme.equal(v, lv)) affected = true;
  }
  for (const range of entry.ranges ?? []) {
    const r = inRange(v, range, scheme, notes);
    if (!r?.affected) continue;
    affected = true;
    if (r.fixed && (!fixedVersion || scheme.compare(r.fixed, fixedVersion) < 0)) fixedVersion = r.fixed;
  }
  return { affected, fixedVersion, notes };
}

function ids(v: OsvVulnerability): string[] {
  return [v.id, ...(v.aliases ?? [])];
}

function advisoryUrl(v: OsvVulnerability): string | undefined {
  return v.references?.find((r) => r.type === 'ADVISORY')?.url ?? v.references?.[0]?.url;
}

/** Matches one package against the records indexed for it. */
export function matchDependency(dep: Dependency, index: OsvIndex): VulnMatch[] {
  if (!dep.version) return [];
  const records = index.byPackage.get(packageKey(dep.ecosystem, dep.name)) ?? [];
  const out: VulnMatch[] = [];
  for (const vuln of records) {
    if (vuln.withdrawn) continue;
    const m = matchRecord(dep, vuln);
    if (m) mergeInto(out, m, SCHEMES[dep.ecosystem]);
  }
  return out;
}

function matchRecord(dep: Dependency, vuln: OsvVulnerability): VulnMatch | undefined {
  const notes: string[] = [];
  let hit: { fixed?: string; index: number } | undefined;
  (vuln.affected ?? []).forEach((a, index) => {
    if (!a.package || a.package.ecosystem !== dep.ecosystem) return;
    if (packageKey(a.package.ecosystem, a.package.name) !== packageKey(dep.ecosystem, dep.name)) return;
    const r = isAffected(dep.ecosystem, dep.version!, a);
    notes.push(...r.notes);
    if (r.affected && (!hit || (r.fixedVersion && (!hit.fixed || SCHEMES[dep.ecosystem].compare(r.fixedVersion, hit.fixed) < 0)))) hit = { fixed: r.fixedVersion, index };
  });
  if (!hit) return undefined;
  const all = ids(vuln);
  return {
    dependency: dep,
    id: vuln.id,
    aliases: vuln.aliases ?? [],
    ghsa: all.filter((i) => i.startsWith('GHSA-')),
    cve: all.filter((i) => i.startsWith('CVE-')),
    summary: vuln.summary,
    severity: severityOf(vuln, hit.index),
    fixedVersion: hit.fixed,
    url: advisoryUrl(vuln),
    notes: [...new Set(notes)],
  };
}

/**
 * The same vulnerability often arrives as several records (a PYSEC and a GHSA that
 * alias each other); they are merged into one match that keeps every id.
 */
function mergeInto(out: VulnMatch[], m: VulnMatch, scheme: VersionScheme): void {
  const mine = new Set([m.id, ...m.aliases]);
  const same = out.find((o) => [o.id, ...o.aliases].some((i) => mine.has(i)));
  if (!same) {
    out.push(m);
    return;
  }
  const union = new Set([same.id, ...same.aliases, m.id, ...m.aliases]);
  union.delete(same.id);
  same.aliases = [...union];
  same.ghsa = [...new Set([...same.ghsa, ...m.ghsa])];
  same.cve = [...new Set([...same.cve, ...m.cve])];
  const better = severityRank(m.severity.level) > severityRank(same.severity.level) || same.severity.level === 'unknown';
  if (better && m.severity.level !== 'unknown') same.severity = m.severity;
  if (m.fixedVersion && (!same.fixedVersion || scheme.compare(m.fixedVersion, same.fixedVersion) > 0)) same.fixedVersion = m.fixedVersion;
  same.notes = [...new Set([...same.notes, ...m.notes])];
}

/** Matches every dependency; results are ordered by package then advisory id. */
export function matchDependencies(deps: readonly Dependency[], index: OsvIndex): VulnMatch[] {
  const out = deps.flatMap((d) => matchDependency(d, index));
  return out.sort((a, b) => compareNames(a.dependency.name, b.dependency.name) || compareNames(a.id, b.id));
}
