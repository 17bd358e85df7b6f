/**
 * The pre-commit hook (`.pre-commit-hooks.yaml` at the repository root), run by the real `pre-commit`
 * in a temporary git repository: `git commit` with the hook installed is refused when the staged
 * files hold findings, and the output names them; a clean commit, or one whose files hold none of
 * the project's findings, goes through.
 *
 * The published hook is `language: node`: pre-commit would install faasguard from npm. Here the
 * same hook (its `files`, `require_serial`, arguments) runs as a `repo: local` hook whose entry is
 * this checkout's CLI, so the test needs no network and no install.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { PACKAGE_ROOT, REPO_ROOT } from '../helpers/paths.js';
import { PRE_COMMIT, preCommitUnavailable } from '../helpers/pre-commit.js';
import { removeProject } from '../helpers/temp-project.js';

const BIN = path.join(PACKAGE_ROOT, 'bin', 'faasguard.js');
const MANIFEST = path.join(REPO_ROOT, '.pre-commit-hooks.yaml');
const EXAMPLE = path.join(REPO_ROOT, 'examples/order-app');

const skip = preCommitUnavailable();

interface Run {
  code: number | null;
  out: string;
}

type Hook = Record<string, unknown>;

function publishedHook(): Hook {
  const hooks = parse(fs.readFileSync(MANIFEST, 'utf8')) as Hook[];
  assert.equal(hooks.length, 1);
  return hooks[0]!;
}

/** The published hook, with this checkout's CLI in place of the `faasguard` that npm would install. */
function localHook(): Hook {
  const { additional_dependencies: _deps, minimum_pre_commit_version: _min, ...hook } = publishedHook();
  const args = String(hook['entry']).replace(/^faasguard\s+/, '');
  return { ...hook, language: 'system', entry: `${shellWord(process.execPath)} ${shellWord(BIN)} ${args}` };
}

/** pre-commit splits `entry` as a POSIX shell would. */
function shellWord(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

let home = '';
before(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-pre-commit-'));
});
after(() => removeProject(home));

function env(): NodeJS.ProcessEnv {
  const cache = path.join(home, 'cache');
  return { ...process.env, PRE_COMMIT_HOME: cache, FAASGUARD_CACHE_DIR: cache, FAASGUARD_NOW: '2026-11-23', NO_COLOR: '1', GIT_CONFIG_NOSYSTEM: '1', HOME: home };
}

function run(cwd: string, command: string, ...args: string[]): Run {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 180_000, stdio: ['ignore', 'pipe', 'pipe'], env: env() });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function git(cwd: string, ...args: string[]): Run {
  const r = run(cwd, 'git', ...args);
  assert.equal(r.code, 0, r.out);
  return r;
}

/** A git repository holding `app` (a copy of the example app), with the hook configured and installed. */
function repoWith(app: 'vulnerable' | 'fixed'): string {
  const dir = fs.mkdtempSync(path.join(home, 'repo-'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'dev@example.com');
  git(dir, 'config', 'user.name', 'Dev');
  git(dir, 'config', 'commit.gpgsign', 'false');
  fs.cpSync(path.join(EXAMPLE, app), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'README.md'), '# orders\n');
  fs.writeFileSync(path.join(dir, '.pre-commit-config.yaml'), stringify({ repos: [{ repo: 'local', hooks: [localHook()] }] }));
  const installed = run(dir, PRE_COMMIT, 'install');
  assert.equal(installed.code, 0, installed.out);
  git(dir, 'add', '-A');
  return dir;
}

function commits(dir: string): number {
  const r = run(dir, 'git', 'rev-list', '--count', 'HEAD');
  return r.code === 0 ? Number(r.out.trim()) : 0;
}

describe('the pre-commit hook', { skip }, () => {
  it('is a manifest pre-commit accepts, and installs the faasguard of this revision', () => {
    const valid = run(REPO_ROOT, PRE_COMMIT, 'validate-manifest', MANIFEST);
    assert.equal(valid.code, 0, valid.out);
    const version = (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const hook = publishedHook();
    assert.deepEqual(hook['additional_dependencies'], [`faasguard@${version}`]);
    assert.equal(hook['entry'], 'faasguard changed');
    assert.equal(hook['require_serial'], true);
  });

  it('refuses a commit of a vulnerable app and names the findings, with file and line', () => {
    const dir = repoWith('vulnerable');
    const refused = run(dir, 'git', 'commit', '-q', '-m', 'orders');
    assert.equal(refused.code, 1, refused.out);
    assert.match(refused.out, /^faasguard\.+Failed$/m);
    assert.match(refused.out, /^ {2}src\/process-upload\.js:7:14 {2}command-injection {2}Command injection/m);
    assert.match(refused.out, /^ {2}template\.yaml:114:3 {2}lambda-permission-public/m);
    assert.equal(commits(dir), 0);

    // Committed anyway: later commits are judged by their own files.
    git(dir, 'commit', '-q', '--no-verify', '-m', 'orders');
    fs.appendFileSync(path.join(dir, 'src/get-order.js'), '// reads one order\n');
    git(dir, 'add', '-A');
    const clean = run(dir, 'git', 'commit', '-q', '-m', 'comment');
    assert.equal(clean.code, 0, clean.out);
    assert.match(clean.out, /^faasguard\.+Passed$/m);

    fs.appendFileSync(path.join(dir, 'src/process-upload.js'), '// thumbnails\n');
    git(dir, 'add', '-A');
    const touched = run(dir, 'git', 'commit', '-q', '-m', 'thumbnails');
    assert.equal(touched.code, 1, touched.out);
    assert.match(touched.out, /src\/process-upload\.js:7:14 {2}command-injection/);
    assert.doesNotMatch(touched.out, /lambda-permission-public/);
    assert.equal(commits(dir), 2);
  });

  it('lets a commit of the fixed app through, and skips files that are neither templates nor code', () => {
    const dir = repoWith('fixed');
    const committed = run(dir, 'git', 'commit', '-q', '-m', 'orders');
    assert.equal(committed.code, 0, committed.out);
    assert.match(committed.out, /^faasguard\.+Passed$/m);
    fs.appendFileSync(path.join(dir, 'README.md'), 'More.\n');
    git(dir, 'add', '-A');
    const docs = run(dir, 'git', 'commit', '-q', '-m', 'docs');
    assert.equal(docs.code, 0, docs.out);
    assert.match(docs.out, /^faasguard\.+\(no files to check\)Skipped$/m);
  });
});
