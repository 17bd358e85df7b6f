/**
 * Checks a parsed JSON value before it is trusted as an OSV record. OSV data comes from outside
 * (an export, a cache, a `--osv-db` folder anyone can write): every field the scanner reads must
 * have the type `osv-types.ts` gives it, or matching would fail half-way on a `null`. A record
 * that does not is skipped, with the reason.
 */
import type { OsvVulnerability } from './osv-types.js';

/** Why `value` is not a usable OSV record, or undefined when it is one. */
export function osvRecordProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not an OSV record (not an object)';
  if (typeof value.id !== 'string') return 'not an OSV record (no string "id")';
  return (
    optionalString(value, 'withdrawn') ??
    optionalString(value, 'summary') ??
    stringList(value, 'aliases') ??
    severityProblem(value.severity, 'severity') ??
    listOf(value.affected, 'affected', affectedProblem) ??
    listOf(value.references, 'references', (r, at) => (isObject(r) ? optionalString(r, 'type', at) ?? optionalString(r, 'url', at) : `${at} is not an object`))
  );
}

/** Narrows a value `osvRecordProblem` accepted. */
export function isUsableOsvRecord(value: unknown): value is OsvVulnerability {
  return osvRecordProblem(value) === undefined;
}

function affectedProblem(a: unknown, at: string): string | undefined {
  if (!isObject(a)) return `${at} is not an object`;
  if (a.package !== undefined) {
    if (!isObject(a.package)) return `${at}.package is not an object`;
    const problem = requiredString(a.package, 'ecosystem', `${at}.package`) ?? requiredString(a.package, 'name', `${at}.package`);
    if (problem) return problem;
  }
  return severityProblem(a.severity, `${at}.severity`) ?? stringList(a, 'versions', at) ?? listOf(a.ranges, `${at}.ranges`, rangeProblem);
}

function rangeProblem(r: unknown, at: string): string | undefined {
  if (!isObject(r)) return `${at} is not an object`;
  return requiredString(r, 'type', at) ?? listOf(r.events, `${at}.events`, eventProblem);
}

function eventProblem(e: unknown, at: string): string | undefined {
  if (!isObject(e)) return `${at} is not an object`;
  return optionalString(e, 'introduced', at) ?? optionalString(e, 'fixed', at) ?? optionalString(e, 'last_affected', at) ?? optionalString(e, 'limit', at);
}

function severityProblem(list: unknown, at: string): string | undefined {
  return listOf(list, at, (s, where) => (isObject(s) ? requiredString(s, 'type', where) ?? requiredString(s, 'score', where) : `${where} is not an object`));
}

/** An optional list whose items all pass `check`. */
function listOf(list: unknown, at: string, check: (item: unknown, at: string) => string | undefined): string | undefined {
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) return `${at} is not a list`;
  for (let i = 0; i < list.length; i++) {
    const problem = check(list[i], `${at}[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}

function stringList(o: Record<string, unknown>, key: string, at?: string): string | undefined {
  return listOf(o[key], field(key, at), (item, where) => (typeof item === 'string' ? undefined : `${where} is ${describe(item)}, not a string`));
}

function requiredString(o: Record<string, unknown>, key: string, at?: string): string | undefined {
  return typeof o[key] === 'string' ? undefined : `${field(key, at)} is ${describe(o[key])}, not a string`;
}

function optionalString(o: Record<string, unknown>, key: string, at?: string): string | undefined {
  return o[key] === undefined ? undefined : requiredString(o, key, at);
}

function field(key: string, at: string | undefined): string {
  return at === undefined ? key : `${at}.${key}`;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'missing';
  return Array.isArray(v) ? 'a list' : `a ${typeof v}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
