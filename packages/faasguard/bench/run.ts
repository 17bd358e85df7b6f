/**
 * The benchmark: for each app size, generates the synthetic app once, then measures the full scan,
 * the same scan with the code analysis on one thread, the floor (read + parse only, on one
 * thread) and the command line's scan (bundled, with its code cache, as a user runs it: a cache of
 * the run's own, see `code-cache-dir.ts`), each run in a fresh process, in rounds, and reports
 * medians; then the
 * real-template benchmark (`corpus.ts`: the shared corpus beside cdk-nag, parsing, start-up).
 *
 *   node dist/bench/run.js [--sizes 100,1000] [--runs 5] [--large] [--seed 1] [--no-html]
 *                          [--corpus <dir>] [--corpus-runs 3] [--contender-runs 1] [--no-contender] [--no-corpus]
 *                          [--write-chart]
 *
 * `--large` adds the 10,000-function app. Results go to `bench/results/<timestamp>.json`, with the
 * chart of time against functions beside it (`.svg`; `--write-chart` also rewrites the README's,
 * `docs/performance/scan-time-vs-functions.svg`). Then the HTML report of the 1,000-function app is
 * opened in a browser (`html-load.ts`) unless `--no-html`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arg } from './figures.js';
import { HERE, measure, measureInRounds, RESULTS, type ModeResult } from './fresh-process.js';
import { generateApp } from './generate.js';
import { timeChart } from './chart.js';
import { BIN, corpusTable, EXAMPLE, runCorpus } from './corpus.js';
import { useFreshCodeCache } from './code-cache-dir.js';
import { sideBySide, type SideBySide } from './side-by-side.js';

/** Two scans side by side are measured up to this size: at 10,000 functions they would add minutes. */
const SIDE_BY_SIDE_MAX_FUNCTIONS = 1000;

/** One app size. */
interface SizeResult {
  functions: number;
  files: number;
  scan: ModeResult;
  /** The same scan with the code analysis on one thread */
  scanOneThread: ModeResult;
  floor: ModeResult;
  /** A second scan of the unchanged app, with the scan cache the first one filled */
  rescan: ModeResult;
  /** scan wall / floor wall */
  ratio: number;
  /** rescan wall / scan wall */
  rescanRatio: number;
  /** one-thread scan wall / scan wall: what the second thread gains */
  secondThreadGain: number;
  /** `faasguard scan` itself: the bundle and its code cache instead of the scanner's modules */
  commandLine: ModeResult;
  /** command-line wall / floor wall */
  commandLineRatio: number;
  /** Two one-thread scans in two processes at once: what the machine gives a second core on this work */
  sideBySide?: SideBySide;
}

/** The app is generated once per size and seed and kept in the temporary directory. */
function appDir(functions: number, seed: number): { dir: string; files: number } {
  const dir = path.join(os.tmpdir(), `faasguard-bench-${functions}-${seed}`);
  const files = generateApp(dir, { functions, seed }).length;
  return { dir, files };
}

async function runSize(functions: number, seed: number, runs: number): Promise<SizeResult> {
  const { dir, files } = appDir(functions, seed);
  const { floor, scan, 'scan-1-thread': scanOneThread, 'command-line': commandLine } = measureInRounds(['floor', 'scan', 'scan-1-thread', 'command-line'], dir, runs);
  measure('rescan', dir, 1); // fills the cache (this build, this app)
  const rescan = measure('rescan', dir, runs);
  const together = functions <= SIDE_BY_SIDE_MAX_FUNCTIONS ? await sideBySide(dir, runs) : undefined;
  return {
    functions,
    files,
    scan,
    scanOneThread,
    floor,
    rescan,
    ratio: scan.wallMs / floor.wallMs,
    rescanRatio: rescan.wallMs / scan.wallMs,
    secondThreadGain: scanOneThread.wallMs / scan.wallMs,
    commandLine,
    commandLineRatio: commandLine.wallMs / floor.wallMs,
    ...(together ? { sideBySide: together } : {}),
  };
}

function table(results: readonly SizeResult[]): string {
  const rows = [['functions', 'files', 'scan wall s', 'scan cpu s', 'scan peak MB', 'floor wall s', 'floor cpu s', 'floor peak MB', 'scan/floor', '1-thread scan wall s', '1-thread/scan', 'rescan wall s', 'rescan/scan', 'command-line wall s', 'command-line cpu s', 'command-line peak MB', 'command-line/floor', '1-thread scan alone, two at once wall s', 'their gain'].join(' | ')];
  for (const r of results) {
    rows.push(
      [
        r.functions,
        r.files,
        s(r.scan.wallMs),
        s(r.scan.cpuMs),
        r.scan.peakRssMb.toFixed(0),
        s(r.floor.wallMs),
        s(r.floor.cpuMs),
        r.floor.peakRssMb.toFixed(0),
        r.ratio.toFixed(1),
        s(r.scanOneThread.wallMs),
        r.secondThreadGain.toFixed(2),
        s(r.rescan.wallMs),
        `${(r.rescanRatio * 100).toFixed(0)}%`,
        s(r.commandLine.wallMs),
        s(r.commandLine.cpuMs),
        r.commandLine.peakRssMb.toFixed(0),
        r.commandLineRatio.toFixed(1),
        r.sideBySide ? `${s(r.sideBySide.aloneMs)}, ${s(r.sideBySide.wallMs)}` : '-',
        r.sideBySide ? r.sideBySide.gain.toFixed(2) : '-',
      ].join(' | '),
    );
  }
  const phaseText = (m: ModeResult): string => Object.entries(m.phases).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
  const phases = results.flatMap((r) => [
    `${r.functions} functions, scan phases (ms): ${phaseText(r.scan)}`,
    `${r.functions} functions, one-thread scan: cpu ${s(r.scanOneThread.cpuMs)} s, peak ${r.scanOneThread.peakRssMb.toFixed(0)} MB, phases (ms): ${phaseText(r.scanOneThread)}`,
  ]);
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

async function main(argv: readonly string[]): Promise<void> {
  const sizes = (arg(argv, '--sizes') ?? '100,1000').split(',').map(Number);
  if (argv.includes('--large')) sizes.push(10_000);
  const runs = Number(arg(argv, '--runs') ?? 5);
  const seed = Number(arg(argv, '--seed') ?? 1);
  const removeCache = useFreshCodeCache(BIN, EXAMPLE);
  const results: SizeResult[] = [];
  for (const n of sizes) results.push(await runSize(n, seed, runs));
  const corpus = argv.includes('--no-corpus') ? undefined : await runCorpus(argv);
  removeCache();
  const report = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', platform: `${os.platform()} ${os.arch()}`, runs, seed, results, ...(corpus ? { corpus } : {}) };
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  const chart = timeChart(results.map((r) => ({ functions: r.functions, scanS: r.scan.wallMs / 1000, floorS: r.floor.wallMs / 1000 })), `First scan of synthetic apps, medians of ${runs} runs (${report.date.slice(0, 10)}, ${report.cpus} cores)`);
  writeFileSync(file.replace(/\.json$/, '.svg'), chart);
  if (argv.includes('--write-chart')) {
    mkdirSync(path.dirname(CHART), { recursive: true });
    writeFileSync(CHART, chart);
  }
  console.log(table(results));
  if (corpus) console.log(`\n${corpusTable(corpus)}`);
  console.log(`\nmedians of ${runs} runs (corpus: ${arg(argv, '--corpus-runs') ?? 3}); ${file}`);
  runHtmlLoad(argv, runs, seed);
}

/** The chart the README shows, rewritten by `--write-chart`. */
const CHART = path.join(HERE, '..', '..', '..', '..', 'docs', 'performance', 'scan-time-vs-functions.svg');

if (existsSync(path.join(HERE, 'measure.js'))) await main(process.argv.slice(2));
else console.error('dist/bench/measure.js is missing: run npm run build first');
