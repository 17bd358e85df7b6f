/**
 * Python files parsed ahead, on the file-scan thread (`analysis/file-scans-worker.ts`): once its
 * scans are sent, that thread waits for the main thread to load the templates and hand it a share
 * of the code analysis, which starts with the Python functions (see `code-facts-threads.ts`). It
 * spends the wait parsing the app's Python files in the order they were found, one per turn of
 * its event loop, and stops as soon as the share arrives: the trees wait in `parsePython`'s stash
 * for the analysis to ask for them (at 10,000 functions, the wait was some 2 s; parsing the Python
 * files takes 6 s of that thread's time).
 */
import type { DiscoveredFile } from '../discover/discover.js';
import { readRegularText } from '../files/read-regular-file.js';
import { pythonPackageFileTest } from '../discover/vendored-files.js';
import { loadPythonParser, parseAhead } from './parse-python.js';

/** Larger files are left for when they are needed: one would hold up the share it waits for. */
const MAX_FILE_BYTES = 256 * 1024;
/** Source parsed ahead in all: the trees wait in memory until asked for (8 MB of source held some 80 MB of trees). */
const MAX_TOTAL_BYTES = 8 * 1024 * 1024;

/**
 * Parses `files`' Python files until `stopped()` says the share has come, or the budget is spent.
 * Packages pip installed (a virtual environment, `site-packages`, a layer's install target) are
 * left out: the analysis reads few of them, and their trees would only wait.
 */
export async function parsePythonAhead(files: readonly DiscoveredFile[], stopped: () => boolean): Promise<void> {
  const installed = pythonPackageFileTest(files);
  const python = files.filter((f) => f.rel.endsWith('.py') && f.size <= MAX_FILE_BYTES && !installed(f.rel));
  if (python.length === 0 || !(await loadPythonParser())) return;
  let total = 0;
  for (const file of python) {
    // A turn of the event loop between files lets the share's message in.
    await new Promise((resolve) => setImmediate(resolve));
    if (stopped() || total + file.size > MAX_TOTAL_BYTES) return;
    const read = readRegularText(file.abs, MAX_FILE_BYTES);
    if (read.kind !== 'text') continue;
    total += file.size;
    parseAhead(file.rel, read.text);
  }
}
