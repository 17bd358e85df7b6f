/**
 * The thread of `file-scans-ahead.ts`: computes the file scans it is given and sends them back.
 * Then, if the main thread asks, it analyzes a share of the functions' code: it is already running
 * with the TypeScript compiler loaded, where a new code-analysis worker would start and load it
 * again (see `code-facts-threads.ts`). Until it asks, the thread parses Python files ahead
 * (`code/python-ahead.ts`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DiscoveredFile } from '../discover/discover.js';
import type { WorkerInput } from '../code/code-facts-run.js';
import { readFileScans, type FileScanRequest } from './file-scans.js';
import { parsePythonAhead } from '../code/python-ahead.js';

/** What the main thread sends. */
export interface FileScansInput {
  files: DiscoveredFile[];
  request: FileScanRequest;
}

const input = workerData as FileScansInput;
parentPort?.postMessage(readFileScans(input.files, input.request));
let asked = false;
parentPort?.once('message', (share: WorkerInput) => {
  asked = true;
  void import('../code/code-facts-run.js').then(async ({ analyzeWorkerShare }) => parentPort?.postMessage(await analyzeWorkerShare(share)));
});
// While the main thread loads the templates: the share that may follow starts with the Python functions.
void parsePythonAhead(input.files, () => asked);
