import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNpmLock } from '../../src/deps/lockfiles/npm-lock.js';
import { parsePipfileLock } from '../../src/deps/lockfiles/pipfile-lock.js';
import { parsePnpmLock } from '../../src/deps/lockfiles/pnpm-lock.js';
import { parsePoetryLock } from '../../src/deps/lockfiles/poetry-lock.js';
import { parseRequirementsText } from '../../src/deps/lockfiles/requirements-txt.js';
import { parseUvLock } from '../../src/deps/lockfiles/uv-lock.js';
import { parseYarnLock } from '../../src/deps/lockfiles/yarn-lock.js';
import { MAX_LOCKFILE_BYTES } from '../../src/deps/lockfiles/common.js';
import type { Lockfile } from '../../src/deps/types.js';
import { readFixture } from './fixtures.js';

type Parser = (text: string, file: string) => Lockfile;

const CASES: [string, Parser, string[]][] = [
  ['package-lock', parseNpmLock, ['npm-v3', 'package-lock.json']],
  ['package-lock v1', parseNpmLock, ['npm-v1', 'package-lock.json']],
  ['yarn classic', parseYarnLock, ['yarn-classic', 'yarn.lock']],
  ['yarn berry', parseYarnLock, ['yarn-berry', 'yarn.lock']],
  ['pnpm', parsePnpmLock, ['pnpm-v9', 'pnpm-lock.yaml']],
  ['poetry', parsePoetryLock, ['python', 'poetry2', 'poetry.lock']],
  ['pipfile', parsePipfileLock, ['python', 'pipenv', 'Pipfile.lock']],
  ['uv', parseUvLock, ['python', 'uv', 'uv.lock']],
  ['requirements', (t, f) => parseRequirementsText(t, f), ['python', 'requirements.txt']],
];

describe('hostile and truncated input never throws', () => {
  for (const [name, parse, parts] of CASES) {
    it(`${name}: every truncation parses or reports errors`, () => {
      const text = readFixture(...parts);
      const step = Math.max(1, Math.floor(text.length / 40));
      for (let cut = 0; cut < text.length; cut += step) {
        const r = parse(text.slice(0, cut), 'x');
        assert.ok(Array.isArray(r.dependencies) && Array.isArray(r.errors));
        for (const e of r.errors) assert.equal(e.file, 'x');
      }
    });
  }

  it('deeply nested documents become errors', () => {
    const deepJson = '{"packages":' + '['.repeat(200_000);
    assert.ok(parseNpmLock(deepJson, 'package-lock.json').errors.length > 0);
    assert.doesNotThrow(() => parsePipfileLock('{"default":' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_001), 'Pipfile.lock'));
    assert.ok(parsePnpmLock('a: ' + '['.repeat(50_000), 'pnpm-lock.yaml').errors.length > 0);
    assert.ok(parseUvLock('a = ' + '['.repeat(50_000), 'uv.lock').errors.length > 0);
  });

  it('refuses oversized input with a clear message', () => {
    const big = ' '.repeat(MAX_LOCKFILE_BYTES + 1);
    const r = parseYarnLock(big, 'yarn.lock');
    assert.match(r.errors[0]!.message, /larger than/);
    assert.equal(r.errors[0]!.line, 1);
  });

  it('wrong shapes are tolerated', () => {
    assert.doesNotThrow(() => parseNpmLock('{"lockfileVersion":3,"packages":{"node_modules/a":{"version":5,"dependencies":[1]}}}', 'p'));
    assert.doesNotThrow(() => parsePnpmLock("lockfileVersion: '9.0'\nimporters: 5\npackages: [1, 2]\nsnapshots: {a: 1}\n", 'p'));
    assert.doesNotThrow(() => parsePoetryLock('package = 5\n', 'p'));
    assert.doesNotThrow(() => parseUvLock('[[package]]\nname = 5\nsource = "x"\ndependencies = "y"\n', 'p'));
    assert.doesNotThrow(() => parseYarnLock('__metadata:\n  version: 8\n"a@npm:1": 5\n"b@npm:1":\n  dependencies: 7\n', 'p'));
  });
});
