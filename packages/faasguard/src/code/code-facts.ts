/**
 * What the code analyses produce for an AppModel, computed once per scan (per model and root) and
 * shared by every code rule: each function's handler, its flows and code events, and the facts of
 * every code file its handler reaches. Problems (handlers not found, files that do not parse, the
 * effort bound reached) are diagnostics, never exceptions.
 */
import { computeExposure } from '../analysis/exposure.js';
import type { FunctionExposure } from '../analysis/exposure-types.js';
import type { AppModel } from '../model/app-model.js';
import { ModelIndex } from '../model/model-index.js';
import { analyzeFunctionsCode, type FunctionsCode } from './function-code-facts.js';
import { MIN_FUNCTIONS_FOR_THREADS, startInTwoThreads } from './code-facts-threads.js';
import { loadPythonParser } from './parse-python.js';
import type { Exclusion } from '../discover/exclude-globs.js';

export type { FunctionCodeFacts } from './function-code-facts.js';

/** The code facts of the whole app, in model order, with each function's exposure. */
export interface CodeFacts extends FunctionsCode {
  exposure: Map<string, FunctionExposure>;
}

const CACHE = new WeakMap<AppModel, Map<string, CodeFacts>>();
/** The exclusion of the scan of a model, given by `startCodeAnalysis`, for facts computed on first use. */
const EXCLUSIONS = new WeakMap<AppModel, Map<string, Exclusion>>();

/** The code facts of a scan; computed on first use. */
export function codeFactsFor(model: AppModel, root: string): CodeFacts {
  return peekCodeFacts(model, root) ?? remember(model, root, computeCodeFacts(model, root, EXCLUSIONS.get(model)?.get(root) ?? {}));
}

function remember(model: AppModel, root: string, facts: CodeFacts): CodeFacts {
  let byRoot = CACHE.get(model);
  if (!byRoot) CACHE.set(model, (byRoot = new Map()));
  byRoot.set(root, facts);
  return facts;
}

/** The code facts when some rule already needed them (so a scan without code rules reads no code). */
export function peekCodeFacts(model: AppModel, root: string): CodeFacts | undefined {
  return CACHE.get(model)?.get(root);
}

function computeCodeFacts(model: AppModel, root: string, exclusion: Exclusion): CodeFacts {
  const index = ModelIndex.of(model);
  const code = analyzeFunctionsCode(model.functions, (fn) => index.triggersOf(fn), root, exclusion);
  return { ...code, exposure: computeExposure(model) };
}

/**
 * Loads what the code analyses need before the (synchronous) rules run (the Python grammar, when a
 * function runs Python) and, with `threads` above 1 on a large app, starts computing the code facts
 * on two threads (see `code-facts-threads.ts`): `finish` completes them, and rules find them ready.
 * `exclusion`: the scan's excluded paths, never read for code (nor found as a handler).
 * What runs between the two overlaps the worker.
 */
export async function startCodeAnalysis(model: AppModel, root: string, threads: number, exclusion: Exclusion = {}): Promise<{ finish(): Promise<void> }> {
  let byRoot = EXCLUSIONS.get(model);
  if (!byRoot) EXCLUSIONS.set(model, (byRoot = new Map()));
  byRoot.set(root, exclusion);
  const python = model.functions.some((f) => /^python/i.test(typeof f.runtime === 'string' ? f.runtime : ''));
  if (python) await loadPythonParser();
  if (threads < 2 || model.functions.length < MIN_FUNCTIONS_FOR_THREADS || peekCodeFacts(model, root)) return { finish: async () => {} };
  const started = startInTwoThreads(model, root, python, undefined, exclusion);
  return {
    async finish() {
      remember(model, root, { ...(await started.finish()), exposure: computeExposure(model) });
    },
  };
}

/** Loads what the code analyses need before the (synchronous) rules run, on this thread only. */
export async function prepareCodeAnalysis(model: AppModel, root = '.'): Promise<void> {
  await startCodeAnalysis(model, root, 1);
}
