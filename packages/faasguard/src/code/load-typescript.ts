/**
 * Loads the TypeScript compiler into the shared object of `typescript-lib.cjs` on first use. The
 * entry points that read code (`parseJs`, the import pre-scan) call it; everything else works on
 * trees they made, after it.
 */
import { createRequire } from 'node:module';
import ts from './typescript-lib.cjs';

const require = createRequire(import.meta.url);

export function loadTypeScript(): void {
  if (typeof ts.createSourceFile === 'function') return;
  Object.assign(ts, require('typescript') as typeof ts);
}
