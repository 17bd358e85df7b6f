import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePipfileLock } from '../../src/deps/lockfiles/pipfile-lock.js';
import { parsePoetryLock } from '../../src/deps/lockfiles/poetry-lock.js';
import { parseRequirementsFile, parseRequirementsText, scopeFromRequirementsName } from '../../src/deps/lockfiles/requirements-txt.js';
import { parseUvLock } from '../../src/deps/lockfiles/uv-lock.js';
import { parsePipfile, parsePyproject } from '../../src/deps/manifest.js';
import { dep, fixture, readFixture } from './fixtures.js';
import { pathLabels } from '../../src/deps/dependency-path.js';

const PY = fixture('python');

describe('requirements.txt (written by hand from the pip documentation)', async () => {
  const lock = await parseRequirementsFile(fixture('python', 'requirements.txt'), { projectRoot: PY });

  it('reads pinned requirements with hashes and continuation lines', () => {
    const r = dep(lock, 'requests');
    assert.equal(r.version, '2.31.0');
    assert.equal(r.line, 5);
    assert.match(r.integrity ?? '', /^sha256:58cd.* sha256:942c/);
    assert.equal(r.scope, 'prod');
    assert.equal(r.direct, true);
  });

  it('keeps unpinned requirements without a version but with their specifier', () => {
    assert.equal(dep(lock, 'pyyaml').version, undefined);
    assert.equal(dep(lock, 'pyyaml').specifier, '>=5.4');
    assert.equal(dep(lock, 'boto3').specifier, undefined);
    assert.equal(dep(lock, 'pillow').version, undefined, 'a wildcard pin is not a pin');
  });

  it('handles markers, extras, === and PEP 503 names', () => {
    assert.equal(dep(lock, 'urllib3').version, '1.26.5');
    assert.equal(dep(lock, 'django').version, '4.2.0');
    assert.equal(dep(lock, 'jinja2').version, '3.1.2');
  });

  it('classifies URL, VCS and local requirements', () => {
    assert.equal(dep(lock, 'internal-lib').source, 'git');
    assert.equal(dep(lock, 'vendored-pkg').source, 'tarball');
    const shared = dep(lock, 'shared');
    assert.equal(shared.source, 'path');
    assert.equal(shared.specifier, '-e ./libs/shared');
  });

  it('follows -r includes once, even in a cycle', () => {
    assert.equal(dep(lock, 'certifi').version, '2023.7.22');
    assert.equal(dep(lock, 'certifi').lockfile, fixture('python', 'requirements-base.txt'));
    assert.equal(dep(lock, 'certifi').line, 2);
    assert.deepEqual(lock.included, [fixture('python', 'requirements-base.txt')]);
    assert.deepEqual(lock.configuredIndexes, ['https://pypi.org/simple']);
    assert.deepEqual(lock.errors, []);
  });

  it('scopes a dev file as dev, its include as prod, and refuses includes outside the root', async () => {
    const dev = await parseRequirementsFile(fixture('python', 'requirements-dev.txt'), { projectRoot: PY });
    assert.equal(dep(dev, 'pytest').scope, 'dev');
    assert.equal(dep(dev, 'requests').scope, 'prod');
    const messages = dev.errors.map((e) => `${e.line}: ${e.message}`);
    assert.ok(messages.some((m) => /^3: .*(outside the project root|not found)/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^4: included file "missing.txt" not found/.test(m)), messages.join('\n'));
  });

  it('bounds include depth', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(tmpdir(), 'fg-req-'));
    try {
      for (let i = 0; i < 15; i++) await writeFile(path.join(dir, `r${i}.txt`), `-r r${i + 1}.txt\npkg${i}==1.0\n`);
      await writeFile(path.join(dir, 'r15.txt'), 'last==1.0\n');
      const l = await parseRequirementsFile(path.join(dir, 'r0.txt'), { projectRoot: dir });
      assert.equal(l.dependencies.length, 11);
      assert.ok(l.errors.some((e) => /deeper than 10/.test(e.message)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports unparseable lines with their line numbers', () => {
    const l = parseRequirementsText('ok==1\n%%%\n-r other.txt\n', 'requirements.txt');
    assert.equal(dep(l, 'ok').version, '1');
    assert.deepEqual(l.errors.map((e) => e.line), [2, 3]);
  });

  it('infers dev scope from file names', () => {
    assert.equal(scopeFromRequirementsName('/p/requirements-dev.txt'), 'dev');
    assert.equal(scopeFromRequirementsName('/p/dev-requirements.txt'), 'dev');
    assert.equal(scopeFromRequirementsName('/p/requirements/test.txt'), 'dev');
    assert.equal(scopeFromRequirementsName('/p/requirements.txt'), 'prod');
    assert.equal(scopeFromRequirementsName('/p/requirements-prod.txt'), 'prod');
  });
});

describe('poetry.lock (written by hand from the Poetry format)', () => {
  it('lock-version 2.1 with groups, git and legacy sources', () => {
    const text = readFixture('python', 'poetry2', 'poetry.lock');
    const manifest = parsePyproject(readFixture('python', 'poetry2', 'pyproject.toml'), 'pyproject.toml');
    assert.deepEqual(manifest.errors, []);
    const lock = parsePoetryLock(text, 'poetry.lock', { manifest: manifest.deps });
    assert.deepEqual(lock.errors, []);
    assert.equal(dep(lock, 'requests').scope, 'prod');
    assert.equal(dep(lock, 'requests').direct, true);
    assert.equal(dep(lock, 'pytest').scope, 'dev');
    assert.equal(dep(lock, 'iniconfig').scope, 'dev');
    assert.deepEqual(pathLabels(dep(lock, 'iniconfig').path), ['pytest@7.4.0', 'iniconfig@2.0.0']);
    assert.deepEqual(pathLabels(dep(lock, 'urllib3').path), ['requests@2.31.0', 'urllib3@1.26.5']);
    assert.equal(dep(lock, 'urllib3').registryHost, 'pypi.internal.example.com');
    assert.equal(dep(lock, 'internal-lib').source, 'git');
    assert.equal(dep(lock, 'internal-lib').integrity, undefined);
    assert.match(dep(lock, 'certifi').integrity ?? '', /^sha256:92d6/);
    assert.equal(text.split('\n')[dep(lock, 'pytest').line! - 1], '[[package]]');
    assert.equal(dep(lock, 'certifi').line, 3);
  });

  it('lock-version 1.1 with category and metadata.files', () => {
    const lock = parsePoetryLock(readFixture('python', 'poetry1', 'poetry.lock'), 'poetry.lock');
    assert.equal(dep(lock, 'jinja2').scope, 'prod');
    assert.equal(dep(lock, 'mypy').scope, 'dev');
    assert.equal(dep(lock, 'markupsafe').direct, false);
    assert.deepEqual(pathLabels(dep(lock, 'markupsafe').path), ['jinja2@2.11.2', 'markupsafe@1.1.1']);
    assert.match(dep(lock, 'jinja2').integrity ?? '', /^sha256:f0a4/);
    assert.equal(dep(lock, 'markupsafe').integrity, undefined);
  });

  it('reports TOML errors with a line', () => {
    const lock = parsePoetryLock('[[package]]\nname = "a"\nversion = 1.0.0\n', 'poetry.lock');
    assert.equal(lock.dependencies.length, 0);
    assert.equal(lock.errors[0]!.line, 3);
  });
});

describe('Pipfile.lock (written by hand from the Pipenv format)', () => {
  const manifest = parsePipfile(readFixture('python', 'pipenv', 'Pipfile'), 'Pipfile');
  const text = readFixture('python', 'pipenv', 'Pipfile.lock');
  const lock = parsePipfileLock(text, 'Pipfile.lock', { manifest: manifest.deps });

  it('separates default from develop, production winning', () => {
    assert.deepEqual(lock.errors, []);
    assert.equal(dep(lock, 'flask').scope, 'prod');
    assert.equal(dep(lock, 'flask').version, '2.3.2');
    assert.equal(dep(lock, 'pytest').scope, 'dev');
    assert.equal(lock.dependencies.length, 4);
  });

  it('maps indexes, git sources, hashes and lines', () => {
    assert.equal(dep(lock, 'internal-auth').registryHost, 'pypi.internal.example.com');
    assert.equal(dep(lock, 'internal-auth').integrity, undefined);
    assert.equal(dep(lock, 'toolbox').source, 'git');
    assert.equal(dep(lock, 'flask').registryHost, 'pypi.org');
    assert.equal(dep(lock, 'flask').direct, true);
    assert.equal(dep(lock, 'internal-auth').direct, false);
    assert.match(text.split('\n')[dep(lock, 'flask').line! - 1]!, /"flask"/);
    assert.deepEqual(lock.configuredIndexes, ['https://pypi.org/simple', 'https://pypi.internal.example.com/simple']);
  });
});

describe('uv.lock (written by hand from the uv format)', () => {
  const text = readFixture('python', 'uv', 'uv.lock');
  const lock = parseUvLock(text, 'uv.lock');

  it('uses the virtual project package as the root', () => {
    assert.deepEqual(lock.errors, []);
    assert.equal(lock.dependencies.some((d) => d.name === 'orders'), false);
    assert.equal(dep(lock, 'requests').scope, 'prod');
    assert.equal(dep(lock, 'requests').direct, true);
    assert.deepEqual(pathLabels(dep(lock, 'certifi').path), ['requests@2.32.3', 'certifi@2024.8.30']);
    assert.equal(dep(lock, 'pytest').scope, 'dev');
    assert.equal(dep(lock, 'pyyaml').scope, 'optional');
  });

  it('classifies sources and collects hashes', () => {
    assert.equal(dep(lock, 'urllib3').source, 'git');
    assert.equal(dep(lock, 'urllib3').integrity, undefined);
    assert.equal(dep(lock, 'certifi').registryHost, 'pypi.org');
    assert.match(dep(lock, 'certifi').integrity ?? '', /^sha256:bec9.* sha256:9228/);
    assert.equal(text.split('\n')[dep(lock, 'certifi').line! - 1], '[[package]]');
  });
});
