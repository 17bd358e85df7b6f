#!/usr/bin/env node
// The bundled command line (see scripts/build-bundle.mjs): the same code as dist/src/cli/main.js,
// which runs instead when the bundle was not built (a build of the TypeScript alone).
//
// This script is CommonJS (see package.json beside it): a scan then starts without Node's ES module
// loader, which cost some 10 ms of each run. The commands that scan an app load the whole scanner
// anyway: they run dist/bundle/main.cjs, one file loaded with V8's code cache by
// dist/bundle/launch.cjs (src/cli/launch.ts). The cache is written after a scan that compiled the
// bundle without one, so that it holds the functions a scan compiles. The other commands load only
// the modules they need from dist/bundle/main.js.
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { childNodeArgs, runInChild, writeUsage } = require('./large-app-process.js');

// The commands of src/cli/main.ts that scan an app: a new one belongs here too. Left out, it still
// runs, from the ES modules, only without the cached code.
const SCANNING_COMMANDS = new Set(['scan', 'baseline', 'changed', 'map', 'policy']);
const DIST = path.join(__dirname, '..', 'dist');
const SCANNER = path.join(DIST, 'bundle', 'main.cjs');
const LAUNCH = path.join(DIST, 'bundle', 'launch.cjs');
const MODULES = path.join(DIST, 'bundle', 'main.js');

// Exported for a program that runs the command line in its own process and waits for it to end
// (the benchmark does: bench/measure.ts).
const ARGS = process.argv.slice(2);
const done = run(ARGS);
module.exports = { done };
if (require.main === module && SCANNING_COMMANDS.has(ARGS[0])) done.then(exitOnceWritten);

async function run(argv) {
  // A large app is scanned in a child with a larger young generation (see large-app-process.js).
  const childArgs = SCANNING_COMMANDS.has(argv[0]) ? childNodeArgs(argv) : undefined;
  const childCode = childArgs ? await runInChild(__filename, argv, childArgs) : undefined;
  if (childCode !== undefined) {
    process.exitCode = childCode;
    return;
  }
  const scanner = SCANNING_COMMANDS.has(argv[0]) && existsSync(SCANNER) && existsSync(LAUNCH) ? require(LAUNCH).loadScanner(SCANNER) : undefined;
  const modules = existsSync(MODULES) ? MODULES : path.join(DIST, 'src', 'cli', 'main.js');
  const { main } = scanner ? scanner.exports : await import(pathToFileURL(modules).href);
  process.exitCode = await main(argv);
  if (argv[0] === 'scan') scanner?.keepCode();
  writeUsage();
}

// A scan's work is over when main returns: its reports and caches are written, its threads have
// answered. Left to end on its own, the process would first free the scan's heap piece by piece
// (some 10 ms on the example, 0.1 s on a 1,000-function app); it ends once standard output and
// error have taken what was written to them instead.
function exitOnceWritten() {
  let open = 2;
  const closed = () => {
    if (--open === 0) process.exit();
  };
  process.stdout.write('', closed);
  process.stderr.write('', closed);
}
