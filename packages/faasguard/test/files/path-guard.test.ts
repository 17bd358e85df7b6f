/**
 * The guard of every path a scanned file names: inside the root once links are resolved, outside,
 * or missing; the real path it gives is the one `realpath` gives, though it resolves each folder once.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { PathGuard } from '../../src/files/path-guard.js';

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-path-guard-')));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * root/src/a.js, root/src/lib/b.js, root/linked-src → src, root/src/to-a.js → a.js,
 * root/escape.js → ../secret.txt, root/escape-dir → .., root/loop → loop, root/not-a-dir (a file).
 */
function tree(): { root: string; outside: string } {
  const base = fs.mkdtempSync(path.join(tmp, 't-'));
  const root = path.join(base, 'root');
  fs.mkdirSync(path.join(root, 'src', 'lib'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'a.js'), 'a');
  fs.writeFileSync(path.join(root, 'src', 'lib', 'b.js'), 'b');
  fs.writeFileSync(path.join(root, 'not-a-dir'), 'x');
  const outside = path.join(base, 'secret.txt');
  fs.writeFileSync(outside, 'secret');
  fs.symlinkSync('src', path.join(root, 'linked-src'));
  fs.symlinkSync('a.js', path.join(root, 'src', 'to-a.js'));
  fs.symlinkSync('../secret.txt', path.join(root, 'escape.js'));
  fs.symlinkSync('..', path.join(root, 'escape-dir'));
  fs.symlinkSync('loop', path.join(root, 'loop'));
  return { root, outside };
}

describe('path guard', () => {
  it('gives the real path of files inside, through linked folders and linked files, as realpath does', () => {
    const { root } = tree();
    const guard = new PathGuard(root);
    for (const rel of ['src/a.js', 'src/lib/b.js', 'linked-src/a.js', 'linked-src/lib/b.js', 'src/to-a.js', 'linked-src/to-a.js', 'src', 'linked-src', '.']) {
      const got = guard.resolve('.', rel);
      assert.equal(got.kind, 'inside', rel);
      assert.equal(got.kind === 'inside' && got.real, fs.realpathSync.native(path.join(root, rel)), rel);
    }
    const viaLink = guard.resolve('linked-src', 'lib/b.js');
    assert.deepEqual(viaLink, { kind: 'inside', abs: path.join(root, 'linked-src', 'lib', 'b.js'), real: path.join(root, 'src', 'lib', 'b.js'), rel: 'linked-src/lib/b.js', regularFile: true });
  });

  it('resolves folders several levels deep, through links at any level, as realpath does', () => {
    const { root } = tree();
    fs.mkdirSync(path.join(root, 'src', 'lib', 'deep', 'er'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', 'lib', 'deep', 'er', 'c.js'), 'c');
    fs.symlinkSync('../..', path.join(root, 'src', 'lib', 'deep', 'up'));
    fs.symlinkSync('src/lib/deep', path.join(root, 'deep-link'));
    const guard = new PathGuard(root);
    // Asked deepest first, then through links in the middle of the path.
    for (const rel of ['src/lib/deep/er/c.js', 'deep-link/er/c.js', 'src/lib/deep/up/lib/deep/er/c.js', 'linked-src/lib/deep/up/a.js', 'deep-link/up/lib/b.js']) {
      const got = guard.resolve('.', rel);
      assert.equal(got.kind === 'inside' && got.real, fs.realpathSync.native(path.join(root, rel)), rel);
    }
    assert.equal(guard.resolve('.', 'deep-link/none/c.js').kind, 'missing');
  });

  it('tells whether a path is a regular file where it saw it (no link): the folder and the file, not the link', () => {
    const { root } = tree();
    const guard = new PathGuard(root);
    const regular = (rel: string): boolean | undefined => {
      const got = guard.resolve('.', rel);
      return got.kind === 'inside' ? got.regularFile : undefined;
    };
    assert.equal(regular('src/a.js'), true);
    assert.equal(regular('src/lib'), false);
    assert.equal(regular('src/to-a.js'), undefined);
    assert.equal(regular('linked-src'), undefined);
  });

  it('puts outside what leaves the root as written or through a link', () => {
    const { root } = tree();
    const guard = new PathGuard(root);
    for (const rel of ['../secret.txt', 'escape.js', 'escape-dir/secret.txt', 'src/../../secret.txt']) {
      assert.deepEqual(guard.resolve('.', rel), { kind: 'outside' }, rel);
    }
    // A link out and back in lands inside.
    const back = guard.resolve('.', 'escape-dir/root/src/a.js');
    assert.equal(back.kind === 'inside' && back.real, path.join(root, 'src', 'a.js'));
  });

  it('calls missing what does not resolve: absent files and folders, a link loop, a file taken for a folder', () => {
    const { root } = tree();
    const guard = new PathGuard(root);
    for (const rel of ['src/none.js', 'none/a.js', 'loop', 'loop/a.js', 'not-a-dir/a.js']) {
      assert.equal(guard.resolve('.', rel).kind, 'missing', rel);
    }
    // Asked again, a folder's answer is the same (it is remembered for the scan).
    assert.equal(guard.resolve('.', 'none/b.js').kind, 'missing');
    assert.equal(guard.resolve('.', 'src/a.js').kind, 'inside');
  });

  it('takes a root given through a link as the root', () => {
    const { root } = tree();
    const link = path.join(path.dirname(root), 'root-link');
    fs.symlinkSync(root, link);
    const guard = new PathGuard(link);
    const got = guard.resolve('.', 'src/a.js');
    assert.equal(got.kind === 'inside' && got.real, path.join(root, 'src', 'a.js'));
    assert.deepEqual(guard.resolve('.', 'escape.js'), { kind: 'outside' });
  });
});
