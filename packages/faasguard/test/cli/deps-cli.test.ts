/**
 * The command line with dependencies and secrets: `db update` against a loopback server laid out
 * like OSV's exports, scans that use its cache (and say how old it is), `--online` against a
 * loopback OSV API, the single "no vulnerability data" notice, and secrets redacted in every
 * output format. No test reaches beyond 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { runCli } from '../helpers/run-cli.js';
import { startLoopback, sendJson, type Loopback } from '../deps/loopback.js';
import { fake, fakePem } from '../secrets/fakes.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const run = runCli;

/** A fictional advisory on ms below 2.1.3, as OSV publishes records. */
const ADVISORY = {
  schema_version: '1.6.0',
  id: 'FGTEST-2024-0001',
  modified: '2024-05-01T00:00:00Z',
  aliases: ['GHSA-2222-3333-4444', 'CVE-2099-0001'],
  summary: 'Test advisory: ms regular expression denial of service',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' }],
  affected: [{ package: { ecosystem: 'npm', name: 'ms' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.1.3' }] }] }],
};

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: api/
  Tools:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: tools/
`;

function lockfile(name: string, ms: string): string {
  return JSON.stringify(
    {
      name,
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name, dependencies: { ms } },
        'node_modules/ms': { version: ms, resolved: `https://registry.npmjs.org/ms/-/ms-${ms}.tgz`, integrity: 'sha512-' + 'A'.repeat(86) + '==' },
      },
    },
    null,
    2,
  );
}

/** Two functions, each with its own lockfile pinning a vulnerable ms. */
function vulnerableApp(): string {
  const code = "const ms = require('ms');\nexports.handler = async () => ms('1s');\n";
  return tempProject({
    'template.yaml': TEMPLATE,
    'api/package.json': JSON.stringify({ name: 'api', dependencies: { ms: '2.1.2' } }),
    'api/package-lock.json': lockfile('api', '2.1.2'),
    'api/index.js': code,
    'tools/package.json': JSON.stringify({ name: 'tools', dependencies: { ms: '2.0.0' } }),
    'tools/package-lock.json': lockfile('tools', '2.0.0'),
    'tools/index.js': code,
  });
}

interface JsonReport {
  findings: Array<{ ruleId: string; location: { file: string }; message: string }>;
  diagnostics: Array<{ code: string; severity: string; message: string }>;
}

const dirs: string[] = [];
after(() => dirs.forEach(removeProject));
function dir(made: string): string {
  dirs.push(made);
  return made;
}

describe('faasguard db update and the cache', () => {
  let server: Loopback;
  before(async () => {
    const npmZip = zipSync({ [`${ADVISORY.id}.json`]: strToU8(JSON.stringify(ADVISORY)) });
    const pypiZip = zipSync({ 'PYSEC-0000-0.json': strToU8(JSON.stringify({ ...ADVISORY, id: 'PYSEC-0000-0', affected: [{ package: { ecosystem: 'PyPI', name: 'nothing' }, versions: ['1.0'] }] })) });
    const zips: Record<string, Uint8Array> = { '/osv/npm/all.zip': npmZip, '/osv/PyPI/all.zip': pypiZip };
    server = await startLoopback((req, _body, res) => {
      const zip = zips[req.url ?? ''];
      if (!zip) return sendJson(res, 404, { error: 'not found' });
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(zip.length) });
      res.end(Buffer.from(zip));
    });
  });
  after(() => server.close());

  it('downloads the npm and PyPI exports, then scans report from the cache with its age', async () => {
    const cache = dir(mkdtempSync(path.join(tmpdir(), 'faasguard-cache-')));
    const update = await run('db', 'update', '--source-url', `${server.url}/osv`, '--cache-dir', cache);
    assert.equal(update.code, 0, update.err);
    assert.deepEqual(server.requests.map((r) => r.url).sort(), ['/osv/PyPI/all.zip', '/osv/npm/all.zip']);

    const { out } = await run('scan', dir(vulnerableApp()), '--format', 'json', '--cache-dir', cache);
    const report = JSON.parse(out) as JsonReport;
    const vulns = report.findings.filter((f) => f.ruleId === 'vulnerable-dependency');
    assert.deepEqual(vulns.map((f) => f.location.file).sort(), ['api/package-lock.json', 'tools/package-lock.json']);
    assert.match(vulns[0]!.message, /ms@2\.\d\.\d is affected by FGTEST-2024-0001, GHSA-2222-3333-4444, CVE-2099-0001.*Fixed in 2\.1\.3/);
    const age = report.diagnostics.filter((d) => d.code === 'db-age');
    assert.equal(age.length, 1);
    assert.match(age[0]!.message, /OSV data from \d{4}-\d\d-\d\d \(0 days old\)/);
    assert.ok(!report.diagnostics.some((d) => d.code === 'db-stale' || d.code === 'no-vuln-data'));
  });

  it('warns when the cache is older than a week', async () => {
    const cache = dir(mkdtempSync(path.join(tmpdir(), 'faasguard-cache-')));
    assert.equal((await run('db', 'update', '--source-url', `${server.url}/osv`, '--cache-dir', cache)).code, 0);
    const metaFile = path.join(cache, 'metadata.json');
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { updatedAt: string };
    meta.updatedAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
    writeFileSync(metaFile, JSON.stringify(meta));
    const report = JSON.parse((await run('scan', dir(vulnerableApp()), '--format', 'json', '--cache-dir', cache)).out) as JsonReport;
    const stale = report.diagnostics.filter((d) => d.code === 'db-stale');
    assert.equal(stale.length, 1);
    assert.equal(stale[0]!.severity, 'warning');
    assert.match(stale[0]!.message, /10 days old\) is older than 7 days; run `faasguard db update`/);
    assert.ok(report.findings.some((f) => f.ruleId === 'vulnerable-dependency'), 'stale data is still used');
  });

  it('fails with exit code 2 when nothing could be downloaded', async () => {
    const cache = dir(mkdtempSync(path.join(tmpdir(), 'faasguard-cache-')));
    const { code, err } = await run('db', 'update', '--source-url', `${server.url}/missing`, '--cache-dir', cache);
    assert.equal(code, 2);
    assert.match(err, /HTTP 404/);
  });

  it('rejects a source that is not an http(s) URL, and unknown subcommands', async () => {
    assert.equal((await run('db', 'update', '--source-url', 'file:///etc')).code, 2);
    assert.equal((await run('db', 'purge')).code, 2);
  });
});

describe('faasguard scan --online', () => {
  let api: Loopback;
  before(async () => {
    api = await startLoopback((req, body, res) => {
      if (req.method === 'POST' && req.url === '/v1/querybatch') {
        const { queries } = JSON.parse(body) as { queries: Array<{ package: { name: string }; version: string }> };
        return sendJson(res, 200, { results: queries.map((q) => (q.package.name === 'ms' && q.version !== '2.1.3' ? { vulns: [{ id: ADVISORY.id, modified: ADVISORY.modified }] } : {})) });
      }
      if (req.method === 'GET' && req.url === `/v1/vulns/${ADVISORY.id}`) return sendJson(res, 200, ADVISORY);
      sendJson(res, 404, { error: 'not found' });
    });
  });
  after(() => api.close());

  it('asks the OSV API in one batch and reports what it answers', async () => {
    const cache = dir(mkdtempSync(path.join(tmpdir(), 'faasguard-cache-')));
    const { out } = await run('scan', dir(vulnerableApp()), '--format', 'json', '--online', '--osv-api-url', api.url, '--cache-dir', cache);
    const report = JSON.parse(out) as JsonReport;
    assert.equal(report.findings.filter((f) => f.ruleId === 'vulnerable-dependency').length, 2);
    assert.equal(api.requests.filter((r) => r.url === '/v1/querybatch').length, 1);
    assert.deepEqual(api.requests.filter((r) => r.method === 'GET').map((r) => r.url), [`/v1/vulns/${ADVISORY.id}`]);
    assert.ok(!report.diagnostics.some((d) => d.code === 'no-vuln-data'));
  });

  it('refuses --online together with --osv-db', async () => {
    assert.equal((await run('scan', dir(vulnerableApp()), '--online', '--osv-db', '/nonexistent')).code, 2);
  });
});

describe('no vulnerability data', () => {
  it('is said once, with how to get data, however many functions have dependencies', async () => {
    const cache = dir(mkdtempSync(path.join(tmpdir(), 'faasguard-cache-')));
    const app = dir(vulnerableApp());
    const report = JSON.parse((await run('scan', app, '--format', 'json', '--cache-dir', cache)).out) as JsonReport;
    const notices = report.diagnostics.filter((d) => d.code === 'no-vuln-data');
    assert.equal(notices.length, 1);
    assert.match(notices[0]!.message, /faasguard db update/);
    assert.ok(!report.findings.some((f) => f.ruleId === 'vulnerable-dependency'));
    const pretty = (await run('scan', app, '--no-color', '--cache-dir', cache)).out;
    assert.equal(pretty.split('No vulnerability data').length - 1, 1);
  });

  it('is not said when --no-vuln-cache leaves no source, for an app without dependencies', async () => {
    const app = dir(tempProject({ 'template.yaml': TEMPLATE, 'api/index.js': 'exports.handler = async () => 1;\n' }));
    const report = JSON.parse((await run('scan', app, '--format', 'json', '--no-vuln-cache')).out) as JsonReport;
    assert.ok(!report.diagnostics.some((d) => d.code === 'no-vuln-data'));
  });
});

describe('secrets in every output format', () => {
  const secrets = {
    code: fake.stripeLive(),
    pem: fakePem(),
    parameter: fake.generic(),
    env: fake.github(),
    tag: fake.password(),
  };
  const app = (): string =>
    tempProject({
      'template.yaml': `Transform: AWS::Serverless-2016-10-31
Parameters:
  ApiSecret:
    Type: String
    NoEcho: true
    Default: ${secrets.parameter}
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: api/
      Tags:
        db_password: '${secrets.tag}'
`,
      'api/index.js': `const stripe = '${secrets.code}';\nexports.handler = async () => stripe;\n`,
      'api/key.js': `module.exports = \`${secrets.pem}\`;\n`,
      '.env': `STAGE=prod\nGITHUB_TOKEN=${secrets.env}\n`,
    });

  it('never prints a secret, in pretty, json, sarif or html output', async () => {
    const project = dir(app());
    const pieces = [...Object.values(secrets).flatMap((s) => s.split('\n')).filter((l) => l.length >= 16 && !l.startsWith('-----'))];
    for (const format of ['pretty', 'json', 'sarif', 'html']) {
      const { out } = await run('scan', project, '--format', format, '--no-color', '--no-vuln-cache');
      for (const rule of ['secret-in-code', 'template-parameter-secret-default', 'secret-in-tags']) assert.ok(out.includes(rule), `${format} reports ${rule}`);
      assert.ok(out.includes('.env'), `${format} reports the .env file`);
      for (const piece of pieces) assert.ok(!out.includes(piece), `${format} output leaks ${piece.slice(0, 4)}…`);
    }
  });

  it('shows the redacted value in the pretty code frame', async () => {
    const { out } = await run('scan', dir(app()), '--no-color', '--no-vuln-cache');
    assert.ok(out.includes(`Default: ${secrets.parameter.slice(0, 4)}…${secrets.parameter.slice(-4)}`));
    assert.ok(out.includes(`GITHUB_TOKEN=${secrets.env.slice(0, 4)}…`));
  });
});
