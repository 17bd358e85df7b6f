import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { openCachedDb, updateDb } from '../../src/deps/osv/db-cache.js';
import { loadOsvDb } from '../../src/deps/osv/load-osv-db.js';
import { packageKey } from '../../src/deps/osv/match.js';
import { queryOsvOnline } from '../../src/deps/osv/online-client.js';
import type { OsvVulnerability } from '../../src/deps/osv/osv-types.js';
import type { Dependency } from '../../src/deps/types.js';
import { findVulnerabilities, NO_DATA_MESSAGE } from '../../src/deps/vulnerabilities.js';
import { fixture } from './fixtures.js';
import { sendJson, startLoopback, type Loopback } from './loopback.js';
import { pathOf } from '../../src/deps/dependency-path.js';

const OSV_DIR = fixture('osv');

async function records(): Promise<OsvVulnerability[]> {
  const out: OsvVulnerability[] = [];
  for (const f of (await readdir(OSV_DIR)).sort()) out.push(JSON.parse(await readFile(path.join(OSV_DIR, f), 'utf8')) as OsvVulnerability);
  return out;
}

/** A zip laid out like OSV's per-ecosystem export: one `<id>.json` per record. */
async function exportZip(ecosystem: string): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const r of await records()) {
    if (r.affected?.some((a) => a.package?.ecosystem === ecosystem)) files[`${r.id}.json`] = strToU8(JSON.stringify(r));
  }
  return zipSync(files);
}

function dep(ecosystem: 'npm' | 'PyPI', name: string, version: string | undefined): Dependency {
  return { ecosystem, name, version, scope: 'prod', direct: true, path: pathOf([`${name}@${version}`]), source: 'registry', lockfile: 'lock' };
}

const DEPS = [dep('npm', 'ms', '2.1.2'), dep('npm', 'debug', '4.3.4'), dep('PyPI', 'requests', '2.31.0'), dep('PyPI', 'flask', '2.3.2'), dep('PyPI', 'boto3', undefined)];

let tmp: string;
before(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'fg-osv-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('offline OSV export', () => {
  it('reads an all.zip and filters by package', async () => {
    const zip = path.join(tmp, 'npm-all.zip');
    await writeFile(zip, await exportZip('npm'));
    const db = await loadOsvDb(zip);
    assert.deepEqual(db.errors, []);
    assert.equal(db.count, 5);
    const filtered = await loadOsvDb(zip, { packages: new Set([packageKey('npm', 'ms')]) });
    assert.equal(filtered.count, 1);
    assert.deepEqual([...filtered.byPackage.keys()], [packageKey('npm', 'ms')]);
  });

  it('reports broken files instead of throwing', async () => {
    const dir = path.join(tmp, 'broken');
    await rm(dir, { recursive: true, force: true });
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dir);
    await writeFile(path.join(dir, 'bad.json'), '{ not json');
    await writeFile(path.join(dir, 'other.json'), '{"hello": 1}');
    await writeFile(path.join(dir, 'bad.zip'), 'PK not really');
    const db = await loadOsvDb(dir);
    assert.equal(db.count, 0);
    assert.equal(db.errors.length, 3);
    assert.ok(db.errors.some((e) => e.includes('bad.zip')));
  });
});

describe('faasguard db update against a loopback export server', () => {
  let server: Loopback;
  let zips: Record<string, Uint8Array>;
  before(async () => {
    zips = { npm: await exportZip('npm'), PyPI: await exportZip('PyPI') };
    server = await startLoopback((req, _body, res) => {
      const m = /^\/osv\/([^/]+)\/all\.zip$/.exec(req.url ?? '');
      const zip = m ? zips[decodeURIComponent(m[1]!)] : undefined;
      if (!zip) return sendJson(res, 404, { error: 'not found' });
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(zip.length) });
      res.end(Buffer.from(zip));
    });
  });
  after(() => server.close());

  it('downloads each ecosystem into the cache with a recorded date', async () => {
    const cacheDir = path.join(tmp, 'cache');
    const now = new Date('2026-01-10T12:00:00Z');
    const r = await updateDb({ baseUrl: `${server.url}/osv/`, cacheDir, now: () => now });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.updated, ['npm', 'PyPI']);
    assert.deepEqual(server.requests.map((q) => q.url).sort(), ['/osv/PyPI/all.zip', '/osv/npm/all.zip']);
    const meta = JSON.parse(await readFile(path.join(cacheDir, 'metadata.json'), 'utf8'));
    assert.equal(meta.updatedAt, '2026-01-10T12:00:00.000Z');
    assert.equal(meta.ecosystems.npm.bytes, zips.npm!.length);

    const fresh = await openCachedDb({ cacheDir, now: new Date('2026-01-13T12:00:00Z') });
    assert.equal(fresh.present, true);
    assert.equal(fresh.ageDays, 3);
    assert.equal(fresh.stale, false);
    assert.equal(fresh.files.length, 2);
    const old = await openCachedDb({ cacheDir, now: new Date('2026-01-18T12:00:01Z') });
    assert.equal(old.stale, true);
    assert.equal(old.ageDays, 8);
  });

  it('scans use the cache by default and say how old it is, warning when stale', async () => {
    const cacheDir = path.join(tmp, 'cache');
    const fresh = await findVulnerabilities(DEPS, { cacheDir, now: new Date('2026-01-12T00:00:00Z') });
    assert.equal(fresh.source, 'cache');
    assert.deepEqual(fresh.matches.map((m) => m.id), ['FGTEST-2024-0002', 'FGTEST-2024-0001', 'FGTEST-PYSEC-0101']);
    assert.deepEqual(fresh.notices.map((n) => n.code), ['db-age']);
    assert.match(fresh.notices[0]!.message, /2026-01-10 \(1 day old\)/);
    const stale = await findVulnerabilities(DEPS, { cacheDir, now: new Date('2026-02-01T00:00:00Z') });
    assert.deepEqual(stale.notices.map((n) => `${n.level}:${n.code}`), ['info:db-age', 'warning:db-stale']);
  });

  it('keeps the previous copy when a download fails or is not a zip', async () => {
    const cacheDir = path.join(tmp, 'cache-fail');
    const r = await updateDb({ baseUrl: `${server.url}/missing`, cacheDir, ecosystems: ['npm'] });
    assert.equal(r.updated.length, 0);
    assert.match(r.errors[0]!, /HTTP 404/);
    assert.equal((await openCachedDb({ cacheDir })).present, false);
  });
});

describe('with no vulnerability data', () => {
  it('says so once, with how to get data', async () => {
    const r = await findVulnerabilities(DEPS, { cacheDir: path.join(tmp, 'nothing-here') });
    assert.equal(r.source, 'none');
    assert.deepEqual(r.matches, []);
    assert.equal(r.notices.length, 1);
    assert.equal(r.notices[0]!.message, NO_DATA_MESSAGE);
    assert.match(NO_DATA_MESSAGE, /faasguard db update/);
  });

  it('--osv-db pointing at an empty directory says so too', async () => {
    const empty = await mkdtemp(path.join(tmp, 'empty-'));
    const r = await findVulnerabilities(DEPS, { osvDb: empty });
    assert.equal(r.source, 'osv-db');
    assert.equal(r.notices[0]!.code, 'no-vuln-data');
  });

  it('--osv-db reads a directory of OSV JSON files', async () => {
    const r = await findVulnerabilities(DEPS, { osvDb: OSV_DIR });
    assert.equal(r.matches.length, 3);
    assert.deepEqual(r.notices, []);
  });
});

describe('--online against a loopback server speaking the OSV API', () => {
  let server: Loopback;
  let byId: Map<string, OsvVulnerability>;
  before(async () => {
    byId = new Map((await records()).map((r) => [r.id, r]));
    server = await startLoopback((req, body, res) => {
      if (req.method === 'POST' && req.url === '/v1/querybatch') {
        const { queries } = JSON.parse(body) as { queries: { package: { name: string; ecosystem: string }; version: string; page_token?: string }[] };
        const results = queries.map((q) => {
          const ids = [...byId.values()].filter((r) => r.affected?.some((a) => a.package?.ecosystem === q.package.ecosystem && a.package.name.toLowerCase() === q.package.name)).map((r) => r.id);
          // Page the answer: first page gets one id and a token, the second the rest.
          if (ids.length > 1 && !q.page_token) return { vulns: [{ id: ids[0], modified: '2024-05-01T00:00:00Z' }], next_page_token: 'p2' };
          return ids.length ? { vulns: (q.page_token ? ids.slice(1) : ids).map((id) => ({ id, modified: '2024-05-01T00:00:00Z' })) } : {};
        });
        return sendJson(res, 200, { results });
      }
      const m = /^\/v1\/vulns\/(.+)$/.exec(req.url ?? '');
      const rec = m ? byId.get(decodeURIComponent(m[1]!)) : undefined;
      return rec ? sendJson(res, 200, rec) : sendJson(res, 404, { code: 5, message: 'Bug not found' });
    });
  });
  after(() => server.close());

  it('queries in batches, follows pages, fetches each record once', async () => {
    server.requests.length = 0;
    const r = await queryOsvOnline(DEPS, { baseUrl: server.url, batchSize: 2 });
    assert.deepEqual(r.errors, []);
    assert.equal(r.queried, 4, 'the unpinned package is not queried');
    const batches = server.requests.filter((q) => q.url === '/v1/querybatch').map((q) => (JSON.parse(q.body) as { queries: unknown[] }).queries.length);
    assert.deepEqual(batches, [2, 2, 1]);
    const fetched = server.requests.filter((q) => q.url.startsWith('/v1/vulns/')).map((q) => q.url).sort();
    assert.deepEqual(fetched, ['/v1/vulns/FGTEST-2024-0001', '/v1/vulns/FGTEST-2024-0002', '/v1/vulns/FGTEST-PYSEC-0101', '/v1/vulns/GHSA-5555-6666-7777']);
  });

  it('gives the same findings as the offline data', async () => {
    const online = await findVulnerabilities(DEPS, { online: { baseUrl: server.url } });
    const offline = await findVulnerabilities(DEPS, { osvDb: OSV_DIR });
    assert.equal(online.source, 'online');
    assert.deepEqual(online.notices, []);
    assert.deepEqual(online.matches.map((m) => [m.id, m.fixedVersion, m.severity.level]), offline.matches.map((m) => [m.id, m.fixedVersion, m.severity.level]));
  });

  it('reports API failures as a notice', async () => {
    const r = await findVulnerabilities(DEPS, { online: { baseUrl: `${server.url}/nope`, timeoutMs: 5000 } });
    assert.equal(r.notices[0]!.code, 'online-errors');
    assert.match(r.notices[0]!.message, /HTTP 404/);
  });
});
