import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNpmLock } from '../../src/deps/lockfiles/npm-lock.js';
import { parseRequirementsFile, parseRequirementsText } from '../../src/deps/lockfiles/requirements-txt.js';
import { checkSupplyChain, parseNpmrc, registryConfigFromNpmrc, type SupplyChainResult } from '../../src/deps/supply-chain.js';
import { fixture, readFixture } from './fixtures.js';

const kinds = (rs: SupplyChainResult[]): string[] => rs.map((r) => `${r.kind}:${r.package}`).sort();

describe('supply-chain checks on npm (failing fixture)', () => {
  const file = fixture('supply-chain', 'bad-npm', 'package-lock.json');
  const lock = parseNpmLock(readFixture('supply-chain', 'bad-npm', 'package-lock.json'), file);
  const registries = registryConfigFromNpmrc(readFixture('supply-chain', 'bad-npm', '.npmrc'));
  const results = checkSupplyChain(lock.dependencies, { registries });

  it('flags each problem once', () => {
    assert.deepEqual(lock.errors, []);
    assert.deepEqual(kinds(results), [
      'foreign-registry:@acme/config',
      'foreign-registry:mirror-pkg',
      'git-source:private-util',
      'install-script:sharp',
      'missing-integrity:no-hash',
      'path-source:shared',
      'tarball-source:vendored',
    ]);
  });

  it('names the package, version, location and registries in each result', () => {
    const confusion = results.find((r) => r.package === '@acme/config')!;
    assert.equal(confusion.version, '1.4.0');
    assert.match(confusion.message, /registry\.npmjs\.org, not from the configured registry \(npm\.acme\.example\.com\)/);
    assert.equal(confusion.location.file, file);
    assert.equal(readFixture('supply-chain', 'bad-npm', 'package-lock.json').split('\n')[confusion.location.line! - 1]!.trim(), '"node_modules/@acme/config": {');
  });

  it('does not flag install scripts of development-only packages', () => {
    assert.equal(results.some((r) => r.package === 'husky'), false);
  });

  it('parses .npmrc registry settings', () => {
    assert.deepEqual(parseNpmrc('registry = "https://r.example.com/"\n# c\n@a:registry=https://a.example.com\n'), {
      registry: 'https://r.example.com/',
      scopes: { '@a': 'https://a.example.com' },
    });
  });
});

describe('supply-chain checks on npm (passing fixture, written by npm)', () => {
  it('finds nothing', () => {
    const lock = parseNpmLock(readFixture('supply-chain', 'good-npm', 'package-lock.json'), 'package-lock.json');
    assert.equal(lock.dependencies.length, 3);
    assert.deepEqual(checkSupplyChain(lock.dependencies), []);
  });
});

describe('supply-chain checks on Python requirements', () => {
  it('failing fixture: unpinned, partially hashed, git, foreign index', async () => {
    const lock = await parseRequirementsFile(fixture('supply-chain', 'bad-python', 'requirements.txt'), { projectRoot: fixture('supply-chain') });
    assert.deepEqual(lock.errors, []);
    assert.deepEqual(kinds(checkSupplyChain(lock.dependencies)), [
      'foreign-registry:certifi',
      'foreign-registry:flask',
      'foreign-registry:requests',
      'git-source:toolbox',
      'missing-integrity:certifi',
      'unpinned:flask',
    ]);
    const configured = checkSupplyChain(lock.dependencies, { registries: { pypi: ['pypi.internal.example.com'] } });
    assert.equal(configured.some((r) => r.kind === 'foreign-registry'), false);
  });

  it('says what an unpinned requirement asks for: its constraint, or no version at all', () => {
    const lock = parseRequirementsText('requests\nflask>=2.0\nboto3==1.34.0\n', 'requirements.txt');
    assert.deepEqual(
      checkSupplyChain(lock.dependencies).map((r) => r.message),
      [
        'requests is not pinned to an exact version (no version given); each build may install a different release.',
        'flask is not pinned to an exact version (>=2.0); each build may install a different release.',
      ],
    );
  });

  it('passing fixture: pinned and hashed', async () => {
    const lock = await parseRequirementsFile(fixture('supply-chain', 'good-python', 'requirements.txt'), { projectRoot: fixture('supply-chain') });
    assert.equal(lock.dependencies.length, 2);
    assert.deepEqual(checkSupplyChain(lock.dependencies), []);
  });

  it('requires hashes everywhere only when asked', async () => {
    const lock = await parseRequirementsFile(fixture('project', 'functions', 'py', 'requirements.txt'), { projectRoot: fixture('project') });
    assert.deepEqual(checkSupplyChain(lock.dependencies), []);
    assert.deepEqual(kinds(checkSupplyChain(lock.dependencies, { requireHashesInRequirements: true })), ['missing-integrity:requests']);
  });
});
