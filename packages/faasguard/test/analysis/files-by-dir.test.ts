/**
 * Files under a directory by binary search: a directory is a path prefix ending at a `/`, so
 * `svc` must not take the files of `svc-2` or `svc2`, and the root takes everything.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FilesByDir, insideAny } from '../../src/analysis/files-by-dir.js';

const FILES = ['svc-2/a.js', 'svc/a.js', 'svc/lib/b.js', 'svc2/c.js', 'svc.js', 'other/svc/d.js', 'svc/z.py'];

describe('FilesByDir', () => {
  const index = new FilesByDir(FILES, (f) => f);

  it('lists the files inside a directory, deep ones too, in path order', () => {
    assert.deepEqual(index.under('svc'), ['svc/a.js', 'svc/lib/b.js', 'svc/z.py']);
    assert.deepEqual(index.under('svc/lib'), ['svc/lib/b.js']);
  });

  it('leaves out files whose path only starts with the same letters', () => {
    assert.deepEqual(index.under('svc-2'), ['svc-2/a.js']);
    assert.deepEqual(index.under('sv'), []);
    assert.deepEqual(index.under('missing'), []);
  });

  it('lists every file for the root', () => {
    assert.equal(index.under('.').length, FILES.length);
    assert.equal(index.under('').length, FILES.length);
  });
});

describe('insideAny', () => {
  it('finds a file in any of the directories, at any depth, and not in a look-alike', () => {
    assert.equal(insideAny('svc/lib/b.js', new Set(['svc'])), true);
    assert.equal(insideAny('svc-2/a.js', new Set(['svc'])), false);
    assert.equal(insideAny('other/svc/d.js', new Set(['svc'])), false);
    assert.equal(insideAny('svc.js', new Set(['svc'])), false);
    assert.equal(insideAny('anything/at/all.js', new Set(['.'])), true);
  });
});
