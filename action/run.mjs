#!/usr/bin/env node
/**
 * The logic of the faasguard GitHub Action (`action.yml`), one step at a time:
 *
 *   node action/run.mjs install   npm-installs faasguard (input `version`, default this checkout's
 *                                 version); output `cli`, the installed command's script
 *   node action/run.mjs scan      scans input `path` (one scan, SARIF and Markdown), writes the job summary,
 *                                 comments on the pull request when asked; never fails on findings
 *   node action/run.mjs verdict   fails when the scan did: run after the SARIF upload
 *
 * Plain Node (20+), no dependencies, so that it runs from the action's checkout as it is and can be
 * run locally with the same environment variables GitHub sets.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ActionError, annotate, appendSummary, booleanInput, input, setOutputs } from './github-env.mjs';
import { pullRequestNumber, upsertComment } from './pr-comment.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCANNER_PACKAGE = path.join(HERE, '..', 'packages', 'faasguard', 'package.json');
/** An npm version, range or dist-tag; nothing a shell or npm would read as more than that. */
const VERSION_SPEC = /^[0-9A-Za-z.+\-~^<>=*]+$/;
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info', 'none'];

const STEPS = { install, scan, verdict };

async function main(step) {
  const run = STEPS[step];
  if (!run) throw new ActionError(`unknown step "${step}": install, scan or verdict`);
  return run();
}

/** The version of this checkout's scanner: `faasguard/faasguard@v0.1.0` installs faasguard 0.1.0. */
function ownVersion() {
  return JSON.parse(readFileSync(SCANNER_PACKAGE, 'utf8')).version;
}

function install() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) throw new ActionError(`faasguard needs Node.js 20 or later, the runner has ${process.version}: run actions/setup-node first`);
  const version = input('version') || ownVersion();
  if (!VERSION_SPEC.test(version)) throw new ActionError(`input version must be an npm version, range or tag, not "${version}"`);
  const installed = npm(['install', '--global', '--no-audit', '--no-fund', `faasguard@${version}`], 'inherit');
  if (installed.status !== 0) throw new ActionError(`npm install --global faasguard@${version} failed (exit ${installed.status})`);
  const root = npm(['root', '--global'], 'pipe').stdout.trim();
  const cli = path.join(root, 'faasguard', 'bin', 'faasguard.js');
  if (!existsSync(cli)) throw new ActionError(`faasguard@${version} was installed, but ${cli} is missing`);
  setOutputs({ cli, version });
  return 0;
}

/** npm is `npm.cmd` on Windows, which only a shell runs; the arguments are checked above. */
function npm(args, stdout) {
  return spawnSync('npm', args, { encoding: 'utf8', stdio: ['ignore', stdout, 'inherit'], shell: process.platform === 'win32' });
}

async function scan() {
  const cli = process.env.FAASGUARD_CLI;
  if (!cli) throw new ActionError('FAASGUARD_CLI is not set: the install step gives it');
  const target = input('path') || '.';
  if (!existsSync(target)) throw new ActionError(`input path: ${target} does not exist`);
  const category = input('category') || defaultCategory(target);
  const options = scanOptions();
  const dir = process.env.RUNNER_TEMP ? path.join(process.env.RUNNER_TEMP, 'faasguard') : os.tmpdir();
  const sarifFile = path.resolve(input('sarif-file') || path.join(dir, 'faasguard.sarif'));
  const markdownFile = path.join(path.dirname(sarifFile), `${path.basename(sarifFile, path.extname(sarifFile))}.md`);
  mkdirSync(path.dirname(sarifFile), { recursive: true });
  rmSync(sarifFile, { force: true });
  rmSync(markdownFile, { force: true });

  warnOutsideWorkspace(target);
  // One scan writes both reports; faasguard writes paths from the repository root, as code scanning reads them.
  const exitCode = faasguard(cli, ['scan', target, '--format', 'sarif', '--output', sarifFile, '--format', 'markdown', '--output', markdownFile, ...options], 'inherit');
  if (!existsSync(sarifFile)) throw new ActionError(`faasguard wrote no report (exit ${exitCode}): see its message above`);
  const log = JSON.parse(readFileSync(sarifFile, 'utf8'));
  const markdown = existsSync(markdownFile) ? readFileSync(markdownFile, 'utf8') : '';
  const findings = countingResults(log);
  setOutputs({ 'sarif-file': sarifFile, 'markdown-file': markdownFile, 'exit-code': exitCode, findings, category });
  appendSummary(markdown);
  if (booleanInput('comment', false)) await comment(category, markdown);
  return 0;
}

/** `--fail-on` and the extra arguments, checked before the scan so that a typo fails fast. */
function scanOptions() {
  const failOn = input('fail-on').toLowerCase();
  if (failOn !== '' && !SEVERITIES.includes(failOn)) throw new ActionError(`input fail-on must be one of ${SEVERITIES.join(', ')}, not "${input('fail-on')}"`);
  const extra = input('args').split(/\s+/).filter((a) => a !== '');
  const reserved = extra.find((a) => /^--(format|output)(=|$)/.test(a));
  if (reserved) throw new ActionError(`input args: ${reserved} is set by the action (see inputs sarif-file and comment)`);
  return [...(failOn ? ['--fail-on', failOn] : []), ...extra];
}

/** One code-scanning category per scanned folder, so that two scans in a workflow do not replace each other. */
function defaultCategory(target) {
  const folder = path.normalize(target).split(path.sep).join('/').replace(/\/+$/, '');
  return folder === '.' || folder === '' ? 'faasguard' : `faasguard/${folder}`;
}

/** Runs the installed CLI with this Node; returns its exit code. */
function faasguard(cli, args, stderr) {
  const r = spawnSync(process.execPath, [cli, ...args], { stdio: ['ignore', 'inherit', stderr], env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw new ActionError(`cannot run ${cli}: ${r.error.message}`);
  return r.status ?? 2;
}

/** Code scanning places findings only in files of the repository checked out in the workspace. */
function warnOutsideWorkspace(target) {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const rel = path.relative(path.resolve(workspace), path.resolve(target));
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) annotate('warning', `faasguard: ${target} is outside the repository (${workspace}); code scanning cannot place its findings`);
}

/** The findings that count: suppressed ones are in the log too, marked. */
function countingResults(log) {
  return (log.runs ?? []).flatMap((run) => run.results ?? []).filter((r) => !(r.suppressions?.length > 0)).length;
}

/** A failed comment (a fork's pull request has a read-only token) warns; the scan itself stands. */
async function comment(category, markdown) {
  const number = pullRequestNumber();
  if (number === undefined) {
    console.log(`faasguard: no comment: the event is ${process.env.GITHUB_EVENT_NAME || 'unknown'}, not a pull request`);
    return;
  }
  const token = input('github-token');
  const repository = process.env.GITHUB_REPOSITORY;
  if (!token || !repository) throw new ActionError('commenting needs the github-token input and GITHUB_REPOSITORY');
  const apiUrl = process.env.GITHUB_API_URL || 'https://api.github.com';
  try {
    const done = await upsertComment({ apiUrl, repository, number, token, category, markdown });
    console.log(`faasguard: ${done.action} the report comment on pull request #${number}${done.url ? `: ${done.url}` : ''}`);
  } catch (e) {
    annotate('warning', `faasguard: could not comment on pull request #${number}: ${e.message}`);
  }
}

/** After the upload: fails the job as the scan's exit code says. */
function verdict() {
  const code = process.env.FAASGUARD_EXIT_CODE;
  const findings = process.env.FAASGUARD_FINDINGS || '?';
  if (code === '0') {
    console.log(`faasguard: ${findings} findings, none at or above the fail-on threshold`);
    return 0;
  }
  if (code === '1') {
    annotate('error', `faasguard: ${findings} findings, some at or above the fail-on threshold (input fail-on, else the configuration's failOn, else low)`);
    return 1;
  }
  if (code !== '2') throw new ActionError(`FAASGUARD_EXIT_CODE must be the scan step's exit-code output, not "${code ?? ''}"`);
  annotate('error', "faasguard: the scan failed (exit 2): no template was found, or one could not be read or parsed; see the scan step's log (--allow-input-errors in input args lets unreadable templates pass)");
  return 2;
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    annotate('error', `faasguard action: ${e instanceof ActionError ? e.message : e.stack}`);
    process.exitCode = 2;
  },
);
