/**
 * Loads the TypeScript compiler into the shared object of `typescript-lib.cjs` on first use, with
 * V8's code cache (`files/code-cache.ts`). The entry points that read code (`parseJs`, the import
 * pre-scan) call it; everything else works on trees they made, after it.
 */
import ts from './typescript-lib.cjs';
import { defaultCodeCacheDir, requireWithCodeCache } from '../files/code-cache.js';

export function loadTypeScript(): void {
  if (typeof ts.createSourceFile === 'function') return;
  Object.assign(ts, requireWithCodeCache('typescript', import.meta.url, defaultCodeCacheDir()).exports as typeof ts);
}
