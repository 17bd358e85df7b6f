/**
 * Which files a hook's paths name under the scanned root: as locations name them (relative to the
 * root, forward slashes), whatever form the hook gives them in.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { changedUnder } from '../../src/cli/changed-files.js';

describe('changedUnder', () => {
  it('takes paths relative to the working directory, or absolute, and names them relative to the root', () => {
    const root = path.resolve('infra');
    const changed = changedUnder('infra', ['infra/template.yaml', './infra/src/../src/a.js', path.join(root, 'b.py')]);
    assert.deepEqual([...changed].sort(), ['b.py', 'src/a.js', 'template.yaml']);
  });

  it('leaves out the root itself and what lies outside it', () => {
    assert.deepEqual([...changedUnder('infra', ['infra', 'README.md', 'infra-old/t.yaml', '../infra/t.yaml', '/elsewhere/t.yaml'])], []);
  });
});
