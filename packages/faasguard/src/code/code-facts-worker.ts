/** The code-analysis worker thread (see `code-facts-threads.ts`): analyzes its share and sends it back. */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeWorkerShare, type WorkerInput } from './code-facts-run.js';

export type { WorkerInput } from './code-facts-run.js';

parentPort?.postMessage(await analyzeWorkerShare(workerData as WorkerInput));
