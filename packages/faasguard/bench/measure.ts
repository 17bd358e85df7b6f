/**
 * One measurement, in a process of its own so that module loading, caches and the heap start cold
 * as they do for a user: `node dist/bench/measure.js <mode> <dir>`, the mode one of `MODES`
 * (`rescan`: with the scan cache of a previous `rescan`, as a second run on an unchanged app;
 * `scan-1-thread`: the code analysis on one thread, to show what the second one gains on this
 * machine; `command-line`: `faasguard scan` itself, bundled, with its code cache). Prints one JSON line (`Measurement`) on stdout; the parent times the process from the
 * outside.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Modules are imported by the mode that needs them: the floor must not pay for loading the scanner.

/** What the child reports. */
export interface Measurement {
  /** User + system CPU of the whole process, ms */
  cpuMs: number;
  /** Peak resident set size, MB */
  peakRssMb: number;
  /** Milliseconds per phase (scan only) */
  phases: Record<string, number>;
  /** Sanity counts: files read (floor) or findings (scans in-process); 0 for the command line, whose report is not read back */
  count: number;
}

/** Where `rescan` keeps its cache: apart from the user's, so that the figures start from a known state. */
const BENCH_CACHE = path.join(os.tmpdir(), 'faasguard-bench-scan-cache');

/**
 * The library as a program imports it: the package's entry (`exports`, the bundled
 * dist/bundle/index.js), found from here so that the compiler does not resolve the package while
 * building it; typed as the modules it is bundled from.
 */
const LIBRARY = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bundle', 'index.js')).href;

async function measureScan(dir: string, cached: boolean, threads?: number): Promise<Pick<Measurement, 'phases' | 'count'>> {
  // As the command line does, before the scanner is loaded (the scan here runs in-process, not through it).
  (await import('../src/cli/command-line-v8-flags.js')).setCommandLineV8Flags();
  const { scan, writeReportFile } = (await import(LIBRARY)) as typeof import('../src/index.js');
  const phases: Record<string, number> = {};
  const result = await scan(dir, { onPhase: (phase, ms) => void (phases[phase] = ms), ...(cached ? { scanCache: BENCH_CACHE } : {}), ...(threads ? { threads } : {}) });
  const start = performance.now();
  // As a program writes the JSON report (as `--output` does); the null device keeps the disk out of it.
  writeReportFile(os.devNull, result, 'json', { color: false });
  phases['report'] = performance.now() - start;
  return { phases, count: result.findings.length };
}

/** The least any scanner must do: read every file and parse it with the parsers faasguard uses. */
async function measureFloor(dir: string): Promise<Pick<Measurement, 'phases' | 'count'>> {
  const parse = await parsers();
  const files = listFiles(dir);
  for (const abs of files) parse(path.relative(dir, abs), readFileSync(abs, 'utf8'));
  return { phases: {}, count: files.length };
}

/** Parses a file by its extension with the same parsers the scanner uses; other files are only read. */
async function parsers(): Promise<(rel: string, text: string) => void> {
  const { parseJsonTemplate } = await import('../src/parse/json-template.js');
  const { parseYamlTemplate } = await import('../src/parse/yaml-template.js');
  const { parseJs } = await import('../src/code/parse-js.js');
  const { loadPythonParser, parsePython } = await import('../src/code/parse-python.js');
  await loadPythonParser();
  return (rel, text) => {
    if (/\.ya?ml$/.test(rel)) return void parseYamlTemplate(text, rel);
    if (rel.endsWith('.json')) return void parseJsonTemplate(text, rel);
    if (/\.[cm]?[jt]sx?$/.test(rel)) return void parseJs(rel, text);
    if (rel.endsWith('.py')) parsePython(rel, text)?.dispose();
  };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(abs));
    else if (entry.isFile()) out.push(abs);
  }
  return out.sort();
}

/**
 * The command line itself, as a user runs `faasguard scan <dir> --no-cache -f json -o <file>`: its
 * bundle with V8's code cache (`bin/faasguard.js`), where `scan` runs the scanner's modules. Its
 * phases and findings are not reported back (the report goes to the null device).
 */
/**
 * The command line as a user runs it. A large app is scanned in a child process it starts
 * (`bin/large-app-process.js`): its wall time is timed from the outside with the rest, and the
 * CPU time and peak memory reported are the scanning process's, which it writes when it ends
 * (this process's own, some 0.07 s of CPU and 50 MB, are then left out).
 */
async function measureCommandLine(dir: string): Promise<Pick<Measurement, 'phases' | 'count'> & Partial<Measurement>> {
  const usageFile = path.join(os.tmpdir(), `faasguard-bench-usage-${process.pid}.json`);
  rmSync(usageFile, { force: true });
  process.env['FAASGUARD_USAGE_FILE'] = usageFile;
  process.argv = [process.argv[0]!, COMMAND_LINE, 'scan', dir, '--no-cache', '--format', 'json', '--output', os.devNull, '--quiet', '--exit-zero'];
  const commandLine = (await import(pathToFileURL(COMMAND_LINE).href)) as { default: { done: Promise<void> } };
  await commandLine.default.done;
  if (process.exitCode !== 0) throw new Error(`the command line exited with ${String(process.exitCode)}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuMs: number; peakRssMb: number; pid: number };
  rmSync(usageFile, { force: true });
  return { phases: {}, count: 0, ...(usage.pid === process.pid ? {} : { cpuMs: usage.cpuMs, peakRssMb: usage.peakRssMb }) };
}

/** From `dist/bench/` to the package's `bin/faasguard.js`. */
const COMMAND_LINE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'faasguard.js');

/**
 * What a measurement runs: the scan, the scan with the code analysis on one thread, a rescan, the
 * floor, and the command line's scan.
 */
export const MODES = ['scan', 'scan-1-thread', 'rescan', 'floor', 'command-line'] as const;
export type Mode = (typeof MODES)[number];

function isMode(mode: string | undefined): mode is Mode {
  return MODES.some((m) => m === mode);
}

async function main(mode: string | undefined, dir: string | undefined): Promise<void> {
  if (!dir || !isMode(mode)) throw new Error(`usage: measure.js <${MODES.join('|')}> <dir>`);
  const done = mode === 'floor' ? await measureFloor(dir) : mode === 'command-line' ? await measureCommandLine(dir) : await measureScan(dir, mode === 'rescan', mode === 'scan-1-thread' ? 1 : undefined);
  const cpu = process.cpuUsage();
  const m: Measurement = { cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, ...done };
  // Ended at once, as the command line ends after a scan (bin/faasguard.js): the time Node would
  // take to free the heap is no part of any mode's work, and counted in none.
  process.stdout.write(JSON.stringify(m) + '\n', () => process.exit());
}

await main(process.argv[2], process.argv[3]);
