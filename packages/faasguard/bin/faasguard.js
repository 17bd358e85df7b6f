#!/usr/bin/env node
// The bundled command line (see scripts/build-bundle.mjs): the same code as dist/src/cli/main.js.
import { main } from '../dist/bundle/main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
