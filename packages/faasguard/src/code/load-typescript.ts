/**
 * Loads the TypeScript compiler into the shared object of `typescript-lib.cjs` on first use, with
 * V8's code cache (`files/code-cache.ts`). The entry points that read code (`parseJs`, the import
 * pre-scan) call it; everything else works on trees they made, after it.
 */
import { existsSync } from 'node:fs';
import ts from './typescript-lib.cjs';
import { defaultCodeCacheDir, requireWithCodeCache } from '../files/code-cache.js';
import { packageFile } from '../files/package-root.js';

/**
 * The package's own TypeScript, cut down to the parser and minified by the build
 * (`scripts/build-bundle.mjs`, `scripts/trim-typescript.mjs`): the names the scanner reads, in a
 * twentieth of the text, which is read, decoded and evaluated on every run. A build of the TypeScript
 * alone has none, and the installed package is loaded.
 */
const MINIFIED = packageFile('dist', 'bundle', 'typescript.cjs');

export function loadTypeScript(): void {
  if (typeof ts.createSourceFile === 'function') return;
  const specifier = existsSync(MINIFIED) ? MINIFIED : 'typescript';
  Object.assign(ts, requireWithCodeCache(specifier, import.meta.url, defaultCodeCacheDir()).exports as typeof ts);
}
