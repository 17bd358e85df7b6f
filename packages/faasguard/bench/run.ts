/**
 * The benchmark: for each app size, generates the synthetic app once, then measures the full scan
 * and the floor (read + parse only), each run in a fresh process, and reports medians.
 *
 *   node dist/bench/run.js [--sizes 100,1000] [--runs 5] [--large] [--seed 1] [--no-html]
 *
 * `--large` adds the 10,000-function app. Results go to `bench/results/<timestamp>.json`. Then the
 * HTML report of the 1,000-function app is opened in a browser (`html-load.ts`) unless `--no-html`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg, median } from './figures.js';
import { generateApp } from './generate.js';
import type { Measurement } from './measure.js';

type Mode = 'scan' | 'rescan' | 'floor';

/** Medians of one mode on one app. */
interface ModeResult {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  phases: Record<string, number>;
  count: number;
}

/** One app size. */
interface SizeResult {
  functions: number;
  files: number;
  scan: ModeResult;
  floor: ModeResult;
  /** A second scan of the unchanged app, with the scan cache the first one filled */
  rescan: ModeResult;
  /** scan wall / floor wall */
  ratio: number;
  /** rescan wall / scan wall */
  rescanRatio: number;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MEASURE = path.join(HERE, 'measure.js');
/** From `dist/bench/` to the package's `bench/results/` (git-ignored). */
const RESULTS = path.join(HERE, '..', '..', 'bench', 'results');

/** One fresh process; wall time includes Node start-up and module loading, as a user sees it. */
function measureOnce(mode: Mode, dir: string): Measurement & { wallMs: number } {
  const start = performance.now();
  const child = spawnSync(process.execPath, [MEASURE, mode, dir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const wallMs = performance.now() - start;
  if (child.status !== 0) throw new Error(`${mode} of ${dir} failed: ${child.stderr}`);
  return { ...(JSON.parse(child.stdout) as Measurement), wallMs };
}

function measure(mode: Mode, dir: string, runs: number): ModeResult {
  const all = Array.from({ length: runs }, () => measureOnce(mode, dir));
  const phases: Record<string, number> = {};
  for (const name of Object.keys(all[0]!.phases)) phases[name] = median(all.map((m) => m.phases[name] ?? 0));
  return {
    wallMs: median(all.map((m) => m.wallMs)),
    cpuMs: median(all.map((m) => m.cpuMs)),
    peakRssMb: median(all.map((m) => m.peakRssMb)),
    phases,
    count: all[0]!.count,
  };
}

/** The app is generated once per size and seed and kept in the temporary directory. */
function appDir(functions: number, seed: number): { dir: string; files: number } {
  const dir = path.join(os.tmpdir(), `faasguard-bench-${functions}-${seed}`);
  const files = generateApp(dir, { functions, seed }).length;
  return { dir, files };
}

function runSize(functions: number, seed: number, runs: number): SizeResult {
  const { dir, files } = appDir(functions, seed);
  const floor = measure('floor', dir, runs);
  const scan = measure('scan', dir, runs);
  measureOnce('rescan', dir); // fills the cache (this build, this app)
  const rescan = measure('rescan', dir, runs);
  return { functions, files, scan, floor, rescan, ratio: scan.wallMs / floor.wallMs, rescanRatio: rescan.wallMs / scan.wallMs };
}

function table(results: readonly SizeResult[]): string {
  const rows = [['functions', 'files', 'scan wall s', 'scan cpu s', 'scan peak MB', 'floor wall s', 'floor cpu s', 'floor peak MB', 'scan/floor', 'rescan wall s', 'rescan/scan'].join(' | ')];
  for (const r of results) {
    rows.push([r.functions, r.files, s(r.scan.wallMs), s(r.scan.cpuMs), r.scan.peakRssMb.toFixed(0), s(r.floor.wallMs), s(r.floor.cpuMs), r.floor.peakRssMb.toFixed(0), r.ratio.toFixed(1), s(r.rescan.wallMs), `${(r.rescanRatio * 100).toFixed(0)}%`].join(' | '));
  }
  const phases = results.map((r) => `${r.functions} functions, scan phases (ms): ${Object.entries(r.scan.phases).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  return [...rows, '', ...phases].join('\n');
}

function s(ms: number): string {
  return (ms / 1000).toFixed(2);
}

/** Load time of the HTML report in chromium, in a process of its own (it prints its own results). */
function runHtmlLoad(argv: readonly string[], runs: number, seed: number): void {
  if (argv.includes('--no-html')) return;
  spawnSync(process.execPath, [path.join(HERE, 'html-load.js'), '--runs', String(runs), '--seed', String(seed)], { stdio: 'inherit' });
}

function main(argv: readonly string[]): void {
  const sizes = (arg(argv, '--sizes') ?? '100,1000').split(',').map(Number);
  if (argv.includes('--large')) sizes.push(10_000);
  const runs = Number(arg(argv, '--runs') ?? 5);
  const seed = Number(arg(argv, '--seed') ?? 1);
  const results = sizes.map((n) => runSize(n, seed, runs));
  const report = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, platform: `${os.platform()} ${os.arch()}`, runs, seed, results };
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(table(results));
  console.log(`\nmedians of ${runs} runs; ${file}`);
  runHtmlLoad(argv, runs, seed);
}

if (existsSync(MEASURE)) main(process.argv.slice(2));
else console.error(`${MEASURE} is missing: run npm run build first`);
