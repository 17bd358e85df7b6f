/**
 * What `bin/faasguard.js` runs before a command that scans: the command line's V8 flags, set before
 * the scanner's bundle is compiled (V8 takes a code cache only under the flags it was made with),
 * then the bundle itself loaded with its code cache. Built on its own as `dist/bundle/launch.cjs`
 * (`scripts/build-bundle.mjs`), so that the CommonJS entry script can `require` it: Node then starts
 * a scan without its ES module loader.
 */
import { setCommandLineV8Flags } from './command-line-v8-flags.js';
import { defaultCodeCacheDir, loadWithCodeCache, type CodeCacheLoad } from '../files/code-cache.js';

/** Evaluates the scanner's bundle `file` (an absolute path) under the command line's flags. */
export function loadScanner(file: string): CodeCacheLoad {
  setCommandLineV8Flags();
  return loadWithCodeCache(file, defaultCodeCacheDir());
}
