/**
 * OSV data is input like any other: a zip that inflates to gigabytes, records with the wrong
 * types, a folder that cannot be read. Each is an error the scan reports, never a crash, and what
 * can be read still is.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { after, describe, it } from 'node:test';
import { pathOf } from '../../src/deps/dependency-path.js';
import { loadOsvDb, OSV_LIMITS } from '../../src/deps/osv/load-osv-db.js';
import { packageKey } from '../../src/deps/osv/match.js';
import type { Dependency } from '../../src/deps/types.js';
import { zipOf } from '../helpers/zip-bomb.js';
import { findVulnerabilities } from '../../src/deps/vulnerabilities.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'fg-osv-hostile-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const MS: Dependency = { ecosystem: 'npm', name: 'ms', version: '2.1.2', scope: 'prod', direct: true, path: pathOf(['ms@2.1.2']), source: 'registry', lockfile: 'lock' };

function affecting(id: string, extra: Record<string, unknown> = {}, affected: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, ...extra, affected: [{ package: { ecosystem: 'npm', name: 'ms' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.1.3' }] }], ...affected }] };
}


/** A record for `ms` padded to `size` bytes with one long listed version: it matches, so it is kept. */
function paddedRecord(size: number): Buffer {
  const head = '{"id":"BOMB","affected":[{"package":{"ecosystem":"npm","name":"ms"},"versions":["';
  const tail = '"]}]}';
  return Buffer.from(head + '9'.repeat(size - head.length - tail.length) + tail);
}

describe('OSV data that inflates too far', () => {
  const MiB = 1024 * 1024;
  const packages = new Set([packageKey('npm', 'ms')]);

  it('stops inflating at the limit for all the zips of a load, and says so', async () => {
    const dir = path.join(tmp, 'bombs');
    mkdirSync(dir);
    // 2 × 64 entries of 1 MiB each: 128 MiB inflated from a few hundred kilobytes.
    for (const name of ['a.zip', 'b.zip']) writeFileSync(path.join(dir, name), zipOf(64, paddedRecord(MiB)));
    const limits = { maxInflatedBytes: 8 * MiB, maxKeptBytes: 64 * MiB };
    const db = await loadOsvDb(dir, { packages, limits });
    assert.ok(db.inflatedBytes <= limits.maxInflatedBytes + 2 * MiB, `${db.inflatedBytes} bytes inflated`);
    assert.ok(db.count <= 8, `${db.count} records kept`);
    assert.ok(db.errors.some((e) => e.includes('a.zip') && e.includes('bytes inflated')), db.errors.join('\n'));
    assert.ok(db.errors.some((e) => e.includes('b.zip') && e.includes('not read')), db.errors.join('\n'));
  });

  it('stops keeping records at the limit of what stays in memory', async () => {
    const file = path.join(tmp, 'kept.zip');
    writeFileSync(file, zipOf(64, paddedRecord(MiB)));
    const db = await loadOsvDb(file, { packages, limits: { maxKeptBytes: 4 * MiB } });
    assert.ok(db.keptBytes <= 5 * MiB, `${db.keptBytes} bytes kept`);
    assert.equal(db.count, 5);
    assert.equal(db.errors.filter((e) => e.includes('bytes of records kept')).length, 1, db.errors.join('\n'));
  });

  it('keeps its default limits well below the heap', () => {
    const heap = getHeapStatistics().heap_size_limit;
    assert.ok(OSV_LIMITS.maxInflatedBytes <= heap / 2, `${OSV_LIMITS.maxInflatedBytes} of ${heap}`);
    assert.ok(OSV_LIMITS.maxKeptBytes <= heap / 8, `${OSV_LIMITS.maxKeptBytes} of ${heap}`);
  });
});

describe('malformed OSV records', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['null-score.json', affecting('BAD-SCORE', { severity: [{ type: 'CVSS_V3', score: null }] })],
    ['number-event.json', affecting('BAD-EVENT', {}, { ranges: [{ type: 'SEMVER', events: [{ introduced: 1 }, { fixed: { x: 1 } }] }] })],
    ['null-version.json', affecting('BAD-VERSION', {}, { versions: [null] })],
    ['string-affected.json', { id: 'BAD-AFFECTED', affected: 'ms' }],
  ];

  it('are skipped with the file and the reason; the good record still matches', async () => {
    const dir = path.join(tmp, 'malformed');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'good.json'), JSON.stringify(affecting('GOOD-1')));
    for (const [name, record] of cases) writeFileSync(path.join(dir, name), JSON.stringify(record));
    const db = await loadOsvDb(dir);
    assert.equal(db.count, 1);
    for (const [name] of cases) assert.ok(db.errors.some((e) => e.includes(name) && e.endsWith('skipped')), `${name}: ${db.errors.join('\n')}`);
    assert.ok(db.errors.some((e) => e.includes('severity[0].score is null')), db.errors.join('\n'));
    const result = await findVulnerabilities([MS], { osvDb: dir });
    assert.deepEqual(result.matches.map((m) => m.id), ['GOOD-1']);
    assert.deepEqual(result.notices.map((n) => n.code), ['db-errors']);
    assert.match(result.notices[0]!.message, /BAD-[A-Z]+.*skipped/);
  });
});

describe('an unreadable folder in the OSV data', () => {
  it('is reported and the rest is read', (t) => {
    const dir = path.join(tmp, 'perm');
    mkdirSync(path.join(dir, 'locked'), { recursive: true });
    writeFileSync(path.join(dir, 'good.json'), JSON.stringify(affecting('GOOD-1')));
    writeFileSync(path.join(dir, 'locked', 'hidden.json'), JSON.stringify(affecting('HIDDEN-1')));
    chmodSync(path.join(dir, 'locked'), 0o000);
    chmodSync(tmp, 0o755);
    t.after(() => chmodSync(path.join(dir, 'locked'), 0o755));
    // Root reads any folder: the load then runs as nobody, which the mode does stop.
    const asRoot = process.getuid?.() === 0;
    const loader = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/deps/osv/load-osv-db.js')).href;
    const script = `import(${JSON.stringify(loader)}).then(async (m) => { const db = await m.loadOsvDb(${JSON.stringify(dir)}); process.stdout.write(JSON.stringify({ count: db.count, errors: db.errors })); })`;
    const command = asRoot ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', script]] as const : [process.execPath, ['-e', script]] as const;
    const run = spawnSync(command[0], [...command[1]], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const db = JSON.parse(run.stdout) as { count: number; errors: string[] };
    assert.equal(db.count, 1);
    assert.equal(db.errors.length, 1, db.errors.join('\n'));
    assert.match(db.errors[0]!, /locked: directory cannot be read \(.*EACCES.*\); skipped/);
  });
});
