/**
 * The glob matcher of exclude and parameter globs: the same answers as picomatch on ordinary globs,
 * work bounded by the glob's and the path's lengths on globs that make a backtracking engine run
 * for ever, and a reason for the globs it refuses.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import picomatch from 'picomatch';
import { excludeMatcher } from '../../src/discover/exclude-globs.js';
import { compileGlob, MAX_GLOB_LENGTH, type GlobMatcher } from '../../src/discover/glob-matcher.js';

function matcher(glob: string): GlobMatcher {
  const compiled = compileGlob(glob);
  assert.ok('matcher' in compiled, `${glob} compiles`);
  return compiled.matcher;
}

/** Comparisons made to match `path`. */
function stepsFor(m: GlobMatcher, path: string): { matched: boolean; steps: number } {
  const before = m.steps;
  const matched = m.matches(path);
  return { matched, steps: m.steps - before };
}

const GLOBS = ['legacy/**', 'build/*.js', '**/fixtures/**', '**', '*.yaml', '**/*.yaml', 'a/**/b', 'a/*/b', '{a,b}/*.json', 'src/{x,y/z}/**', '[ab]*.yml', '[a-c]?.txt', '?.txt', 'a\\*b', '**/test?/**', '!legacy/**', 'a/**', '**/a', 'x/**/y/**/z', '*.{yml,yaml}', '.github/**', '**/.*', 'services/*/template.yaml'];
const PATHS = ['legacy', 'legacy/a.yaml', 'build/x.js', 'build/sub/x.js', 'src/legacy.yaml', 'src/fixtures/b.json', 'a.yaml', 'a/b', 'a/x/b', 'a/x/y/b', 'b/q.json', 'src/x/1', 'src/y/z/2', 'src/y/1', 'b.yml', 'ab.yml', 'c.yml', 'a.txt', 'ab.txt', 'cd.txt', 'a*b', 'axb', 'q/test1/r', 'a', 'x/y/z', 'x/1/y/2/z', '.github/workflows/ci.yml', 'a/.hidden', 'services/api/template.yaml', 'services/api/v1/template.yaml'];

describe('glob matcher', () => {
  it('answers as picomatch (dot: true) on ordinary globs', () => {
    for (const glob of GLOBS) {
      const expected = picomatch(glob, { dot: true });
      const m = matcher(glob);
      for (const path of PATHS) assert.equal(m.matches(path), expected(path), `${glob} against ${path}`);
    }
  });

  it('matches *a*a…*b against long names with work linear in the name', () => {
    const hostile = matcher(`${'*a'.repeat(30)}*b`);
    const short = stepsFor(hostile, 'a'.repeat(1000));
    const long = stepsFor(hostile, 'a'.repeat(2000));
    assert.deepEqual([short.matched, long.matched], [false, false]);
    assert.equal(hostile.matches(`${'a'.repeat(2000)}b`), true);
    // Twice the name, at most twice the work (plus the glob's length); a backtracking engine's grows as n^30.
    assert.ok(long.steps <= 2 * short.steps + 62, `${short.steps} then ${long.steps} steps`);
    assert.ok(long.steps <= 62 * 2001, `${long.steps} steps, within the glob's length times the name's`);
  });

  it('bounds ** globs over deep paths the same way', () => {
    const hostile = matcher(`${'**/a/'.repeat(20)}b`);
    const deep = (n: number): string => Array(n).fill('a').join('/');
    const short = stepsFor(hostile, deep(500));
    const long = stepsFor(hostile, deep(1000));
    assert.deepEqual([short.matched, long.matched], [false, false]);
    assert.equal(hostile.matches(`${deep(1000)}/b`), true);
    assert.ok(long.steps <= 2 * short.steps + 200, `${short.steps} then ${long.steps} steps`);
  });

  it('excludes with the hostile glob and answers for every long name', () => {
    const excluded = excludeMatcher('/repo', [`${'*a'.repeat(30)}*b`, '**/fixtures/**'], []);
    assert.deepEqual([`${'a'.repeat(250)}.yaml`, `${'a'.repeat(250)}b`, 'x/fixtures/t.yaml', 'template.yaml'].map(excluded), [false, true, true, false]);
  });

  it('refuses extended globs, overlong globs and brace explosions, saying why', () => {
    const errorOf = (glob: string): string | undefined => {
      const c = compileGlob(glob);
      return 'error' in c ? c.error : undefined;
    };
    assert.match(errorOf('@(a|b)/**') ?? '', /extended globs/);
    assert.match(errorOf('x'.repeat(MAX_GLOB_LENGTH + 1)) ?? '', /longer than 1024/);
    assert.match(errorOf('{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}') ?? '', /alternatives/);
    assert.equal(errorOf('{a,b}/**/*.{yml,yaml}'), undefined);
  });
});
