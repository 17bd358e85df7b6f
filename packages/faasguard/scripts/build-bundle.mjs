// Bundles the command line (dist/src/cli/main.js) twice, for bin/faasguard.js: Node then loads a
// few files instead of some 500 modules, which took a scan of the example from about 1.0 s to 0.6 s.
// dist/bundle/launch.cjs (src/cli/launch.ts) is what the entry script requires before main.cjs.
//  - dist/bundle/main.cjs, for the commands that scan an app: one CommonJS file, so that it can be
//    loaded with V8's code cache (src/files/code-cache.ts; Node 20 has none for ES modules), which
//    saves about 50 ms of compiling on a scan of the example and 150 ms on the shared corpus's
//    templates. What it imports lazily (the Serverless and Terraform loaders) is still evaluated
//    only when used, but all of it is read, and its cached code deserialized, on every run;
//  - dist/bundle/main.js, for the other commands (`--version`, `rules`, `explain`…): ES modules,
//    each command and what only it needs in chunks of their own, loaded when used (`--version` in
//    0.12 s, against 0.22 s from main.cjs). The code-analysis and file-scan workers and the
//    library's entry (dist/bundle/index.js) are entries of this build too.
// TypeScript is not bundled: it is loaded with the code cache, from dist/bundle/typescript.cjs, the
// package's own compiler cut down to the parser and the helpers the scanner calls, and minified
// (scripts/trim-typescript.mjs; 0.4 MB instead of 9.1 MB; its license header kept). Every run
// that reads code reads, decodes, deserializes and evaluates it, on each thread. web-tree-sitter
// (which finds its WebAssembly beside itself) is not bundled. The library's entry is an entry of
// the ES module build too (dist/bundle/index.js, the package's "exports"; its types stay those of
// dist/src): a program importing it loaded some 500 modules in about 0.5 s, and now 0.1 s. The notices of the bundled packages, the compiler's among them, go to
// dist/bundle/THIRD-PARTY-NOTICES.txt.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { namesReadFromTs, trimmedTypeScriptSource } from './trim-typescript.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(packageDir, 'dist', 'bundle');

/**
 * jsonc-parser's formatter and editor are never called, yet its main module imports them, and the
 * formatter's module builds 1,200 indentation strings when loaded: some 4 ms of every scan. Marked
 * free of side effects (they have none but those tables), they are left out with what uses them.
 */
const JSONC_UNUSED_PARTS = {
  name: 'jsonc-parser-unused-parts',
  setup(build) {
    build.onResolve({ filter: /^\.\/(impl\/)?(format|edit|string-intern)$/ }, (args) =>
      /[\\/]jsonc-parser[\\/]lib[\\/]esm[\\/]/.test(args.importer) ? { path: join(args.resolveDir, `${args.path}.js`), sideEffects: false } : undefined,
    );
  },
};

/** What both builds share. */
const COMMON = {
  bundle: true,
  platform: 'node',
  target: ['node20'],
  external: ['typescript', 'web-tree-sitter'],
  // jsonc-parser's "main" is a UMD build that requires its parts at run time; its "module" is plain ESM.
  mainFields: ['module', 'main'],
  legalComments: 'none',
  metafile: true,
  // The metafile's input paths are relative to this folder.
  absWorkingDir: packageDir,
  logLevel: 'warning',
  plugins: [JSONC_UNUSED_PARTS],
};

rmSync(out, { recursive: true, force: true });
const scanning = await build({
  ...COMMON,
  entryPoints: [join(packageDir, 'dist', 'src', 'cli', 'main.js')],
  outfile: join(out, 'main.cjs'),
  format: 'cjs',
  // Every scan reads and decodes the whole file: without its whitespace and comments it is 1.8 MB
  // instead of 2.4 MB, and a scan of the example 13-15 ms faster (alternated medians). Names are
  // kept (minifying them saved a few ms more, within the noise): a function's or class's name
  // reads as written wherever it is printed or compared.
  minifyWhitespace: true,
  minifySyntax: true,
  // The modules find the package's files and the workers' scripts from `import.meta.url`, which
  // CommonJS lacks: it is this file's URL, as the modules' own URL is in their folder's place.
  define: { 'import.meta.url': '__faasguardModuleUrl' },
  banner: { js: "var __faasguardModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// What bin/faasguard.js (CommonJS) requires to set the V8 flags and load main.cjs with its code cache.
const launch = await build({
  ...COMMON,
  entryPoints: [join(packageDir, 'dist', 'src', 'cli', 'launch.js')],
  outfile: join(out, 'launch.cjs'),
  format: 'cjs',
});
const modules = await build({
  ...COMMON,
  entryPoints: [
    join(packageDir, 'dist', 'src', 'cli', 'main.js'),
    join(packageDir, 'dist', 'src', 'index.js'),
    join(packageDir, 'dist', 'src', 'code', 'code-facts-worker.js'),
    join(packageDir, 'dist', 'src', 'analysis', 'file-scans-worker.js'),
  ],
  outdir: out,
  entryNames: '[name]',
  splitting: true,
  format: 'esm',
  // The CommonJS packages inside call `require` for Node's own modules.
  banner: { js: "import { createRequire as __faasguardCreateRequire } from 'node:module'; const require = __faasguardCreateRequire(import.meta.url);" },
});

const compilerFile = createRequire(join(packageDir, 'package.json')).resolve('typescript');
const compiler = trimmedTypeScriptSource(compilerFile, namesReadFromTs(join(packageDir, 'dist', 'src')));
const typescript = await build({
  ...COMMON,
  stdin: { contents: compiler.contents, sourcefile: relative(packageDir, compilerFile), resolveDir: packageDir },
  outfile: join(out, 'typescript.cjs'),
  external: [],
  format: 'cjs',
  minify: true,
  banner: { js: compiler.license },
});

writeFileSync(join(out, 'THIRD-PARTY-NOTICES.txt'), notices([scanning.metafile, launch.metafile, modules.metafile, typescript.metafile]));
console.log(`bundle: ${readdirSync(out).filter((f) => /\.c?js$/.test(f)).length} files written to ${relative(packageDir, out)}`);

/** The license text of every package the bundles hold code of, found by their inputs' paths. */
function notices(metafiles) {
  // Each package by name, with the folder its code was bundled from (wherever npm installed it).
  const packages = new Map();
  for (const input of metafiles.flatMap((m) => Object.keys(m.inputs))) {
    const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (m && !packages.has(m[2])) packages.set(m[2], join(packageDir, m[1]));
  }
  const parts = ['The faasguard command line bundles code of these packages; their notices follow.\n'];
  for (const [name, dir] of [...packages].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenses = readdirSync(dir).filter((f) => /^(licen[cs]e|copying)/i.test(f)).sort();
    if (licenses.length === 0) throw new Error(`${name} has no license file to carry into the bundle's notices`);
    parts.push(`\n== ${name} ${pkg.version} (${pkg.license})\n`);
    for (const file of licenses) parts.push(`\n-- ${file}\n\n${readFileSync(join(dir, file), 'utf8').trim()}\n`);
  }
  return parts.join('');
}
