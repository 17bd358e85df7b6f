/**
 * `--exclude` rules out code, secrets and dependencies, not only templates: an excluded folder
 * holding a function's handler, a secret and a lockfile is never read, no finding is located in
 * it, the template's own findings remain, and a note says the handler's code was excluded.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { withReadLog } from '../../src/cache/read-log.js';
import { scan } from '../../src/scan/scan.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { fake } from '../secrets/fakes.js';
import { PACKAGE_ROOT } from '../helpers/paths.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  RunFn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: app.handler
      Runtime: nodejs20.x
      Environment:
        Variables:
          DB_PASSWORD: ${fake.password()}
      Events:
        Api:
          Type: Api
          Properties:
            Path: /run
            Method: get
`;

const APP = `const { exec } = require('child_process');
const config = require('./config');
const pad = require('left-pad');
exports.handler = async (event) => {
  exec('ls ' + event.queryStringParameters.dir);
  return { statusCode: 200, body: pad(String(config.stripe.length), 4) };
};
`;

const LOCK = JSON.stringify({
  name: 'fn',
  version: '1.0.0',
  lockfileVersion: 3,
  packages: { '': { name: 'fn', version: '1.0.0', dependencies: { lodash: '4.17.15' } }, 'node_modules/lodash': { version: '4.17.15' } },
});

function project(): string {
  return tempProject({
    'template.yaml': TEMPLATE,
    'src/app.js': APP,
    'src/config.js': `module.exports = { stripe: '${fake.stripeLive()}' };\n`,
    'src/package.json': JSON.stringify({ name: 'fn', version: '1.0.0', dependencies: { lodash: '4.17.15' } }),
    'src/package-lock.json': LOCK,
  });
}

/** `rule file:line` of each finding, sorted, so that two scans compare as lists. */
function located(result: Pick<ScanResult, 'findings'>): string[] {
  return result.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`).sort();
}

function filesOf(result: Pick<ScanResult, 'findings'>): Set<string> {
  return new Set(result.findings.map((f) => f.location.file));
}

function readInside(dir: string, read: Set<string>): string[] {
  return [...read].map((abs) => path.relative(dir, abs).split(path.sep).join('/')).filter((rel) => rel.startsWith('src/'));
}

describe('--exclude reaches code, secrets and dependencies', () => {
  let dir: string;
  before(() => {
    dir = project();
  });
  after(() => removeProject(dir));

  it('without exclude, the handler is analyzed and findings are located in src/', async () => {
    const { value: result, read } = await withReadLog(() => scan(dir, { threads: 1 }));
    const ids = located(result);
    assert.ok(ids.includes('command-injection src/app.js:5'), ids.join('\n'));
    assert.ok(ids.some((id) => id.startsWith('secret-in-code src/config.js:1')), ids.join('\n'));
    assert.ok(ids.some((id) => id.startsWith('dependency-undeclared src/app.js:3')), ids.join('\n'));
    assert.ok(readInside(dir, read).includes('src/app.js'));
  });

  it("with src/** excluded, nothing in src/ is read or reported, the template's findings remain, a note says why", async () => {
    const all = await scan(dir, { threads: 1 });
    const { value: result, read } = await withReadLog(() => scan(dir, { threads: 1, exclude: ['src/**'] }));
    assert.deepEqual(readInside(dir, read), []);
    assert.deepEqual([...filesOf(result)], ['template.yaml']);
    assert.deepEqual(located(result), located(all).filter((id) => id.includes(' template.yaml:')));
    assert.ok(located(result).some((id) => id.startsWith('env-plaintext-secret template.yaml:')));
    const note = result.diagnostics.find((d) => d.code === 'code-not-analyzed');
    assert.equal(note?.loc.file, 'template.yaml');
    assert.equal(note?.loc.line, 6);
    assert.match(note?.message ?? '', /RunFn.*excluded/);
    assert.equal(result.diagnostics.filter((d) => d.code === 'handler-not-found').length, 0);
    assert.ok(result.diagnostics.every((d) => !d.loc.file.startsWith('src/')));
  });

  it('an excluded file imported by the handler is not read, the handler still is', async () => {
    const { value: result, read } = await withReadLog(() => scan(dir, { threads: 1, exclude: ['src/config.js'] }));
    assert.deepEqual(readInside(dir, read).sort(), ['src/app.js']);
    assert.ok(located(result).includes('command-injection src/app.js:5'));
    assert.ok(!filesOf(result).has('src/config.js'));
  });

  it('an exclude that matches nothing changes nothing', async () => {
    const all = await scan(dir, { threads: 1 });
    const unrelated = await scan(dir, { threads: 1, exclude: ['no-such-dir/**'] });
    assert.deepEqual(located(unrelated), located(all));
    assert.deepEqual(unrelated.diagnostics.map((d) => d.code).sort(), all.diagnostics.map((d) => d.code).sort());
  });

  it('a cached scan with src/** excluded does not miss when an excluded file changes', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'faasguard-cache-'));
    const edited = project();
    try {
      const options = { threads: 1, exclude: ['src/**'], scanCache: cacheDir };
      const first = await scan(edited, options);
      appendFileSync(path.join(edited, 'src/app.js'), '\n// edited\n');
      const second = await scan(edited, options);
      assert.equal(first.fromCache, undefined);
      assert.equal(second.fromCache, true);
      assert.deepEqual(located(second), located(first));
    } finally {
      removeProject(cacheDir);
      removeProject(edited);
    }
  });

  it('the command line applies --exclude to code too', () => {
    const bin = path.join(PACKAGE_ROOT, 'bin', 'faasguard.js');
    const run = (...extra: string[]): { findings: Array<{ ruleId: string; location: { file: string } }>; diagnostics: Array<{ code: string; location: { file: string } }> } => {
      const r = spawnSync(process.execPath, [bin, 'scan', dir, '--format', 'json', '--no-cache', '--quiet', ...extra], { encoding: 'utf8', timeout: 120_000 });
      assert.ok(r.stdout.length > 0, r.stderr);
      return JSON.parse(r.stdout) as ReturnType<typeof run>;
    };
    const all = run();
    assert.ok(all.findings.some((f) => f.ruleId === 'command-injection' && f.location.file === 'src/app.js'));
    const excluded = run('--exclude', 'src/**');
    assert.deepEqual([...new Set(excluded.findings.map((f) => f.location.file))], ['template.yaml']);
    assert.ok(excluded.diagnostics.some((d) => d.code === 'code-not-analyzed' && d.location.file === 'template.yaml'));
  });
});

describe('--exclude reaches lockfiles found above the code and requirements includes', () => {
  let dir: string;
  before(() => {
    dir = tempProject({
      'template.yaml': `Transform: AWS::Serverless-2016-10-31
Resources:
  ApiFn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: services/api/
      Handler: index.handler
      Runtime: nodejs20.x
  PyFn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: services/py/
      Handler: app.handler
      Runtime: python3.12
`,
      'services/api/index.js': "exports.handler = async () => require('lodash').noop();\n",
      'package.json': JSON.stringify({ name: 'root', version: '1.0.0', dependencies: { lodash: '4.17.15' } }),
      'package-lock.json': LOCK.replace(/"fn"/g, '"root"'),
      'services/py/app.py': 'def handler(event, context):\n    return 1\n',
      'services/py/requirements.txt': '-r ../../shared/base.txt\n',
      'shared/base.txt': 'requests\n',
    });
  });
  after(() => removeProject(dir));

  it('an excluded lockfile above the code is not used', async () => {
    const all = await scan(dir, { threads: 1 });
    assert.ok(filesOf(all).has('package-lock.json'), located(all).join('\n'));
    const excluded = await scan(dir, { threads: 1, exclude: ['package-lock.json'] });
    assert.ok(!filesOf(excluded).has('package-lock.json'), located(excluded).join('\n'));
  });

  it('an excluded requirements include is not followed, and the including file says so', async () => {
    const all = await scan(dir, { threads: 1 });
    assert.ok(located(all).includes('python-requirement-unpinned shared/base.txt:1'), located(all).join('\n'));
    const excluded = await scan(dir, { threads: 1, exclude: ['shared/**'] });
    assert.ok(!filesOf(excluded).has('shared/base.txt'), located(excluded).join('\n'));
    const note = excluded.diagnostics.find((d) => d.code === 'dependency-input' && /excluded/.test(d.message));
    assert.equal(note?.loc.file, 'services/py/requirements.txt');
    assert.equal(note?.loc.line, 1);
  });
});
