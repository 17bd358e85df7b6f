/**
 * The whole-versus-per-folder comparison finds a difference where one exists (an explicit link
 * between two folders chains only in the whole scan) and none where the folders are independent.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { compareFolders } from '../../bench/folder-consistency.js';
import { FIXTURES } from '../helpers/paths.js';

describe('folder consistency', () => {
  it('finds no difference between independent folders', async () => {
    const result = await compareFolders(path.join(FIXTURES, 'apps', 'wildcard'));
    assert.deepEqual(result.folders, ['consumer', 'producer']);
    assert.deepEqual(result.differences, []);
  });

  it('reports a chain that exists only when the linked folders are scanned together', async () => {
    const result = await compareFolders(path.join(FIXTURES, 'apps', 'imported'));
    const chains = result.differences.filter((d) => d.key.startsWith('function-exposed-through-chain'));
    assert.deepEqual(chains.map((d) => [d.folder, d.side, d.key.split(' | ').slice(0, 3).join(' | ')]), [['consumer', 'whole', 'function-exposed-through-chain | template.yaml:14 | template.yaml/Worker']]);
    assert.equal(result.crossing.some((f) => f.ruleId === 'function-exposed-through-chain'), true);
  });
});
