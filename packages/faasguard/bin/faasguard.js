#!/usr/bin/env node
// The bundled command line (see scripts/build-bundle.mjs): the same code as dist/src/cli/main.js,
// which runs instead when the bundle was not built (a build of the TypeScript alone). The bundle is
// loaded with V8's code cache (dist/src/files/code-cache.js), written after a scan that compiled it
// without one: the cache then holds the functions a scan compiles, not only those `--version` does.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { limitHeapGrowth } from '../dist/src/cli/heap-growth.js';
import { defaultCodeCacheDir, loadWithCodeCache } from '../dist/src/files/code-cache.js';

const BUNDLE = fileURLToPath(new URL('../dist/bundle/main.cjs', import.meta.url));

// V8 takes a code cache only under the flags it was made with: the command line's own flag is set
// before the bundle is compiled, as it was when the cache was written (main sets it again).
limitHeapGrowth();

const argv = process.argv.slice(2);
const bundle = existsSync(BUNDLE) ? loadWithCodeCache(BUNDLE, defaultCodeCacheDir()) : undefined;
const { main } = bundle ? bundle.exports : await import('../dist/src/cli/main.js');
process.exitCode = await main(argv);
if (argv[0] === 'scan') bundle?.keepCode();
