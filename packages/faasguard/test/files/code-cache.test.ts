/**
 * A dependency loaded with V8's code cache: compiled and kept the first time, taken from the cache
 * after, compiled again when the cache is damaged; the module works the same every time.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { defaultCodeCacheDir, loadWithCodeCache, MAX_CACHED_VERSIONS, requireWithCodeCache } from '../../src/files/code-cache.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-code-cache-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const MODULE = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'files', 'code-cache.js')).href;
const FLAGS_MODULE = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'util', 'v8-flags.js')).href;

/**
 * The load in a fresh process, as the next scan would do it: within one process V8 keeps what it
 * compiled in memory and never looks at the cache again.
 */
function inFreshProcess(from: string, cacheDir: string, v8Flag?: string): { cache: string; sum: number } {
  const setFlag = v8Flag === undefined ? '' : `(await import(${JSON.stringify(FLAGS_MODULE)})).setV8Flag(${JSON.stringify(v8Flag)});`;
  const script = `${setFlag} const { requireWithCodeCache } = await import(${JSON.stringify(MODULE)}); const r = requireWithCodeCache('adder', ${JSON.stringify(from)}, ${JSON.stringify(cacheDir)}); console.log(JSON.stringify({ cache: r.cache, sum: r.exports.add(2, 3) }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as { cache: string; sum: number };
}

function project(): { from: string; cacheDir: string } {
  const root = fs.mkdtempSync(path.join(dir, 'p-'));
  const pkg = path.join(root, 'node_modules', 'adder');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'adder', main: 'index.js' }));
  fs.writeFileSync(path.join(pkg, 'index.js'), `const path = require('node:path');\nexports.add = (a, b) => a + b;\nexports.where = path.basename(__dirname);\n${'exports.f = function () { return 1; };\n'.repeat(200)}`);
  return { from: pathToFileURL(path.join(root, 'main.js')).href, cacheDir: path.join(root, 'cache') };
}

describe('code cache', () => {
  it('compiles and keeps the code the first time, and takes it from the cache after', () => {
    const { from, cacheDir } = project();
    const first = requireWithCodeCache('adder', from, cacheDir);
    assert.equal(first.cache, 'compiled');
    assert.equal((first.exports as { add(a: number, b: number): number }).add(2, 3), 5);
    assert.equal((first.exports as { where: string }).where, 'adder', 'the module sees its own __dirname and require');
    assert.equal(fs.readdirSync(cacheDir).filter((f) => f.endsWith('.bin')).length, 1);
    assert.deepEqual(inFreshProcess(from, cacheDir), { cache: 'used', sum: 5 });
  });

  it('reads a module written in UTF-8 outside ASCII, and modules of every size one after another, each whole', () => {
    const root = fs.mkdtempSync(path.join(dir, 'texts-'));
    const cacheDir = path.join(root, 'cache');
    const write = (name: string, text: string): string => {
      const file = path.join(root, name);
      fs.writeFileSync(file, text);
      return file;
    };
    const big = write('big.js', `exports.text = ${JSON.stringify('x'.repeat(300_000))};\nexports.last = 'end of big';\n`);
    const small = write('small.js', "exports.text = 'café — naïve ✓';\n");
    const bigger = write('bigger.js', `exports.text = ${JSON.stringify('y'.repeat(900_000))};\nexports.last = 'end of bigger';\n`);
    for (let round = 0; round < 2; round++) {
      const loaded = [big, small, bigger, small].map((file) => loadWithCodeCache(file, cacheDir));
      for (const l of loaded) l.keepCode();
      const exports = loaded.map((l) => l.exports as { text: string; last?: string });
      assert.deepEqual([exports[0]!.text.length, exports[0]!.last], [300_000, 'end of big'], `round ${round}`);
      assert.equal(exports[1]!.text, 'café — naïve ✓', `round ${round}: decoded as UTF-8`);
      assert.deepEqual([exports[2]!.text.length, exports[2]!.last], [900_000, 'end of bigger'], `round ${round}`);
      assert.equal(exports[3]!.text, 'café — naïve ✓', `round ${round}: after a larger file`);
    }
  });

  it('compiles again, and replaces the cache, when the cached code is damaged', () => {
    const { from, cacheDir } = project();
    requireWithCodeCache('adder', from, cacheDir);
    const [name] = fs.readdirSync(cacheDir);
    fs.writeFileSync(path.join(cacheDir, name!), 'not V8 code');
    assert.deepEqual(inFreshProcess(from, cacheDir), { cache: 'rejected', sum: 5 });
    assert.deepEqual(inFreshProcess(from, cacheDir), { cache: 'used', sum: 5 }, 'the damaged cache was replaced');
  });

  it('works with no cache, and with a cache folder that cannot be written', () => {
    const { from } = project();
    const home = fs.mkdtempSync(path.join(dir, 'home-'));
    const before = process.env.FAASGUARD_CACHE_DIR;
    try {
      // With no cache folder given, nothing is written, not even in the default one.
      process.env.FAASGUARD_CACHE_DIR = home;
      assert.equal(requireWithCodeCache('adder', from, undefined).cache, 'compiled');
      assert.deepEqual(fs.readdirSync(home), []);
    } finally {
      if (before === undefined) delete process.env.FAASGUARD_CACHE_DIR;
      else process.env.FAASGUARD_CACHE_DIR = before;
    }
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, '');
    assert.equal(requireWithCodeCache('adder', from, path.join(file, 'cache')).cache, 'compiled');
  });

  it('keeps the newest few versions of a module, and leaves other files alone', () => {
    const { from, cacheDir } = project();
    fs.mkdirSync(cacheDir, { recursive: true });
    const old = ['index-0000000000000001.bin', 'index-0000000000000002.bin', 'index-0000000000000003.bin', 'index-0000000000000004.bin', 'index-0000000000000005.bin'];
    const others = ['typescript-0000000000000001.bin', 'indexer-0000000000000001.bin', 'index-notes.txt'];
    old.forEach((name, i) => {
      fs.writeFileSync(path.join(cacheDir, name), 'old');
      fs.utimesSync(path.join(cacheDir, name), 1_000_000 + i, 1_000_000 + i);
    });
    for (const name of others) fs.writeFileSync(path.join(cacheDir, name), 'other');
    assert.equal(requireWithCodeCache('adder', from, cacheDir).cache, 'compiled');
    const left = fs.readdirSync(cacheDir).sort();
    const written = left.filter((name) => name.startsWith('index-') && !old.includes(name) && !others.includes(name));
    assert.equal(written.length, 1);
    assert.deepEqual(left, [...others, ...old.slice(-(MAX_CACHED_VERSIONS - 1)), ...written].sort());
    assert.deepEqual(inFreshProcess(from, cacheDir), { cache: 'used', sum: 5 });
  });

  it('keeps the code when asked, with the functions compiled since the module was loaded', () => {
    const sizeKept = (callFirst: boolean): number => {
      const root = fs.mkdtempSync(path.join(dir, 'late-'));
      const file = path.join(root, 'late.cjs');
      // The same text in each folder: only what ran before the code was kept differs.
      fs.writeFileSync(file, `exports.later = function () {\n  let x = 0;\n${'  for (let i = 0; i < 3; i++) x += i * 2;\n'.repeat(300)}  return x > 0 ? 42 : 0;\n};\n`);
      const cacheDir = path.join(root, 'cache');
      const loaded = loadWithCodeCache(file, cacheDir);
      assert.equal(loaded.cache, 'compiled');
      assert.equal(fs.existsSync(cacheDir), false, 'nothing written before it is asked');
      if (callFirst) assert.equal((loaded.exports as { later(): number }).later(), 42);
      loaded.keepCode();
      const [name] = fs.readdirSync(cacheDir);
      return fs.statSync(path.join(cacheDir, name!)).size;
    };
    const loadedOnly = sizeKept(false);
    const afterCall = sizeKept(true);
    assert.ok(afterCall > loadedOnly + 1000, `the function called before keeping is in the cache (${afterCall} bytes against ${loadedOnly})`);
  });

  it('keeps a file for each set of V8 flags a process sets, which V8 would otherwise refuse', () => {
    const { from, cacheDir } = project();
    const flag = '--heap-growing-percent=100';
    assert.deepEqual(inFreshProcess(from, cacheDir), { cache: 'compiled', sum: 5 });
    assert.deepEqual(inFreshProcess(from, cacheDir, flag), { cache: 'compiled', sum: 5 }, 'not the other file, refused');
    assert.equal(fs.readdirSync(cacheDir).filter((f) => f.endsWith('.bin')).length, 2);
    assert.deepEqual(inFreshProcess(from, cacheDir), { cache: 'used', sum: 5 });
    assert.deepEqual(inFreshProcess(from, cacheDir, flag), { cache: 'used', sum: 5 });
  });

  it('does not write again a cache that V8 took', () => {
    const { from, cacheDir } = project();
    requireWithCodeCache('adder', from, cacheDir);
    const [name] = fs.readdirSync(cacheDir);
    const cacheFile = path.join(cacheDir, name!);
    fs.utimesSync(cacheFile, 1_000_000, 1_000_000);
    assert.deepEqual(inFreshProcess(from, cacheDir), { cache: 'used', sum: 5 });
    assert.equal(fs.statSync(cacheFile).mtimeMs, 1_000_000_000);
  });

  it('lives beside the other caches and can be turned off', () => {
    assert.equal(defaultCodeCacheDir({ FAASGUARD_CACHE_DIR: '/c' }), path.join('/c', 'code'));
    assert.equal(defaultCodeCacheDir({ XDG_CACHE_HOME: '/x' }), path.join('/x', 'faasguard', 'code'));
    assert.equal(defaultCodeCacheDir({ FAASGUARD_CODE_CACHE: 'off', FAASGUARD_CACHE_DIR: '/c' }), undefined);
  });
});
