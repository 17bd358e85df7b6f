/**
 * Measurements in fresh processes, as a user meets the tool: each run is a new `node` with cold
 * module loading, caches and heap; wall time is taken from the outside; repeated runs give medians.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './figures.js';
import type { Measurement, Mode } from './measure.js';

/** Medians of one mode on one app. */
export interface ModeResult {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  phases: Record<string, number>;
  count: number;
}

export const HERE = path.dirname(fileURLToPath(import.meta.url));
const MEASURE = path.join(HERE, 'measure.js');
/** From `dist/bench/` to the package's `bench/results/` (git-ignored). */
export const RESULTS = path.join(HERE, '..', '..', 'bench', 'results');

/** One fresh process; wall time includes Node start-up and module loading, as a user sees it. */
function measureOnce(mode: Mode, dir: string): Measurement & { wallMs: number } {
  const start = performance.now();
  const child = spawnSync(process.execPath, [MEASURE, mode, dir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const wallMs = performance.now() - start;
  if (child.status !== 0) throw new Error(`${mode} of ${dir} failed: ${child.stderr}`);
  return { ...(JSON.parse(child.stdout) as Measurement), wallMs };
}

/**
 * Wall time of `copies` fresh processes of one mode started at once, until the last one ends: how
 * much a machine gives a second process doing the same work (see `side-by-side.ts`).
 */
export async function wallTogether(mode: Mode, dir: string, copies: number): Promise<number> {
  const start = performance.now();
  await Promise.all(
    Array.from({ length: copies }, () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [MEASURE, mode, dir], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${mode} of ${dir} failed: ${stderr}`))));
      }),
    ),
  );
  return performance.now() - start;
}

export function measure(mode: Mode, dir: string, runs: number): ModeResult {
  warmFileCache(dir);
  return summary(Array.from({ length: runs }, () => measureOnce(mode, dir)));
}

/**
 * Reads every file under `dir` once, untimed, so that the runs find them in the system's file
 * cache, as every scan but the first after a checkout or a reboot does. This machine lets go of
 * cached files after minutes of idleness, and a run that read them from the disk was not
 * comparable: a 10,000-function scan took 44 s of wall time for 46 s of CPU on two threads, and
 * its floor 16.9 s of wall time for 11.3 s of CPU (one thread).
 */
export function warmFileCache(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) warmFileCache(abs);
    else if (entry.isFile()) readFileSync(abs);
  }
}

/**
 * Several modes on one app, in rounds (one run of each mode per round): a machine whose speed
 * drifts during the runs (a shared host) moves every mode alike, and the ratios between them hold.
 */
export function measureInRounds<M extends Mode>(modes: readonly M[], dir: string, runs: number): Record<M, ModeResult> {
  warmFileCache(dir);
  const all = new Map<M, Array<Measurement & { wallMs: number }>>(modes.map((m) => [m, []]));
  for (let round = 0; round < runs; round++) for (const mode of modes) all.get(mode)!.push(measureOnce(mode, dir));
  return Object.fromEntries(modes.map((m) => [m, summary(all.get(m)!)])) as Record<M, ModeResult>;
}

function summary(all: ReadonlyArray<Measurement & { wallMs: number }>): ModeResult {
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

/** Median wall time of a command run `runs` times, each in a fresh process; throws when it fails. */
export function wallOf(command: string, args: readonly string[], runs: number, options: { cwd?: string; okCodes?: readonly number[] } = {}): { wallMs: number; stdout: string } {
  let stdout = '';
  const walls = Array.from({ length: runs }, () => {
    const start = performance.now();
    const child = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...(options.cwd ? { cwd: options.cwd } : {}) });
    const wallMs = performance.now() - start;
    if (!(options.okCodes ?? [0]).includes(child.status ?? -1)) throw new Error(`${command} ${args.join(' ')} failed (${child.status}): ${child.stderr.slice(0, 2000)}`);
    stdout = child.stdout;
    return wallMs;
  });
  return { wallMs: median(walls), stdout };
}
