import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DependencyPath, pathLabels, pulledInBy } from '../../src/deps/dependency-path.js';
import { parseNpmLock } from '../../src/deps/lockfiles/npm-lock.js';
import { parsePoetryLock } from '../../src/deps/lockfiles/poetry-lock.js';
import { parseYarnLock } from '../../src/deps/lockfiles/yarn-lock.js';
import type { Lockfile, ManifestDeps } from '../../src/deps/types.js';

/** p0 → p1 → … → p(depth-1), every package at the top of node_modules, as npm hoists them. */
function npmChain(depth: number): string {
  const packages: Record<string, unknown> = { '': { name: 'app', version: '1.0.0', dependencies: { p0: '1.0.0' } } };
  for (let i = 0; i < depth; i++) packages[`node_modules/p${i}`] = { version: '1.0.0', ...(i + 1 < depth ? { dependencies: { [`p${i + 1}`]: '1.0.0' } } : {}) };
  return JSON.stringify({ name: 'app', lockfileVersion: 3, packages });
}

function yarnChain(depth: number): string {
  const entries = Array.from({ length: depth }, (_, i) => {
    const next = i + 1 < depth ? `  dependencies:\n    p${i + 1} "^1.0.0"\n` : '';
    return `p${i}@^1.0.0:\n  version "1.0.0"\n  resolved "https://registry.yarnpkg.com/p${i}/-/p${i}-1.0.0.tgz"\n${next}`;
  });
  return `# yarn lockfile v1\n\n${entries.join('\n')}`;
}

function poetryChain(depth: number): string {
  const entries = Array.from({ length: depth }, (_, i) => {
    const next = i + 1 < depth ? `\n[package.dependencies]\np${i + 1} = "*"\n` : '';
    return `[[package]]\nname = "p${i}"\nversion = "1.0.0"\ndescription = ""\noptional = false\npython-versions = "*"\n${next}`;
  });
  return entries.join('\n');
}

const manifest: ManifestDeps = { dependencies: { p0: '^1.0.0' }, devDependencies: {}, optionalDependencies: {} };

/** Links the chains of a lockfile hold, shared links counted once. */
function pathLinks(lock: Lockfile): number {
  const seen = new Set<DependencyPath>();
  for (const d of lock.dependencies) for (let at: DependencyPath | undefined = d.path; at !== undefined && !seen.has(at); at = at.parent) seen.add(at);
  return seen.size;
}

const PARSERS: [string, (depth: number) => Lockfile][] = [
  ['package-lock', (depth) => parseNpmLock(npmChain(depth), 'package-lock.json')],
  ['yarn classic', (depth) => parseYarnLock(yarnChain(depth), 'yarn.lock', { manifest })],
  ['poetry', (depth) => parsePoetryLock(poetryChain(depth), 'poetry.lock', { manifest })],
];

describe('a deep chain of dependencies', () => {
  for (const [format, parse] of PARSERS) {
    it(`${format}: the paths of a chain hold one link per package`, () => {
      const lock = parse(1000);
      assert.deepEqual(lock.errors, []);
      assert.equal(lock.dependencies.length, 1000);
      assert.equal(pathLinks(lock), 1000);
    });
  }

  it('package-lock: a 20,000-deep chain gives every package its whole path', () => {
    const lock = parseNpmLock(npmChain(20_000), 'package-lock.json');
    const last = lock.dependencies.find((d) => d.name === 'p19999')!;
    assert.equal(last.path.length, 20_000);
    const labels = pathLabels(last.path);
    assert.equal(labels.length, 20_000);
    assert.deepEqual([labels[0], labels[19_999]], ['p0@1.0.0', 'p19999@1.0.0']);
    assert.equal(last.scope, 'prod');
    assert.equal(pathLinks(lock), 20_000);
  });

  it('keys stay short and distinct at any depth', () => {
    const lock = parseNpmLock(npmChain(5000), 'package-lock.json');
    const keys = lock.dependencies.map((d) => d.path.key);
    assert.equal(new Set(keys).size, 5000);
    assert.ok(keys.every((k) => k.length <= 1024));
    assert.equal(lock.dependencies.find((d) => d.name === 'p2')!.path.key, 'p0@1.0.0>p1@1.0.0>p2@1.0.0');
  });

  it('messages name the declared package and the last few of a long chain', () => {
    const lock = parseNpmLock(npmChain(5000), 'package-lock.json');
    const at = (name: string) => lock.dependencies.find((d) => d.name === name)!.path;
    assert.equal(pulledInBy(at('p3')), 'p0@1.0.0 > p1@1.0.0 > p2@1.0.0');
    assert.equal(pulledInBy(at('p4999')), 'p0@1.0.0 > … 4,995 more … > p4996@1.0.0 > p4997@1.0.0 > p4998@1.0.0');
    assert.equal(pulledInBy(at('p0')), '');
  });
});
