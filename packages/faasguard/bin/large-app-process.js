// A large app's scan runs in a child Node.js process whose young generation is larger than V8's
// default: on the 10,000-function benchmark app, the main thread's 490 minor collections of 16 MB
// semi-spaces took 2 s, each copying the model and trees that were still alive, and the scan ran
// some 15% longer than with 32 MB (see the README's benchmark section). The size can only be set
// when Node starts (V8 reads it once per isolate), hence a child; a small app gains nothing from it
// and is scanned in this process. The child costs one more Node start (some 0.07 s), paid only
// where it saves seconds.
//
// CommonJS, beside the entry script: loaded before the scanner, and by the tests without running it.
'use strict';
const { readdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

/** The flag the child starts with. */
const YOUNG_GENERATION_FLAG = '--max-semi-space-size=32';
/** Files under a scanned folder from which its scan runs in a child (the 1,000-function app has 1,081, the 10,000-function one 10,801). */
const LARGE_APP_FILES = 5000;
/** Folders a scan never reads (as discovery skips them), not counted. */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', '.serverless', '.aws-sam', '.aws-composer']);
/** Set in the child's environment: it scans in its own process. */
const CHILD_MARK = 'FAASGUARD_SCAN_CHILD';
/** Where the process that scanned writes its CPU time and peak memory when it ends, if set (the benchmark reads it). */
const USAGE_FILE = 'FAASGUARD_USAGE_FILE';
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * The Node.js arguments of a child to scan in, or undefined to scan here: when an argument of the
 * command names a folder with at least `limit` files, and the young generation is not set already
 * (by this launcher, or by the user in the command or NODE_OPTIONS). Arguments are not parsed: an
 * option's value that names a large folder only costs a child.
 */
function childNodeArgs(argv, { env = process.env, execArgv = process.execArgv, limit = LARGE_APP_FILES } = {}) {
  if (env[CHILD_MARK] === '1') return undefined;
  const setAlready = (args) => args.some((a) => a.startsWith('--max-semi-space-size'));
  if (setAlready(execArgv) || setAlready((env.NODE_OPTIONS ?? '').split(/\s+/))) return undefined;
  const large = argv.slice(1).some((arg) => !arg.startsWith('-') && filesUnder(arg, limit) >= limit);
  return large ? [YOUNG_GENERATION_FLAG, ...execArgv] : undefined;
}

/**
 * Regular files under `dir`, counted up to `limit` (0 for what is not a folder); links are not
 * followed, and at most `limit` folders are read, so that a tree of empty folders costs no more
 * than a large app.
 */
function filesUnder(dir, limit) {
  let count = 0;
  let folders = 0;
  const pending = [dir];
  while (pending.length > 0 && count < limit && folders++ < limit) {
    const at = pending.pop();
    let entries;
    try {
      entries = readdirSync(at, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isFile()) count++;
      else if (e.isDirectory() && !SKIPPED.has(e.name)) pending.push(path.join(at, e.name));
    }
  }
  return count;
}

/**
 * Runs `script argv` in a child Node started with `nodeArgs`, its standard streams this process's;
 * resolves with its exit code once it ends. Signals sent to this process reach it; a child killed
 * by a signal ends this process with the same. Resolves undefined when no child could be started,
 * so that the caller scans here.
 */
function runInChild(script, argv, nodeArgs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...argv], { stdio: 'inherit', env: { ...process.env, [CHILD_MARK]: '1' } });
    const forward = (signal) => child.kill(signal);
    const stopForwarding = () => FORWARDED_SIGNALS.forEach((s) => process.off(s, forward));
    FORWARDED_SIGNALS.forEach((s) => process.on(s, forward));
    child.on('error', () => {
      stopForwarding();
      resolve(undefined);
    });
    child.on('exit', (code, signal) => {
      stopForwarding();
      if (signal) process.kill(process.pid, signal);
      resolve(code ?? 1);
    });
  });
}

/** Writes this process's CPU time and peak memory where `FAASGUARD_USAGE_FILE` says, if it says. */
function writeUsage(env = process.env) {
  const file = env[USAGE_FILE];
  if (!file) return;
  const cpu = process.cpuUsage();
  writeFileSync(file, JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, pid: process.pid }));
}

module.exports = { childNodeArgs, runInChild, writeUsage, LARGE_APP_FILES, YOUNG_GENERATION_FLAG };
