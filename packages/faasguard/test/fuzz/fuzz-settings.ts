/**
 * How many cases a fuzz run tries and from which seed. CI runs a fixed seed, so that a failure
 * there is a failure everywhere; `FUZZ_SEED` and `FUZZ_RUNS` override it, and `FUZZ_PATH` replays
 * one failing case (fast-check prints seed and path when a property fails).
 */
import fc from 'fast-check';

/** The seed CI uses: any fixed number would do; this one is the date the fuzz tests were added. */
export const CI_SEED = 20261202;

export interface FuzzSettings {
  seed: number;
  /** Cases per property */
  numRuns: number;
  /** Replays the case at this path of a failed run (with its seed) */
  path?: string;
}

function envInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return n;
}

/** Settings for one property: `defaultRuns` unless `FUZZ_RUNS` says otherwise. */
export function fuzzSettings(defaultRuns: number, defaultSeed = CI_SEED): FuzzSettings {
  const path = process.env['FUZZ_PATH'];
  return { seed: envInteger('FUZZ_SEED') ?? defaultSeed, numRuns: envInteger('FUZZ_RUNS') ?? defaultRuns, ...(path ? { path } : {}) };
}

/** Runs an async property; a failure names the command that replays it. */
export async function checkProperty<T>(name: string, property: fc.IAsyncPropertyWithHooks<T>, settings: FuzzSettings): Promise<number> {
  const details = await fc.check(property, { seed: settings.seed, numRuns: settings.numRuns, ...(settings.path ? { path: settings.path } : {}) });
  if (!details.failed) return details.numRuns;
  const replay = `FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''}`;
  const error = details.errorInstance instanceof Error ? (details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance);
  throw new Error(
    `fuzz property "${name}" failed after ${details.numRuns} cases (seed ${details.seed}, path ${details.counterexamplePath ?? '?'}).\n` +
      `Replay: ${replay} node --test --test-name-pattern=${JSON.stringify(name)} dist/test/fuzz/\n` +
      `Counterexample: ${fc.stringify(details.counterexample)}\n${error}`,
  );
}
