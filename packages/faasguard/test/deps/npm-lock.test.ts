import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNpmLock } from '../../src/deps/lockfiles/npm-lock.js';
import { parsePackageJson } from '../../src/deps/manifest.js';
import { dep, fixture, readFixture } from './fixtures.js';
import { pathLabels } from '../../src/deps/dependency-path.js';

for (const dir of ['npm-v3', 'npm-v2']) {
  describe(`package-lock ${dir} (written by npm)`, () => {
    const file = fixture(dir, 'package-lock.json');
    const lock = parseNpmLock(readFixture(dir, 'package-lock.json'), file);

    it('parses without errors and finds every package', () => {
      assert.deepEqual(lock.errors, []);
      assert.equal(lock.format, 'package-lock');
      assert.deepEqual(lock.dependencies.map((d) => `${d.name}@${d.version}`).sort(), [
        'core-js@3.37.1', 'debug@4.3.4', 'is-number@6.0.0', 'is-number@7.0.0', 'is-odd@3.0.1', 'left-pad@1.3.0', 'local-lib@0.1.0', 'ms@2.1.2',
      ]);
    });

    it('keeps production, development and optional apart', () => {
      assert.equal(dep(lock, 'debug').scope, 'prod');
      assert.equal(dep(lock, 'ms').scope, 'prod');
      assert.equal(dep(lock, 'is-number', '7.0.0').scope, 'dev');
      assert.equal(dep(lock, 'is-odd').scope, 'optional');
      assert.equal(dep(lock, 'is-number', '6.0.0').scope, 'optional');
    });

    it('gives direct flags and dependency paths through nested node_modules', () => {
      assert.equal(dep(lock, 'debug').direct, true);
      assert.equal(dep(lock, 'ms').direct, false);
      assert.deepEqual(pathLabels(dep(lock, 'ms').path), ['debug@4.3.4', 'ms@2.1.2']);
      assert.deepEqual(pathLabels(dep(lock, 'is-number', '6.0.0').path), ['is-odd@3.0.1', 'is-number@6.0.0']);
    });

    it('classifies sources and keeps integrity and install scripts', () => {
      assert.equal(dep(lock, 'left-pad').source, 'tarball');
      assert.equal(dep(lock, 'local-lib').source, 'path');
      assert.equal(dep(lock, 'debug').source, 'registry');
      assert.match(dep(lock, 'debug').integrity ?? '', /^sha512-/);
      assert.equal(dep(lock, 'core-js').hasInstallScript, true);
      assert.equal(dep(lock, 'debug').hasInstallScript, false);
    });

    it('reports the line of each entry', () => {
      const lines = readFixture(dir, 'package-lock.json').split('\n');
      const d = dep(lock, 'debug');
      assert.ok(d.line);
      assert.match(lines[d.line - 1]!, /"node_modules\/debug"/);
    });
  });
}

describe('npm-shrinkwrap.json (written by npm shrinkwrap)', () => {
  it('is read like a package-lock', () => {
    const lock = parseNpmLock(readFixture('shrinkwrap', 'npm-shrinkwrap.json'), fixture('shrinkwrap', 'npm-shrinkwrap.json'));
    assert.equal(lock.format, 'npm-shrinkwrap');
    assert.equal(dep(lock, 'ms').version, '2.1.2');
    assert.equal(dep(lock, 'is-number', '7.0.0').scope, 'dev');
  });
});

describe('package-lock v1 (written by hand from the documented format)', () => {
  const file = fixture('npm-v1', 'package-lock.json');
  const lock = parseNpmLock(readFixture('npm-v1', 'package-lock.json'), file);

  it('flattens the nested tree and resolves requires upward', () => {
    assert.deepEqual(lock.errors, []);
    assert.deepEqual(pathLabels(dep(lock, 'ms').path), ['debug@4.3.4', 'ms@2.1.2']);
    assert.deepEqual(pathLabels(dep(lock, 'is-number', '6.0.0').path), ['is-odd@3.0.1', 'is-number@6.0.0']);
    assert.equal(dep(lock, 'is-number', '7.0.0').scope, 'dev');
    assert.equal(dep(lock, 'is-odd').scope, 'optional');
  });

  it('classifies URL, file and git versions and does not invent versions for them', () => {
    assert.equal(dep(lock, 'left-pad').source, 'tarball');
    assert.equal(dep(lock, 'left-pad').version, undefined);
    assert.equal(dep(lock, 'local-lib').source, 'path');
    assert.equal(dep(lock, 'private-util').source, 'git');
    assert.equal(dep(lock, 'private-util').integrity, undefined);
    assert.equal(dep(lock, 'debug').hasInstallScript, undefined);
  });

  it('uses the manifest for direct dependencies when given', () => {
    const manifest = parsePackageJson(readFixture('npm-v3', 'package.json'), 'package.json').deps;
    const withManifest = parseNpmLock(readFixture('npm-v1', 'package-lock.json'), file, { manifest });
    assert.equal(dep(withManifest, 'debug').direct, true);
    assert.equal(dep(withManifest, 'private-util').direct, false);
  });
});

describe('malformed package-lock', () => {
  it('reports the line of a syntax error instead of throwing', () => {
    const lock = parseNpmLock('{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": { "version": "1.0.0" \n  }\n', 'bad/package-lock.json');
    assert.equal(lock.dependencies.length, 0);
    assert.ok(lock.errors.length > 0);
    assert.equal(lock.errors[0]!.file, 'bad/package-lock.json');
    assert.ok((lock.errors[0]!.line ?? 0) >= 4);
  });

  it('reports a JSON document that is not a lockfile', () => {
    const lock = parseNpmLock('[1, 2]', 'x/package-lock.json');
    assert.equal(lock.errors.length, 1);
  });

  it('resolves workspace packages through links from a sub-project importer', () => {
    const text = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { name: 'mono', workspaces: ['fns/a'] },
        'fns/a': { name: 'a', version: '1.0.0', dependencies: { uuid: '^9.0.0' }, devDependencies: { tap: '1.0.0' } },
        'node_modules/a': { resolved: 'fns/a', link: true },
        'node_modules/uuid': { version: '9.0.1', resolved: 'https://npm.internal.example.com/uuid/-/uuid-9.0.1.tgz', integrity: 'sha512-x' },
        'node_modules/tap': { version: '1.0.0', dev: true, integrity: 'sha512-y' },
      },
    }, null, 2);
    const lock = parseNpmLock(text, 'package-lock.json', { importer: 'fns/a' });
    assert.deepEqual(pathLabels(dep(lock, 'uuid').path), ['uuid@9.0.1']);
    assert.equal(dep(lock, 'uuid').direct, true);
    assert.equal(dep(lock, 'uuid').registryHost, 'npm.internal.example.com');
    assert.equal(lock.dependencies.some((d) => d.name === 'a'), false, 'the project itself is not its own dependency');
  });
});
