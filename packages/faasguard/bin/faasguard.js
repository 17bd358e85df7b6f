#!/usr/bin/env node
// The bundled command line (see scripts/build-bundle.mjs): the same code as dist/src/cli/main.js,
// which runs instead when the bundle was not built (a build of the TypeScript alone).
//
// The commands that scan an app load the whole scanner anyway: they run dist/bundle/main.cjs, one
// file loaded with V8's code cache (dist/src/files/code-cache.js). The cache is written after a
// scan that compiled the bundle without one, so that it holds the functions a scan compiles. The
// other commands load only the modules they need from dist/bundle/main.js.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The commands of src/cli/main.ts that scan an app: a new one belongs here too. Left out, it still
// runs, from the ES modules, only without the cached code.
const SCANNING_COMMANDS = new Set(['scan', 'baseline', 'changed', 'map', 'policy']);
const SCANNER = fileURLToPath(new URL('../dist/bundle/main.cjs', import.meta.url));
const MODULES = new URL('../dist/bundle/main.js', import.meta.url);

const argv = process.argv.slice(2);
const scanner = SCANNING_COMMANDS.has(argv[0]) && existsSync(SCANNER) ? await loadScanner() : undefined;
const { main } = scanner ? scanner.exports : await import(existsSync(fileURLToPath(MODULES)) ? MODULES.href : '../dist/src/cli/main.js');
process.exitCode = await main(argv);
if (argv[0] === 'scan') scanner?.keepCode();

async function loadScanner() {
  const { setCommandLineV8Flags } = await import('../dist/src/cli/command-line-v8-flags.js');
  const { defaultCodeCacheDir, loadWithCodeCache } = await import('../dist/src/files/code-cache.js');
  // V8 takes a code cache only under the flags it was made with: the command line's own flags are
  // set before the bundle is compiled, as they were when the cache was written (main sets them again).
  setCommandLineV8Flags();
  return loadWithCodeCache(SCANNER, defaultCodeCacheDir());
}
