/**
 * Property-based fuzzing of the whole scan: for random templates, serverless.yml variable graphs,
 * lockfiles and handler code, the scan returns, every diagnostic names a file, and every report
 * and map format parses with no control character unescaped (see `scan-invariants.ts`).
 * A fixed seed by default; `FUZZ_SEED`, `FUZZ_RUNS` and `FUZZ_PATH` change or replay a run.
 */
import fc from 'fast-check';
import { after, describe, it } from 'node:test';
import { fuzzFamilies } from './families.js';
import { fuzzSettings, checkProperty } from './fuzz-settings.js';
import { CaseFolder, checkScanOf } from './scan-invariants.js';

describe('fuzz: scans of random projects keep their invariants', () => {
  const folder = new CaseFolder();
  after(() => folder.remove());

  for (const family of fuzzFamilies()) {
    it(family.name, async () => {
      const property = fc.asyncProperty(family.projects, (files) => checkScanOf(folder, files, family.waivers));
      await checkProperty(family.name, property, fuzzSettings(family.ciRuns));
    });
  }
});
