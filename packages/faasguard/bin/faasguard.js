#!/usr/bin/env node
// The bundled command line (see scripts/build-bundle.mjs): the same code as dist/src/cli/main.js,
// which runs instead when the bundle was not built (a build of the TypeScript alone).
const BUNDLE = new URL('../dist/bundle/main.js', import.meta.url);

async function load() {
  try {
    return await import(BUNDLE.href);
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist/bundle/main.js')) throw e;
    return import('../dist/src/cli/main.js');
  }
}

const { main } = await load();
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
