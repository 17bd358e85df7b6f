// Builds the HTML report's inlined assets into dist/report-assets/: the client script
// (src/report/html/client/main.ts bundled with dagre, minified, one IIFE) and the style sheet.
// Every report carries them, so they are minified; the readable sources are in the repository.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const client = join(packageDir, 'src', 'report', 'html', 'client');
const out = join(packageDir, 'dist', 'report-assets');

// dagre's MIT license asks for its notice in copies: the bundle (and so every report) keeps it.
const require = createRequire(import.meta.url);
const dagreLicense = readFileSync(join(dirname(require.resolve('@dagrejs/dagre/package.json')), 'LICENSE'), 'utf8').trim();

await build({
  entryPoints: [join(client, 'main.ts')],
  outfile: join(out, 'report.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  minify: true,
  legalComments: 'none',
  banner: { js: `/*! faasguard HTML report. Bundles @dagrejs/dagre and @dagrejs/graphlib:\n${dagreLicense}\n*/` },
  logLevel: 'warning',
});
await build({
  entryPoints: [join(client, 'report.css')],
  outfile: join(out, 'report.css'),
  minify: true,
  logLevel: 'warning',
});

for (const name of ['report.js', 'report.css']) {
  const text = readFileSync(join(out, name), 'utf8');
  // The page inlines both; a closing tag or a comment opener would end the element early.
  if (/<\/script|<\/style|<!--/i.test(text)) throw new Error(`${name} cannot be inlined: it holds </script, </style or <!--`);
  console.log(`report assets: ${name} ${statSync(join(out, name)).size} bytes`);
}
