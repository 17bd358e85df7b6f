/**
 * A second thread's part of the code analysis (see `code-facts-threads.ts`): the functions it is
 * given and can claim, analyzed as the main thread analyzes its own. Model objects cross the thread
 * boundary as copies; the main thread puts its own objects back in their place by id. Run by the
 * code-analysis worker, or by the file-scan thread once its scans are sent
 * (`analysis/file-scans-worker.ts`).
 */
import type { LambdaFunction, Trigger } from '../model/app-model.js';
import { analyzeFunctionsCode, type FunctionsCode } from './function-code-facts.js';
import { dropParsedAhead, loadPythonParser } from './parse-python.js';
import { pushTo } from '../util/multimap.js';
import type { Exclusion } from '../discover/exclude-globs.js';
import { FunctionClaims } from './function-claims.js';

/** What the main thread sends. */
export interface WorkerInput {
  root: string;
  functions: LambdaFunction[];
  /** The triggers of those functions */
  triggers: Trigger[];
  python: boolean;
  exclusion: Exclusion;
  /** Claims shared with the main thread (see `FunctionClaims`); without them, every function is analyzed */
  claims?: SharedArrayBuffer;
}

export async function analyzeWorkerShare(input: WorkerInput): Promise<FunctionsCode> {
  if (input.python) await loadPythonParser();
  const triggersOf = new Map<string, Trigger[]>();
  for (const t of input.triggers) pushTo(triggersOf, t.functionId, t);
  const claims = input.claims ? new FunctionClaims(input.claims) : undefined;
  try {
    return analyzeFunctionsCode(input.functions, (fn) => triggersOf.get(fn.id) ?? [], input.root, input.exclusion, claims && ((index) => claims.take(index)));
  } finally {
    dropParsedAhead();
  }
}
