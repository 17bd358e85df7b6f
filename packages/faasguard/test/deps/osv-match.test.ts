import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadOsvDb } from '../../src/deps/osv/load-osv-db.js';
import { isAffected, matchDependencies } from '../../src/deps/osv/match.js';
import type { OsvAffected } from '../../src/deps/osv/osv-types.js';
import { pep440Versions } from '../../src/deps/osv/pep440.js';
import { adjustForScope, cvss2BaseScore, cvss3BaseScore, levelFromCvss3, severityOf } from '../../src/deps/osv/severity.js';
import type { Dependency } from '../../src/deps/types.js';
import { fixture } from './fixtures.js';
import { pathLabels, pathOf } from '../../src/deps/dependency-path.js';

function dependency(ecosystem: 'npm' | 'PyPI', name: string, version: string, extra: Partial<Dependency> = {}): Dependency {
  return { ecosystem, name, version, scope: 'prod', direct: true, path: pathOf([`${name}@${version}`]), source: 'registry', lockfile: 'lock', ...extra };
}

const range = (type: string, ...events: Record<string, string>[]): OsvAffected => ({ ranges: [{ type, events }] });

describe('OSV range evaluation, npm', () => {
  it('introduced/fixed: half-open interval, with the fixed version reported', () => {
    const a = range('SEMVER', { introduced: '1.0.0' }, { fixed: '1.2.0' });
    assert.deepEqual(isAffected('npm', '0.9.9', a).affected, false);
    assert.deepEqual(isAffected('npm', '1.0.0', a), { affected: true, fixedVersion: '1.2.0', notes: [] });
    assert.equal(isAffected('npm', '1.1.9', a).affected, true);
    assert.equal(isAffected('npm', '1.2.0', a).affected, false);
  });

  it('introduced "0" covers every version, pre-releases included', () => {
    const a = range('SEMVER', { introduced: '0' }, { fixed: '2.0.0' });
    assert.equal(isAffected('npm', '0.0.1-alpha', a).affected, true);
    assert.equal(isAffected('npm', '2.0.0-rc.1', a).affected, true, 'a pre-release sorts before its release');
    assert.equal(isAffected('npm', '2.0.0', a).affected, false);
  });

  it('last_affected is inclusive', () => {
    const a = range('ECOSYSTEM', { introduced: '1.0.0' }, { last_affected: '1.4.2' });
    assert.equal(isAffected('npm', '1.4.2', a).affected, true);
    assert.equal(isAffected('npm', '1.4.3', a).affected, false);
    assert.equal(isAffected('npm', '1.4.2', a).fixedVersion, undefined);
  });

  it('limit bounds the range from above, exclusively', () => {
    const a = range('SEMVER', { introduced: '1.0.0' }, { limit: '1.3.0' });
    assert.equal(isAffected('npm', '1.2.9', a).affected, true);
    assert.equal(isAffected('npm', '1.3.0', a).affected, false);
    assert.equal(isAffected('npm', '5.0.0', a).affected, false);
  });

  it('several intervals in one range, events given out of order', () => {
    const a = range('SEMVER', { fixed: '3.2.7' }, { introduced: '4.0.0' }, { introduced: '3.0.0' }, { fixed: '4.3.1' });
    assert.equal(isAffected('npm', '3.5.0', a).affected, false);
    assert.equal(isAffected('npm', '3.1.0', a).fixedVersion, '3.2.7');
    assert.equal(isAffected('npm', '4.1.0', a).fixedVersion, '4.3.1');
  });

  it('explicit versions lists', () => {
    const a: OsvAffected = { versions: ['1.0.0', '1.0.1'] };
    assert.equal(isAffected('npm', '1.0.1', a).affected, true);
    assert.equal(isAffected('npm', '1.0.2', a).affected, false);
  });

  it('GIT ranges are skipped with a note, and bad versions are reported', () => {
    const git = isAffected('npm', '1.0.0', { ranges: [{ type: 'GIT', repo: 'r', events: [{ introduced: '0' }] }] });
    assert.equal(git.affected, false);
    assert.match(git.notes[0]!, /GIT range skipped/);
    assert.match(isAffected('npm', 'not-a-version', range('SEMVER', { introduced: '0' })).notes[0]!, /not a valid npm version/);
    assert.match(isAffected('npm', '1.0.0', range('SEMVER', { introduced: 'x.y' })).notes[0]!, /unparseable/);
  });
});

describe('OSV range evaluation, PyPI (PEP 440)', () => {
  const cmp = (a: string, b: string): number => Math.sign(pep440Versions.compare(a, b));

  it('orders dev < pre < release < post, and epochs first', () => {
    assert.equal(cmp('1.0.dev0', '1.0a1'), -1);
    assert.equal(cmp('1.0a1', '1.0b1'), -1);
    assert.equal(cmp('1.0b2', '1.0rc1'), -1);
    assert.equal(cmp('1.0rc1', '1.0'), -1);
    assert.equal(cmp('1.0', '1.0.post1'), -1);
    assert.equal(cmp('1.0.post1.dev1', '1.0.post1'), -1);
    assert.equal(cmp('1!0.1', '2024.1'), 1);
    assert.equal(cmp('1.0+local', '1.0'), 1);
    assert.equal(cmp('1.0.0', '1.0'), 0);
    assert.equal(cmp('1.0c1', '1.0rc1'), 0);
    assert.equal(cmp('1.0-1', '1.0.post1'), 0);
  });

  it('pre-releases of the fixed version are still affected; post-releases of it are not', () => {
    const a = range('ECOSYSTEM', { introduced: '0' }, { fixed: '2.0' });
    assert.equal(isAffected('PyPI', '2.0rc1', a).affected, true);
    assert.equal(isAffected('PyPI', '2.0.dev3', a).affected, true);
    assert.equal(isAffected('PyPI', '2.0', a).affected, false);
    assert.equal(isAffected('PyPI', '2.0.post1', a).affected, false);
    assert.equal(isAffected('PyPI', '2.0.0', a).affected, false, '2.0.0 equals 2.0');
  });

  it('epochs: 1!1.0 is newer than any epoch-0 version', () => {
    const a = range('ECOSYSTEM', { introduced: '0' }, { fixed: '3.0' });
    assert.equal(isAffected('PyPI', '1!1.0', a).affected, false);
    const b = range('ECOSYSTEM', { introduced: '1!0' }, { fixed: '1!2.0' });
    assert.equal(isAffected('PyPI', '5.0', b).affected, false);
    assert.equal(isAffected('PyPI', '1!1.5', b).affected, true);
  });

  it('local versions sort after their public version and match listed versions', () => {
    const a = range('ECOSYSTEM', { introduced: '1.0' }, { fixed: '1.1' });
    assert.equal(isAffected('PyPI', '1.0+ubuntu1', a).affected, true);
    assert.equal(isAffected('PyPI', '1.1+ubuntu1', a).affected, false);
    assert.equal(isAffected('PyPI', '2.5+deb12u1', { versions: ['2.5'] }).affected, true);
    assert.equal(isAffected('PyPI', '2.5', { versions: ['2.5+deb12u1'] }).affected, false);
  });

  it('last_affected on a pre-release', () => {
    const a = range('ECOSYSTEM', { introduced: '0' }, { last_affected: '3.0b2' });
    assert.equal(isAffected('PyPI', '3.0b2', a).affected, true);
    assert.equal(isAffected('PyPI', '3.0rc1', a).affected, false);
  });
});

describe('CVSS severity', () => {
  it('scores v3.1 vectors per the specification', () => {
    assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'), 9.8);
    assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H'), 10);
    assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H'), 7.5);
    assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N'), 6.1);
    assert.equal(cvss3BaseScore('CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H'), 7.8);
    assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N'), 6.4);
    assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N'), 0);
    assert.equal(cvss3BaseScore('CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N'), 3.1);
    assert.equal(cvss3BaseScore('CVSS:3.1/AV:N/AC:L'), undefined);
    assert.equal(cvss3BaseScore('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'), undefined);
  });

  it('scores v2 vectors', () => {
    assert.equal(cvss2BaseScore('AV:N/AC:L/Au:N/C:P/I:P/A:P'), 7.5);
    assert.equal(cvss2BaseScore('AV:N/AC:M/Au:N/C:N/I:P/A:N'), 4.3);
  });

  it('maps scores to levels at the band edges', () => {
    assert.deepEqual([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(levelFromCvss3), ['none', 'low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
  });

  it('falls back to the database rating for CVSS v4-only records, else unknown', () => {
    const v4 = { id: 'X', severity: [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }] };
    assert.deepEqual(severityOf({ ...v4, database_specific: { severity: 'MODERATE' } }), { level: 'medium', basis: 'database' });
    assert.deepEqual(severityOf(v4), { level: 'unknown', basis: 'none' });
  });

  it('lowers development-only findings unless bundled', () => {
    assert.equal(adjustForScope('critical', 'dev'), 'high');
    assert.equal(adjustForScope('low', 'dev'), 'low');
    assert.equal(adjustForScope('critical', 'dev', true), 'critical');
    assert.equal(adjustForScope('high', 'prod'), 'high');
  });
});

describe('matching dependencies against the test OSV data set', async () => {
  const db = await loadOsvDb(fixture('osv'));
  const deps: Dependency[] = [
    dependency('npm', 'ms', '2.1.2', { direct: false, path: pathOf(['debug@4.3.4', 'ms@2.1.2']) }),
    dependency('npm', 'debug', '4.3.4'),
    dependency('npm', 'is-number', '6.0.0', { scope: 'optional' }),
    dependency('npm', 'is-number', '7.0.0', { scope: 'dev' }),
    dependency('npm', 'core-js', '3.37.1'),
    dependency('npm', 'left-pad', '1.3.0'),
    dependency('PyPI', 'requests', '2.31.0'),
    dependency('PyPI', 'django', '4.2rc1'),
    dependency('PyPI', 'django', '5.0'),
    dependency('PyPI', 'pyyaml', undefined as unknown as string, { version: undefined }),
  ];
  const matches = matchDependencies(deps, db);
  const byName = (n: string, v: string) => matches.filter((m) => m.dependency.name === n && m.dependency.version === v);

  it('loads every record of the directory', () => {
    assert.deepEqual(db.errors, []);
    assert.equal(db.count, 8);
  });

  it('reports id, aliases, fixed version, severity and path', () => {
    const [m] = byName('ms', '2.1.2');
    assert.ok(m);
    assert.equal(m.id, 'FGTEST-2024-0001');
    assert.deepEqual(m.ghsa, ['GHSA-2222-3333-4444']);
    assert.deepEqual(m.cve, ['CVE-2099-0001']);
    assert.equal(m.fixedVersion, '2.1.3');
    assert.deepEqual(m.severity, { level: 'high', score: 7.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', basis: 'cvss3' });
    assert.deepEqual(pathLabels(m.dependency.path), ['debug@4.3.4', 'ms@2.1.2']);
    assert.equal(m.url, 'https://example.com/advisories/FGTEST-2024-0001');
  });

  it('uses a second range with last_affected and the database rating', () => {
    const [m] = byName('debug', '4.3.4');
    assert.equal(m?.id, 'FGTEST-2024-0002');
    assert.equal(m?.fixedVersion, undefined);
    assert.equal(m?.severity.level, 'medium');
  });

  it('matches explicit versions only, ignores withdrawn records, honours limit', () => {
    assert.equal(byName('is-number', '6.0.0').length, 1);
    assert.equal(byName('is-number', '6.0.0')[0]!.severity.score, 3.1);
    assert.equal(byName('is-number', '7.0.0').length, 0);
    assert.equal(byName('core-js', '3.37.1').length, 0);
    assert.equal(byName('left-pad', '1.3.0').length, 0);
  });

  it('merges records that alias each other and normalises PyPI names', () => {
    const m = byName('requests', '2.31.0');
    assert.equal(m.length, 1);
    assert.equal(m[0]!.id, 'FGTEST-PYSEC-0101');
    assert.deepEqual([...m[0]!.aliases].sort(), ['CVE-2099-0101', 'GHSA-5555-6666-7777']);
    assert.equal(m[0]!.fixedVersion, '2.32.0');
    assert.equal(m[0]!.severity.score, 6.1);
  });

  it('evaluates PyPI pre-release and dev-release boundaries', () => {
    assert.equal(byName('django', '4.2rc1').length, 1);
    assert.equal(byName('django', '4.2rc1')[0]!.fixedVersion, '4.2.1');
    assert.equal(byName('django', '5.0')[0]?.fixedVersion, '5.0.post1');
  });

  it('skips packages without a pinned version', () => {
    assert.equal(matches.some((m) => m.dependency.name === 'pyyaml'), false);
  });
});
