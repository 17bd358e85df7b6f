/**
 * Workspace globs come from the scanned repository's package.json: a glob that a backtracking
 * engine cannot finish against a long directory name must still get an answer.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { isWorkspaceMember } from '../../src/deps/lockfiles/workspace-members.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const made: string[] = [];
after(() => made.forEach(removeProject));

describe('workspace globs from package.json', () => {
  it('answers for a hostile glob against long directory names', async () => {
    const dir = tempProject({ 'package.json': JSON.stringify({ name: 'root', workspaces: [`${'*a'.repeat(30)}*b`, 'packages/*'] }) });
    made.push(dir);
    const names = new Set(['package.json']);
    const member = (importer: string): Promise<boolean> => isWorkspaceMember(dir, importer, 'npm', names);
    assert.deepEqual(await Promise.all([member('a'.repeat(250)), member(`${'a'.repeat(250)}b`), member('packages/api'), member('tools')]), [false, true, true, false]);
  });
});
