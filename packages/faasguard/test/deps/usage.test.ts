import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRequirementsText } from '../../src/deps/lockfiles/requirements-txt.js';
import { manifestFromRequirements, parsePackageJson, parsePyproject } from '../../src/deps/manifest.js';
import { checkUsage, npmPackageName } from '../../src/deps/usage.js';

const npmManifest = parsePackageJson(
  JSON.stringify({
    dependencies: { lodash: '4.17.21', '@aws-sdk/client-s3': '3.600.0', 'left-pad': '1.3.0', uuid: '9.0.1', '@middy/core': '5.0.0' },
    optionalDependencies: { 'fsevents-like': '1.0.0' },
    devDependencies: { jest: '29.0.0' },
  }),
  'package.json',
).deps;

describe('declared versus imported, npm', () => {
  it('failing case: unused, undeclared and dev-only imports', () => {
    const r = checkUsage({
      ecosystem: 'npm',
      manifest: npmManifest,
      imports: ['lodash/fp', '@aws-sdk/client-s3', '@middy/core/package.json', 'node:fs', 'fs/promises', 'path', './util.js', '../lib', 'axios', 'axios/lib/x', 'jest', '@aws-sdk/client-dynamodb'],
    });
    assert.deepEqual(r.unused, [
      { name: 'left-pad', group: 'dependencies' },
      { name: 'uuid', group: 'dependencies' },
      { name: 'fsevents-like', group: 'optionalDependencies' },
    ]);
    assert.deepEqual(r.undeclared, [{ specifier: 'axios', name: 'axios' }]);
    assert.deepEqual(r.devOnly, [{ specifier: 'jest', name: 'jest' }]);
  });

  it('passing case: everything declared is imported', () => {
    const r = checkUsage({
      ecosystem: 'npm',
      manifest: { dependencies: { lodash: '1', '@middy/core': '1' }, devDependencies: { jest: '1' }, optionalDependencies: {} },
      imports: ['lodash', '@middy/core', 'node:crypto', 'aws-sdk'],
    });
    assert.deepEqual(r, { unused: [], undeclared: [], devOnly: [] });
  });

  it('extracts package names from specifiers', () => {
    assert.equal(npmPackageName('@scope/pkg/deep/path.js'), '@scope/pkg');
    assert.equal(npmPackageName('lodash/fp'), 'lodash');
    assert.equal(npmPackageName('node:fs/promises'), undefined);
    assert.equal(npmPackageName('fs'), undefined);
    assert.equal(npmPackageName('stream/web'), undefined);
    assert.equal(npmPackageName('#internal/x'), undefined);
    assert.equal(npmPackageName('https://cdn.example.com/x.js'), undefined);
    assert.equal(npmPackageName('@scope'), undefined);
  });
});

describe('declared versus imported, Python', () => {
  const manifest = parsePyproject(
    [
      '[project]',
      'name = "fn"',
      'dependencies = ["PyYAML>=6", "beautifulsoup4", "requests[socks]>=2.31", "google-cloud-storage", "unused-lib==1.0", "Pillow"]',
      '[dependency-groups]',
      'dev = ["pytest>=8"]',
    ].join('\n'),
    'pyproject.toml',
  ).deps;

  it('failing case: maps import names to distributions, finds unused and undeclared', () => {
    const r = checkUsage({
      ecosystem: 'PyPI',
      manifest,
      imports: ['yaml', 'bs4.element', 'requests.adapters', 'google.cloud.storage', 'PIL.Image', 'os.path', 'json', 'handler_utils', 'httpx', 'boto3', '.sibling', 'pytest', 'dns.resolver'],
      localModules: ['handler_utils'],
    });
    assert.deepEqual(r.unused, [{ name: 'unused-lib', group: 'dependencies' }]);
    assert.deepEqual(r.undeclared, [
      { specifier: 'httpx', name: 'httpx' },
      { specifier: 'dns.resolver', name: 'dnspython' },
    ]);
    assert.deepEqual(r.devOnly, [{ specifier: 'pytest', name: 'pytest' }]);
  });

  it('passing case', () => {
    const r = checkUsage({
      ecosystem: 'PyPI',
      manifest: { dependencies: { pyyaml: '*', 'aws-lambda-powertools': '*' }, devDependencies: {}, optionalDependencies: {} },
      // urllib3 and dateutil come with boto3 in every Python runtime.
      imports: ['yaml', 'aws_lambda_powertools.logging', 'boto3', 'botocore.exceptions', 'urllib3', 'dateutil.parser'],
    });
    assert.deepEqual(r, { unused: [], undeclared: [], devOnly: [] });
  });

  it('accepts extra import-name mappings', () => {
    const r = checkUsage({
      ecosystem: 'PyPI',
      manifest: { dependencies: { 'acme-sdk': '*' }, devDependencies: {}, optionalDependencies: {} },
      imports: ['acme'],
      importNames: { 'Acme-SDK': ['acme'] },
    });
    assert.deepEqual(r, { unused: [], undeclared: [], devOnly: [] });
  });
});

describe('declared versus imported with a requirements file as the manifest', () => {
  it('uses the requirements it lists', () => {
    const lock = parseRequirementsText('PyYAML==6.0.1\nrequests==2.31.0\nsix==1.16.0\n', 'requirements.txt');
    const r = checkUsage({ ecosystem: 'PyPI', manifest: manifestFromRequirements(lock).deps, imports: ['yaml', 'requests'] });
    assert.deepEqual(r.unused, [{ name: 'six', group: 'dependencies' }]);
    assert.deepEqual(r.undeclared, []);
  });

  it('takes requirements named like properties of every object for distributions (found by fuzzing)', () => {
    const lock = parseRequirementsText('constructor==1.0\ntoString==1.0\n__proto__==1.0\n', 'requirements.txt');
    const r = checkUsage({ ecosystem: 'PyPI', manifest: manifestFromRequirements(lock).deps, imports: ['constructor', 'hasOwnProperty'] });
    // `__proto__` is no valid distribution name: the requirements parser reports it instead.
    assert.deepEqual(lock.errors.map((e) => e.line), [3]);
    assert.deepEqual(r.unused.map((u) => u.name), ['tostring']);
    assert.deepEqual(r.undeclared, [{ specifier: 'hasOwnProperty', name: 'hasownproperty' }]);
  });
});

describe('declared versus imported, many declarations', () => {
  /** A group of `n` declarations that counts how often its names are listed. */
  function countedGroup(n: number, counter: { listings: number }): Record<string, string> {
    const group = Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, '1.0.0']));
    return new Proxy(group, {
      ownKeys(target) {
        counter.listings += 1;
        return Reflect.ownKeys(target);
      },
    });
  }

  for (const ecosystem of ['npm', 'PyPI'] as const) {
    it(`${ecosystem}: lists the declarations a fixed number of times, not once per declaration`, () => {
      const listings = (n: number): number => {
        const counter = { listings: 0 };
        const manifest = { dependencies: countedGroup(n, counter), devDependencies: {}, optionalDependencies: {} };
        const r = checkUsage({ ecosystem, imports: [], manifest });
        assert.equal(r.unused.length, n);
        return counter.listings;
      };
      assert.equal(listings(400), listings(200));
    });
  }
});
