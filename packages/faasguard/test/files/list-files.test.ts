/**
 * Listing the files under a folder of the scanned repository (a CDK asset's source maps): regular
 * files in walk order, links followed only while they stay inside the root, each real folder once,
 * at most `max` files.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { listFiles } from '../../src/files/list-files.js';
import { PathGuard } from '../../src/files/path-guard.js';

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-list-files-')));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * root/asset/{a.map, b.js, lib/c.map, to-c.map → lib/c.map, linked-lib → lib, loop → ., escape.map → ../../secret.map}
 * and secret.map beside root.
 */
function tree(): string {
  const base = fs.mkdtempSync(path.join(tmp, 't-'));
  const asset = path.join(base, 'root', 'asset');
  fs.mkdirSync(path.join(asset, 'lib'), { recursive: true });
  for (const f of ['a.map', 'b.js', 'lib/c.map']) fs.writeFileSync(path.join(asset, f), f);
  fs.writeFileSync(path.join(base, 'secret.map'), 'secret');
  fs.symlinkSync('lib/c.map', path.join(asset, 'to-c.map'));
  fs.symlinkSync('lib', path.join(asset, 'linked-lib'));
  fs.symlinkSync('.', path.join(asset, 'loop'));
  fs.symlinkSync('../../secret.map', path.join(asset, 'escape.map'));
  return path.join(base, 'root');
}

const isMap = (name: string): boolean => name.endsWith('.map');
const relativeTo = (root: string, files: string[]): string[] => files.map((f) => path.relative(root, f).split(path.sep).join('/'));

describe('list files', () => {
  it('lists the accepted regular files, through links that stay inside, each real folder once', () => {
    const root = tree();
    const listed = relativeTo(root, listFiles(new PathGuard(root), path.join(root, 'asset'), isMap, 100));
    // lib and linked-lib are the same real folder: walked once, under the name met first.
    assert.deepEqual(listed, ['asset/a.map', 'asset/lib/c.map', 'asset/to-c.map']);
  });

  it('lists a file given itself, and nothing outside the root', () => {
    const root = tree();
    const guard = new PathGuard(root);
    assert.deepEqual(relativeTo(root, listFiles(guard, path.join(root, 'asset', 'a.map'), isMap, 100)), ['asset/a.map']);
    assert.deepEqual(listFiles(guard, path.join(root, 'asset', 'escape.map'), isMap, 100), []);
    assert.deepEqual(listFiles(guard, path.join(root, '..'), isMap, 100), []);
  });

  it('stops at the bound', () => {
    const root = tree();
    assert.deepEqual(relativeTo(root, listFiles(new PathGuard(root), path.join(root, 'asset'), isMap, 1)), ['asset/a.map']);
    assert.deepEqual(relativeTo(root, listFiles(new PathGuard(root), path.join(root, 'asset'), () => true, 2)), ['asset/a.map', 'asset/b.js']);
  });
});
