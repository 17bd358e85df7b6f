/**
 * The GitHub Action's script (action/run.mjs), run step by step as the runner runs it: a child
 * process with the environment GitHub sets (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`, `INPUT_*` …)
 * against a fixture repository. The pull-request comment goes to a loopback HTTP server standing
 * in for the GitHub API (`GITHUB_API_URL`), which records each request.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PACKAGE_ROOT, REPO_ROOT } from '../helpers/paths.js';
import { removeProject } from '../helpers/temp-project.js';
import { validateSarifSchema } from '../report/validators.js';

const SCRIPT = path.join(REPO_ROOT, 'action', 'run.mjs');
const CLI = path.join(PACKAGE_ROOT, 'bin', 'faasguard.js');
const EXAMPLE = path.join(REPO_ROOT, 'examples/order-app');
const ACTION_YML = fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8');
const VERSION = (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface StepRun {
  code: number | null;
  out: string;
  outputs: Record<string, string>;
  summary: string;
}

let base = '';
/** The checked-out repository: the vulnerable app in infra/, the fixed one in clean/. */
let workspace = '';
before(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-action-'));
  workspace = path.join(base, 'repo');
  fs.cpSync(path.join(EXAMPLE, 'vulnerable'), path.join(workspace, 'infra'), { recursive: true });
  fs.cpSync(path.join(EXAMPLE, 'fixed'), path.join(workspace, 'clean'), { recursive: true });
  // A checkout: the scanner finds the repository root by its .git folder.
  fs.mkdirSync(path.join(workspace, '.git'));
});
after(() => removeProject(base));

let runs = 0;

/** Runs one step of the action in the workspace, with the files a runner gives a step. */
async function step(name: string, env: Record<string, string>): Promise<StepRun> {
  const dir = path.join(base, `step-${++runs}`);
  fs.mkdirSync(dir);
  const files = { GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary') };
  for (const file of Object.values(files)) fs.writeFileSync(file, '');
  const stepEnv = {
    PATH: process.env['PATH'] ?? '',
    HOME: base,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: dir,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'acme/orders',
    FAASGUARD_CACHE_DIR: path.join(base, 'cache'),
    FAASGUARD_NOW: '2026-11-23',
    ...files,
    ...env,
  };
  const { code, out } = await child(process.execPath, [SCRIPT, name], workspace, stepEnv);
  return { code, out, outputs: parseOutputs(fs.readFileSync(files.GITHUB_OUTPUT, 'utf8')), summary: fs.readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
}

/** The outputs of step `id` that action.yml reads (`steps.<id>.outputs.<name>`). */
function outputsRead(id: string): string[] {
  return [...new Set([...ACTION_YML.matchAll(new RegExp(`steps\\.${id}\\.outputs\\.([A-Za-z0-9_-]+)`, 'g'))].map((m) => m[1]!))].sort();
}

/** Asynchronous, so that the loopback server of this process can answer meanwhile. */
function child(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => p.kill(), 120_000);
    p.on('error', reject);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/** `$GITHUB_OUTPUT` as the runner reads it: `name=value` lines and `name<<DELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const block = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (block) {
      const end = lines.indexOf(block[2]!, i + 1);
      assert.ok(end > i, `unterminated output ${block[1]}`);
      outputs[block[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = lines[i]!.indexOf('=');
    if (eq > 0) outputs[lines[i]!.slice(0, eq)] = lines[i]!.slice(eq + 1);
  }
  return outputs;
}

interface Recorded {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

/** A stand-in for the GitHub API: answers with `answer`, records every request. */
async function fakeApi(answer: (req: Recorded) => { status: number; json: unknown }): Promise<{ url: string; requests: Recorded[]; close: () => Promise<void> }> {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body };
      requests.push(recorded);
      const { status, json } = answer(recorded);
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/v3`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function pullRequestEvent(number: number): string {
  const file = path.join(base, `event-${number}.json`);
  fs.writeFileSync(file, JSON.stringify({ action: 'synchronize', pull_request: { number } }));
  return file;
}

const SCAN_INFRA = { FAASGUARD_CLI: CLI, INPUT_PATH: 'infra' };

describe('the action: scan step', () => {
  it('writes SARIF with locations from the repository root, the Markdown report, the outputs and the job summary, and does not fail on findings', async () => {
    const r = await step('scan', { ...SCAN_INFRA, INPUT_COMMENT: 'true', INPUT_GITHUB_TOKEN: 't' });
    assert.equal(r.code, 0, r.out);
    assert.deepEqual(Object.keys(r.outputs).sort(), outputsRead('scan'));
    assert.equal(r.outputs['exit-code'], '1');
    assert.equal(r.outputs['findings'], '38');
    assert.equal(r.outputs['category'], 'faasguard/infra');
    const sarif = JSON.parse(fs.readFileSync(r.outputs['sarif-file']!, 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    assert.deepEqual(validateSarifSchema(sarif), []);
    const injection = sarif.runs[0]!.results.find((x) => x.ruleId === 'command-injection')!;
    assert.equal(injection.locations[0]!.physicalLocation.artifactLocation.uri, 'infra/src/process-upload.js');
    for (const result of sarif.runs[0]!.results) assert.match(result.locations[0]!.physicalLocation.artifactLocation.uri, /^infra\//);
    const markdown = fs.readFileSync(r.outputs['markdown-file']!, 'utf8');
    assert.match(markdown, /^## faasguard: 38 findings$/m);
    assert.equal(r.summary, markdown);
    // Asked to comment, but a push is no pull request.
    assert.match(r.out, /no comment: the event is push, not a pull request/);
  });

  it('warns that code scanning cannot place the findings of a folder outside the repository', async () => {
    const outside = path.join(base, 'elsewhere');
    fs.cpSync(path.join(EXAMPLE, 'fixed'), outside, { recursive: true });
    const r = await step('scan', { FAASGUARD_CLI: CLI, INPUT_PATH: outside });
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /^::warning::faasguard: .*elsewhere is outside the repository/m);
  });

  it('reports a clean app as such, and --fail-on none never fails', async () => {
    const clean = await step('scan', { FAASGUARD_CLI: CLI, INPUT_PATH: 'clean' });
    assert.equal(clean.code, 0, clean.out);
    assert.equal(clean.outputs['exit-code'], '0');
    assert.equal(clean.outputs['findings'], '0');
    const never = await step('scan', { ...SCAN_INFRA, 'INPUT_FAIL-ON': 'None', INPUT_ARGS: '--exclude src/**' });
    assert.equal(never.outputs['exit-code'], '0');
    // The extra arguments reach the scan: without the handlers, the findings that need their code go.
    const sarif = fs.readFileSync(never.outputs['sarif-file']!, 'utf8');
    assert.equal(never.outputs['findings'], '34');
    assert.doesNotMatch(sarif, /"ruleId": "command-injection"/);
  });

  it('stops on a wrong input with a one-line error annotation, before scanning', async () => {
    const badFailOn = await step('scan', { ...SCAN_INFRA, INPUT_FAIL_ON: 'severe' });
    assert.equal(badFailOn.code, 2);
    assert.match(badFailOn.out, /^::error::faasguard action: input fail-on must be one of critical, high, medium, low, info, none, not "severe"$/m);
    assert.deepEqual(badFailOn.outputs, {});
    const format = await step('scan', { ...SCAN_INFRA, INPUT_ARGS: '--format json' });
    assert.match(format.out, /^::error::faasguard action: input args: --format is set by the action/m);
    const missing = await step('scan', { FAASGUARD_CLI: CLI, INPUT_PATH: 'nowhere' });
    assert.match(missing.out, /^::error::faasguard action: input path: nowhere does not exist$/m);
    const comment = await step('scan', { ...SCAN_INFRA, INPUT_COMMENT: 'yes' });
    assert.match(comment.out, /^::error::faasguard action: input comment must be true or false, not "yes"$/m);
  });
});

describe('the action: pull-request comment', () => {
  it('posts the Markdown report with a hidden marker when no earlier comment has one', async () => {
    const api = await fakeApi((req) => (req.method === 'GET' ? { status: 200, json: [{ id: 5, body: 'Looks good' }] } : { status: 201, json: { id: 9, html_url: 'https://github.example/acme/orders/pull/7#issuecomment-9' } }));
    try {
      const r = await step('scan', { ...SCAN_INFRA, INPUT_COMMENT: 'true', INPUT_GITHUB_TOKEN: 'ghs_test', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: pullRequestEvent(7), GITHUB_API_URL: api.url });
      assert.equal(r.code, 0, r.out);
      assert.deepEqual(api.requests.map((q) => `${q.method} ${q.url}`), ['GET /api/v3/repos/acme/orders/issues/7/comments?per_page=100&page=1', 'POST /api/v3/repos/acme/orders/issues/7/comments']);
      for (const q of api.requests) assert.equal(q.authorization, 'Bearer ghs_test');
      const body = (JSON.parse(api.requests[1]!.body) as { body: string }).body;
      assert.equal(body, `<!-- faasguard-action: faasguard/infra -->\n${fs.readFileSync(r.outputs['markdown-file']!, 'utf8')}`);
      assert.match(r.out, /created the report comment on pull request #7/);
    } finally {
      await api.close();
    }
  });

  it('updates its own earlier comment, found on a later page, instead of adding one', async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, body: `comment ${i}` }));
    const page2 = [{ id: 400, body: '<!-- faasguard-action: faasguard/infra -->\nold report' }];
    const api = await fakeApi((req) => {
      if (req.method !== 'GET') return { status: 200, json: { id: 400 } };
      return { status: 200, json: req.url.endsWith('page=1') ? page1 : page2 };
    });
    try {
      const r = await step('scan', { ...SCAN_INFRA, INPUT_COMMENT: 'true', INPUT_GITHUB_TOKEN: 'ghs_test', GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: pullRequestEvent(8), GITHUB_API_URL: `${api.url}/` });
      assert.equal(r.code, 0, r.out);
      assert.deepEqual(api.requests.map((q) => `${q.method} ${q.url}`), [
        'GET /api/v3/repos/acme/orders/issues/8/comments?per_page=100&page=1',
        'GET /api/v3/repos/acme/orders/issues/8/comments?per_page=100&page=2',
        'PATCH /api/v3/repos/acme/orders/issues/comments/400',
      ]);
      assert.match((JSON.parse(api.requests[2]!.body) as { body: string }).body, /^<!-- faasguard-action: faasguard\/infra -->\n## faasguard: 38 findings$/m);
    } finally {
      await api.close();
    }
  });

  it('warns and goes on when the API refuses (a fork\'s read-only token)', async () => {
    const api = await fakeApi((req) => (req.method === 'GET' ? { status: 200, json: [] } : { status: 403, json: { message: 'Resource not accessible by integration' } }));
    try {
      const r = await step('scan', { ...SCAN_INFRA, INPUT_COMMENT: 'true', INPUT_GITHUB_TOKEN: 'ghs_test', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: pullRequestEvent(9), GITHUB_API_URL: api.url });
      assert.equal(r.code, 0, r.out);
      assert.match(r.out, /^::warning::faasguard: could not comment on pull request #9: POST \/repos\/acme\/orders\/issues\/9\/comments: 403 .*Resource not accessible by integration/m);
      assert.equal(r.outputs['exit-code'], '1');
    } finally {
      await api.close();
    }
  });

  it('sends nothing when not asked to comment', async () => {
    const api = await fakeApi(() => ({ status: 500, json: {} }));
    try {
      const r = await step('scan', { ...SCAN_INFRA, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: pullRequestEvent(10), GITHUB_API_URL: api.url });
      assert.equal(r.code, 0, r.out);
      assert.deepEqual(api.requests, []);
    } finally {
      await api.close();
    }
  });
});

describe('the action: verdict step', () => {
  it('fails the job with an error annotation when the scan did, and passes otherwise', async () => {
    const failed = await step('verdict', { FAASGUARD_EXIT_CODE: '1', FAASGUARD_FINDINGS: '37' });
    assert.equal(failed.code, 1);
    assert.match(failed.out, /^::error::faasguard: 37 findings, some at or above the fail-on threshold/m);
    const broken = await step('verdict', { FAASGUARD_EXIT_CODE: '2', FAASGUARD_FINDINGS: '0' });
    assert.equal(broken.code, 2);
    assert.match(broken.out, /^::error::faasguard: the scan failed \(exit 2\)/m);
    const passed = await step('verdict', { FAASGUARD_EXIT_CODE: '0', FAASGUARD_FINDINGS: '2' });
    assert.equal(passed.code, 0);
    assert.match(passed.out, /^faasguard: 2 findings, none at or above the fail-on threshold$/m);
    assert.equal((await step('verdict', {})).code, 2, 'no scan result is no pass');
  });
});

describe('the action: install step', () => {
  /** An `npm` that records its arguments and answers `root --global` with a folder holding faasguard. */
  function fakeNpm(): { bin: string; log: string; globalRoot: string } {
    const bin = fs.mkdtempSync(path.join(base, 'npm-'));
    const log = path.join(bin, 'calls');
    const globalRoot = path.join(bin, 'lib', 'node_modules');
    fs.mkdirSync(path.join(globalRoot, 'faasguard', 'bin'), { recursive: true });
    fs.writeFileSync(path.join(globalRoot, 'faasguard', 'bin', 'faasguard.js'), '');
    fs.writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\necho "$*" >> '${log}'\n[ "$1" = root ] && echo '${globalRoot}'\nexit 0\n`, { mode: 0o755 });
    return { bin, log, globalRoot };
  }

  it('installs the faasguard of the action\'s own version by default, or the one asked for, and gives its script', async () => {
    const npm = fakeNpm();
    const own = await step('install', { PATH: `${npm.bin}${path.delimiter}${process.env['PATH'] ?? ''}` });
    assert.equal(own.code, 0, own.out);
    const asked = await step('install', { PATH: `${npm.bin}${path.delimiter}${process.env['PATH'] ?? ''}`, INPUT_VERSION: '^0.2.0' });
    assert.equal(asked.code, 0, asked.out);
    assert.deepEqual(fs.readFileSync(npm.log, 'utf8').trim().split('\n'), [
      `install --global --no-audit --no-fund faasguard@${VERSION}`,
      'root --global',
      'install --global --no-audit --no-fund faasguard@^0.2.0',
      'root --global',
    ]);
    assert.deepEqual(outputsRead('install'), ['cli']);
    assert.equal(own.outputs['cli'], path.join(npm.globalRoot, 'faasguard', 'bin', 'faasguard.js'));
    assert.equal(own.outputs['version'], VERSION);
  });

  it('refuses a version that is not an npm version, range or tag', async () => {
    const npm = fakeNpm();
    const r = await step('install', { PATH: `${npm.bin}${path.delimiter}${process.env['PATH'] ?? ''}`, INPUT_VERSION: '1.0.0 && curl' });
    assert.equal(r.code, 2);
    assert.match(r.out, /^::error::faasguard action: input version must be an npm version, range or tag, not "1.0.0 && curl"$/m);
    assert.equal(fs.existsSync(npm.log), false);
  });
});
