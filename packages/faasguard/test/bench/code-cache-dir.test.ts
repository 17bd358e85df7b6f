/** The benchmark's own code cache: written by the example's scan before anything is timed, then removed. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { useFreshCodeCache } from '../../bench/code-cache-dir.js';
import { BIN, EXAMPLE } from '../../bench/corpus.js';

const saved = process.env.FAASGUARD_CACHE_DIR;
after(() => {
  if (saved === undefined) delete process.env.FAASGUARD_CACHE_DIR;
  else process.env.FAASGUARD_CACHE_DIR = saved;
});

describe('benchmark code cache', () => {
  it("points the command line's processes at a new cache, written by a scan of the example, and removes it", () => {
    const remove = useFreshCodeCache(BIN, EXAMPLE);
    const dir = process.env.FAASGUARD_CACHE_DIR;
    assert.ok(dir !== undefined && dir !== saved);
    const written = readdirSync(path.join(dir, 'code'));
    assert.ok(written.some((f) => /^main-.*\.bin$/.test(f)), `cache files: ${written.join(', ')}`);
    remove();
    assert.equal(existsSync(dir), false);
  });
});
