import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePnpmLock } from '../../src/deps/lockfiles/pnpm-lock.js';
import { parseYarnLock } from '../../src/deps/lockfiles/yarn-lock.js';
import { parsePackageJson } from '../../src/deps/manifest.js';
import { dep, fixture, readFixture } from './fixtures.js';
import { pathLabels } from '../../src/deps/dependency-path.js';

const manifest = parsePackageJson(readFixture('npm-v3', 'package.json'), 'package.json').deps;
const ALL = ['core-js@3.37.1', 'debug@4.3.4', 'is-number@6.0.0', 'is-number@7.0.0', 'is-odd@3.0.1', 'left-pad@1.3.0', 'local-lib@0.1.0', 'ms@2.1.2'];

describe('yarn.lock classic (written by yarn 1.22)', () => {
  const file = fixture('yarn-classic', 'yarn.lock');
  const text = readFixture('yarn-classic', 'yarn.lock');
  const lock = parseYarnLock(text, file, { manifest });

  it('reads every entry with its line', () => {
    assert.equal(lock.format, 'yarn-classic');
    assert.deepEqual(lock.errors, []);
    assert.deepEqual(lock.dependencies.map((d) => `${d.name}@${d.version}`).sort(), ALL);
    const d = dep(lock, 'debug');
    assert.equal(text.split('\n')[d.line! - 1], 'debug@4.3.4:');
  });

  it('takes scopes and paths from the manifest and the graph', () => {
    assert.equal(dep(lock, 'ms').scope, 'prod');
    assert.deepEqual(pathLabels(dep(lock, 'ms').path), ['debug@4.3.4', 'ms@2.1.2']);
    assert.equal(dep(lock, 'is-number', '7.0.0').scope, 'dev');
    assert.equal(dep(lock, 'is-number', '6.0.0').scope, 'optional');
    assert.equal(dep(lock, 'debug').direct, true);
  });

  it('classifies sources, registry hosts and missing integrity', () => {
    assert.equal(dep(lock, 'left-pad').source, 'tarball');
    // Yarn 1 checks the SHA-1 written as the resolved URL's fragment.
    assert.equal(dep(lock, 'left-pad').integrity, `sha1-${Buffer.from('5b8a3a7765dfe001261dde915589e782f8c94d1e', 'hex').toString('base64')}`);
    assert.equal(dep(lock, 'local-lib').source, 'path');
    assert.equal(dep(lock, 'ms').source, 'registry');
    assert.equal(dep(lock, 'ms').registryHost, 'registry.npmjs.org');
    assert.equal(dep(lock, 'ms').hasInstallScript, undefined);
  });

  it('without a manifest treats unrequired entries as production roots', () => {
    const bare = parseYarnLock(text, file);
    assert.equal(dep(bare, 'is-number', '7.0.0').scope, 'prod');
    assert.equal(dep(bare, 'is-number', '7.0.0').direct, true);
    assert.equal(dep(bare, 'ms').direct, false);
  });

  it('reports malformed lines with their line number', () => {
    const bad = parseYarnLock('# yarn lockfile v1\n\nfoo@^1.0.0:\n  version "1.0.0"\nthis is not valid\n', 'bad/yarn.lock');
    assert.equal(bad.errors.length, 1);
    assert.equal(bad.errors[0]!.line, 5);
    assert.equal(dep(bad, 'foo').version, '1.0.0');
  });

  it('handles quoted scoped keys with several descriptors', () => {
    const t = '"@scope/a@^1.0.0", "@scope/a@^1.1.0":\n  version "1.2.0"\n  resolved "https://npm.pkg.example.com/@scope/a/-/a-1.2.0.tgz#abc"\n  integrity sha512-z\n  dependencies:\n    "@scope/b" "2.0.0"\n\n"@scope/b@2.0.0":\n  version "2.0.0"\n';
    const l = parseYarnLock(t, 'yarn.lock', { manifest: { dependencies: { '@scope/a': '^1.1.0' }, devDependencies: {}, optionalDependencies: {} } });
    assert.deepEqual(pathLabels(dep(l, '@scope/b').path), ['@scope/a@1.2.0', '@scope/b@2.0.0']);
    assert.equal(dep(l, '@scope/a').registryHost, 'npm.pkg.example.com');
  });
});

describe('yarn.lock Berry (written by yarn 4.9)', () => {
  const file = fixture('yarn-berry', 'yarn.lock');
  const text = readFixture('yarn-berry', 'yarn.lock');

  it('reads entries, skipping the workspace itself', () => {
    const lock = parseYarnLock(text, file, { manifest });
    assert.equal(lock.format, 'yarn-berry');
    assert.deepEqual(lock.errors, []);
    assert.deepEqual(lock.dependencies.map((d) => `${d.name}@${d.version}`).sort(), ALL);
    assert.match(text.split('\n')[dep(lock, 'ms').line! - 1]!, /^"ms@npm:2\.1\.2":/);
  });

  it('uses the manifest for development scope', () => {
    const lock = parseYarnLock(text, file, { manifest });
    assert.equal(dep(lock, 'is-number', '7.0.0').scope, 'dev');
    assert.equal(dep(lock, 'is-odd').scope, 'optional');
    assert.deepEqual(pathLabels(dep(lock, 'ms').path), ['debug@4.3.4', 'ms@2.1.2']);
  });

  it('falls back to the workspace entry without a manifest (everything production)', () => {
    const lock = parseYarnLock(text, file);
    assert.equal(dep(lock, 'is-number', '7.0.0').scope, 'prod');
    assert.equal(dep(lock, 'is-odd').scope, 'optional');
    assert.equal(dep(lock, 'debug').direct, true);
  });

  it('classifies protocols', () => {
    const lock = parseYarnLock(text, file, { manifest });
    assert.equal(dep(lock, 'left-pad').source, 'tarball');
    assert.equal(dep(lock, 'local-lib').source, 'path');
    assert.equal(dep(lock, 'debug').source, 'registry');
    assert.match(dep(lock, 'debug').integrity ?? '', /^10c0\//);
  });
});

for (const [dir, tool] of [['pnpm-v9', 'pnpm 9.15'], ['pnpm-v6', 'pnpm 8.15']] as const) {
  describe(`pnpm-lock.yaml ${dir} (written by ${tool})`, () => {
    const file = fixture(dir, 'pnpm-lock.yaml');
    const text = readFixture(dir, 'pnpm-lock.yaml');
    const lock = parsePnpmLock(text, file);

    it('reads every package (pnpm does not record the version of a file: directory)', () => {
      assert.deepEqual(lock.errors, []);
      const expected = ALL.map((x) => (x === 'local-lib@0.1.0' ? 'local-lib@undefined' : x));
      assert.deepEqual(lock.dependencies.map((d) => `${d.name}@${d.version}`).sort(), expected);
    });

    it('separates scopes and gives paths', () => {
      assert.equal(dep(lock, 'ms').scope, 'prod');
      assert.deepEqual(pathLabels(dep(lock, 'ms').path), ['debug@4.3.4', 'ms@2.1.2']);
      assert.equal(dep(lock, 'is-number', '7.0.0').scope, 'dev');
      assert.equal(dep(lock, 'is-odd').scope, 'optional');
      assert.equal(dep(lock, 'is-number', '6.0.0').scope, 'optional');
      assert.deepEqual(pathLabels(dep(lock, 'is-number', '6.0.0').path), ['is-odd@3.0.1', 'is-number@6.0.0']);
    });

    it('classifies the local directory and keeps integrity', () => {
      assert.equal(dep(lock, 'local-lib').source, 'path');
      assert.match(dep(lock, 'ms').integrity ?? '', /^sha512-/);
      const line = text.split('\n')[dep(lock, 'ms').line! - 1]!;
      assert.match(line, /ms@2\.1\.2:/);
    });
  });
}

describe('pnpm specifics', () => {
  it('v6 requiresBuild marks install scripts', () => {
    const lock = parsePnpmLock(readFixture('pnpm-v6', 'pnpm-lock.yaml'), 'pnpm-lock.yaml');
    assert.equal(dep(lock, 'core-js').hasInstallScript, true);
    assert.equal(dep(lock, 'ms').hasInstallScript, undefined);
  });

  it('v9 importers, peer suffixes, git and tarball resolutions', () => {
    const text = [
      "lockfileVersion: '9.0'",
      'importers:',
      '  .: {}',
      '  fns/api:',
      '    dependencies:',
      '      react-dom:',
      '        specifier: 18.2.0',
      '        version: 18.2.0(react@18.2.0)',
      '      gitdep:',
      '        specifier: github:acme/gitdep',
      '        version: https://codeload.github.com/acme/gitdep/tar.gz/abc',
      '      shared:',
      '        specifier: link:../shared',
      '        version: link:../shared',
      '  fns/other:',
      '    dependencies:',
      '      left-pad:',
      '        specifier: 1.3.0',
      '        version: 1.3.0',
      'packages:',
      '  react-dom@18.2.0:',
      '    resolution: {integrity: sha512-a}',
      '  react@18.2.0:',
      '    resolution: {integrity: sha512-b, tarball: https://npm.internal.example.com/react/-/react-18.2.0.tgz}',
      '  gitdep@https://codeload.github.com/acme/gitdep/tar.gz/abc:',
      '    resolution: {tarball: https://codeload.github.com/acme/gitdep/tar.gz/abc}',
      '    version: 1.0.0',
      'snapshots:',
      '  react-dom@18.2.0(react@18.2.0):',
      '    dependencies:',
      '      react: 18.2.0',
      '  react@18.2.0: {}',
      '  gitdep@https://codeload.github.com/acme/gitdep/tar.gz/abc: {}',
      '  left-pad@1.3.0: {}',
    ].join('\n');
    const lock = parsePnpmLock(text, 'pnpm-lock.yaml', { importer: 'fns/api' });
    assert.deepEqual(lock.errors, []);
    assert.deepEqual(pathLabels(dep(lock, 'react').path), ['react-dom@18.2.0', 'react@18.2.0']);
    assert.equal(dep(lock, 'react').registryHost, 'npm.internal.example.com');
    assert.equal(dep(lock, 'gitdep').source, 'tarball');
    assert.equal(dep(lock, 'gitdep').integrity, undefined);
    assert.equal(dep(lock, 'shared').source, 'path');
    assert.equal(dep(lock, 'react-dom').line, 21);
    assert.equal(lock.dependencies.some((d) => d.name === 'left-pad'), false, 'a sibling importer\'s package');
    const other = parsePnpmLock(text, 'pnpm-lock.yaml', { importer: 'fns/other' });
    assert.deepEqual(other.dependencies.map((d) => d.name), ['left-pad']);
  });

  it('v5.4 (written by hand from the format): slash keys and peer suffixes', () => {
    const text = [
      'lockfileVersion: 5.4',
      'specifiers:',
      '  debug: 4.3.4',
      '  is-number: 7.0.0',
      'dependencies:',
      '  debug: 4.3.4_supports-color@8.1.1',
      'devDependencies:',
      '  is-number: 7.0.0',
      'packages:',
      '  /debug/4.3.4_supports-color@8.1.1:',
      '    resolution: {integrity: sha512-x}',
      '    dependencies:',
      '      ms: 2.1.2',
      '    dev: false',
      '  /ms/2.1.2:',
      '    resolution: {integrity: sha512-y}',
      '    dev: false',
      '  /is-number/7.0.0:',
      '    resolution: {integrity: sha512-z}',
      '    dev: true',
    ].join('\n');
    const lock = parsePnpmLock(text, 'pnpm-lock.yaml');
    assert.deepEqual(lock.errors, []);
    assert.equal(dep(lock, 'debug').version, '4.3.4');
    assert.deepEqual(pathLabels(dep(lock, 'ms').path), ['debug@4.3.4', 'ms@2.1.2']);
    assert.equal(dep(lock, 'is-number').scope, 'dev');
    assert.equal(dep(lock, 'ms').line, 15);
  });

  it('reports YAML errors with a line', () => {
    const lock = parsePnpmLock("lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: x\n", 'pnpm-lock.yaml');
    assert.ok(lock.errors.length > 0);
    assert.ok(lock.errors[0]!.line! >= 3);
  });
});
