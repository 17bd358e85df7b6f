/**
 * `npm run fuzz`: the fuzz properties of `test/fuzz` for much longer than CI runs them, from a
 * random seed, in rounds over every input family until the time is up; prints how many inputs
 * ran and, for a family that failed, the seed and path that replay its counterexample:
 *   FUZZ_SEED=<seed> FUZZ_PATH=<path> FUZZ_RUNS=<runs> node --test dist/test/fuzz/
 * FUZZ_MINUTES (default 15) sets the time, FUZZ_SEED the first seed. Needs a build (`npm run build`).
 */
import fc from 'fast-check';
import { fuzzFamilies } from '../dist/test/fuzz/families.js';
import { checkProperty } from '../dist/test/fuzz/fuzz-settings.js';
import { CaseFolder, checkScanOf } from '../dist/test/fuzz/scan-invariants.js';

const minutes = Number(process.env.FUZZ_MINUTES ?? 15);
const firstSeed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const ROUND = 100;

const deadline = Date.now() + minutes * 60_000;
const folder = new CaseFolder();
const families = fuzzFamilies().map((family) => ({ family, ran: 0, failure: undefined }));
console.log(`fuzzing for ${minutes} min from seed ${firstSeed}, ${ROUND} cases per family per round`);

let round = 0;
try {
  while (Date.now() < deadline && families.some((f) => f.failure === undefined)) {
    for (const entry of families) {
      if (entry.failure !== undefined || Date.now() >= deadline) continue;
      const seed = firstSeed + round;
      const property = fc.asyncProperty(entry.family.projects, (files) => checkScanOf(folder, files, entry.family.waivers));
      try {
        entry.ran += await checkProperty(entry.family.name, property, { seed, numRuns: ROUND });
      } catch (e) {
        entry.ran += ROUND;
        entry.failure = `${e.message}\n(replay with FUZZ_RUNS=${ROUND})`;
        console.log(`\n${entry.failure}\n`);
      }
    }
    round++;
    console.log(`round ${round}: ${families.map((f) => `${f.family.name} ${f.ran}`).join(', ')}`);
  }
} finally {
  folder.remove();
}

const total = families.reduce((n, f) => n + f.ran, 0);
console.log(`\n${total} inputs in ${round} rounds (seeds ${firstSeed}–${firstSeed + round - 1}): ${families.map((f) => `${f.family.name} ${f.ran}${f.failure ? ' (FAILED)' : ''}`).join(', ')}`);
process.exitCode = families.some((f) => f.failure !== undefined) ? 1 : 0;
