/**
 * Whole versus per-folder scans: a repository of independent projects (one per top-level folder)
 * must give each project the same findings whether it is scanned alone or with its siblings. A
 * difference means that a verdict joined resources of two projects that nothing links.
 *
 *   node dist/bench/folder-consistency.js <dir> [--sample N] [--seed S] [--show N]
 *
 * Every folder is scanned by default; `--sample N` scans N folders picked by a seeded shuffle plus
 * every folder a finding of the whole scan points out of. Scans are library calls in this process
 * (the CLI start-up would dominate). Prints the differences and a count per rule; exits 1 when
 * there is any.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../src/findings/finding.js';
import { scan } from '../src/scan/scan.js';
import { arg } from './figures.js';

/** What must be the same for a finding in both scans, paths taken relative to the folder. */
function keyOf(f: Finding, prefix: string): string {
  const strip = (s: string): string => (prefix === '' ? s : s.split(prefix).join(''));
  const loc = `${strip(f.location.file)}:${f.location.line}`;
  return [f.ruleId, loc, strip(f.subject?.id ?? ''), strip(f.message)].join(' | ');
}

/** The top-level folder of a path relative to the scanned directory (`''` for a file at its root). */
function folderOf(file: string): string {
  const slash = file.indexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

/** Folders a finding's related places and flow steps lie in, besides its own. */
function otherFolders(f: Finding): Set<string> {
  const own = folderOf(f.location.file);
  const places = [...f.related.map((r) => r.loc.file), ...(f.flow ?? []).map((s) => s.loc.file)];
  return new Set(places.map(folderOf).filter((d) => d !== own));
}

/** Every finding, the accepted ones included: suppression must not hide a difference. */
function allFindings(r: { findings: Finding[]; suppressed?: Finding[] }): Finding[] {
  return [...r.findings, ...(r.suppressed ?? [])];
}

function countKeys(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Keys of `a` not matched by `b`, as many times as they are missing. */
function missing(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [k, n] of a) for (let i = b.get(k) ?? 0; i < n; i++) out.push(k);
  return out;
}

/** A small seeded shuffle, so that a sample is the same from run to run. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1664525 + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface Difference {
  folder: string;
  /** `whole`: only in the whole scan; `alone`: only in the folder's own scan */
  side: 'whole' | 'alone';
  key: string;
}

export interface Comparison {
  differences: Difference[];
  /** Findings of the whole scan whose related places or flow lie in another folder */
  crossing: Finding[];
  folders: string[];
  wholeFindings: number;
}

/** Scans `dir` whole, then each chosen top-level folder alone, and lists what differs per folder. */
export async function compareFolders(dir: string, options: { sample?: number; seed?: number } = {}): Promise<Comparison> {
  const whole = allFindings(await scan(dir));
  const byFolder = new Map<string, Finding[]>();
  for (const f of whole) byFolder.set(folderOf(f.location.file), [...(byFolder.get(folderOf(f.location.file)) ?? []), f]);
  const crossing = whole.filter((f) => otherFolders(f).size > 0);
  const folders = readdirSync(dir).filter((d) => statSync(path.join(dir, d)).isDirectory()).sort();
  const pointedOut = new Set(crossing.flatMap((f) => [folderOf(f.location.file), ...otherFolders(f)]));
  const sample = options.sample ?? 0;
  const chosen = sample > 0 ? [...new Set([...shuffled(folders, options.seed ?? 1).slice(0, sample), ...pointedOut])].sort() : folders;
  const differences: Difference[] = [];
  for (const folder of chosen) {
    const alone = allFindings(await scan(path.join(dir, folder)));
    const inWhole = countKeys((byFolder.get(folder) ?? []).map((f) => keyOf(f, `${folder}/`)));
    const inAlone = countKeys(alone.map((f) => keyOf(f, '')));
    for (const key of missing(inWhole, inAlone)) differences.push({ folder, side: 'whole', key });
    for (const key of missing(inAlone, inWhole)) differences.push({ folder, side: 'alone', key });
  }
  return { differences, crossing, folders: chosen, wholeFindings: whole.length };
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: folder-consistency <dir> [--sample N] [--seed S] [--show N]');
  const argv = process.argv.slice(3);
  const show = Number(arg(argv, '--show') ?? '40');
  const started = performance.now();
  const result = await compareFolders(dir, { sample: Number(arg(argv, '--sample') ?? '0'), seed: Number(arg(argv, '--seed') ?? '1') });
  console.log(`whole scan: ${result.wholeFindings} findings, ${result.crossing.length} pointing into another folder`);
  report(result.differences, result.crossing, result.folders.length, show);
  console.log(`${result.folders.length} folders in ${Math.round((performance.now() - started) / 1000)} s`);
  process.exitCode = result.differences.length > 0 ? 1 : 0;
}

function report(diffs: Difference[], crossing: Finding[], folders: number, show: number): void {
  for (const d of diffs.slice(0, show)) console.log(`${d.side === 'whole' ? 'only whole' : 'only alone'}  ${d.folder}: ${d.key}`);
  if (diffs.length > show) console.log(`… ${diffs.length - show} more`);
  const perRule = countKeys(diffs.map((d) => `${d.side === 'whole' ? 'only whole' : 'only alone'} ${d.key.split(' | ')[0]}`));
  for (const [k, n] of [...perRule].sort()) console.log(`${String(n).padStart(5)}  ${k}`);
  const crossRules = countKeys(crossing.map((f) => f.ruleId));
  for (const [k, n] of [...crossRules].sort()) console.log(`${String(n).padStart(5)}  pointing into another folder: ${k}`);
  console.log(`${diffs.length} differences over ${folders} folders`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
