/**
 * A worker thread's part of the code analysis (see `code-facts-threads.ts`): it analyzes the
 * functions it is given and sends back what it found. Model objects cross the thread boundary as
 * copies; the main thread puts its own objects back in their place by id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LambdaFunction, Trigger } from '../model/app-model.js';
import { analyzeFunctionsCode } from './function-code-facts.js';
import { loadPythonParser } from './parse-python.js';
import { pushTo } from '../util/multimap.js';
import type { Exclusion } from '../discover/exclude-globs.js';

/** What the main thread sends. */
export interface WorkerInput {
  root: string;
  functions: LambdaFunction[];
  /** The triggers of those functions */
  triggers: Trigger[];
  python: boolean;
  exclusion: Exclusion;
}

async function run(input: WorkerInput): Promise<void> {
  if (input.python) await loadPythonParser();
  const triggersOf = new Map<string, Trigger[]>();
  for (const t of input.triggers) pushTo(triggersOf, t.functionId, t);
  const code = analyzeFunctionsCode(input.functions, (fn) => triggersOf.get(fn.id) ?? [], input.root, input.exclusion);
  parentPort?.postMessage(code);
}

await run(workerData as WorkerInput);
