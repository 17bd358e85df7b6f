/**
 * What the code analyses produce for an AppModel, computed once per scan (per model and root) and
 * shared by every code rule: each function's handler, its flows and code events, and the facts of
 * every code file its handler reaches. Problems (handlers not found, files that do not parse, the
 * effort bound reached) are diagnostics, never exceptions. What may be read (the root, minus the
 * scan's exclusion) is given by each caller as a `CodeScope`: rules take it from their context.
 */
import { computeExposure } from '../analysis/exposure.js';
import type { FunctionExposure } from '../analysis/exposure-types.js';
import type { AppModel } from '../model/app-model.js';
import { ModelIndex } from '../model/model-index.js';
import { analyzeFunctionsCode, type FunctionCodeFacts, type FunctionsCode } from './function-code-facts.js';
import { MIN_FUNCTIONS_FOR_THREADS, runsPython, startInTwoThreads, type SpareThread } from './code-facts-threads.js';
import { loadPythonParser } from './parse-python.js';
import type { CodeScope } from './code-scope.js';
import { CodeFactsPending } from './code-facts-pending.js';

export type { FunctionCodeFacts } from './function-code-facts.js';
export type { CodeScope } from './code-scope.js';

/** The code facts of the whole app, in model order, with each function's exposure. */
export interface CodeFacts extends FunctionsCode {
  exposure: Map<string, FunctionExposure>;
  /** `functions` by function id: a rule that looks up one function's facts per element does not scan them all */
  byFunction: Map<string, FunctionCodeFacts>;
}

/** Computed facts, per model and root: a scan has one model, analysed in one scope. */
const CACHE = new WeakMap<AppModel, Map<string, CodeFacts>>();

/** Roots whose facts two threads are computing, per model (see `startCodeAnalysis`). */
const PENDING = new WeakMap<AppModel, Set<string>>();

/**
 * The code facts of a scan; computed on first use. While two threads are computing them, asking
 * throws `CodeFactsPending`: computing them again here would only double the work.
 */
export function codeFactsFor(model: AppModel, scope: CodeScope): CodeFacts {
  const known = peekCodeFacts(model, scope.root);
  if (known) return known;
  if (PENDING.get(model)?.has(scope.root)) throw new CodeFactsPending();
  return remember(model, scope.root, computeCodeFacts(model, scope));
}

function remember(model: AppModel, root: string, facts: CodeFacts): CodeFacts {
  let byRoot = CACHE.get(model);
  if (!byRoot) CACHE.set(model, (byRoot = new Map()));
  byRoot.set(root, facts);
  return facts;
}

function setPending(model: AppModel, root: string, pending: boolean): void {
  let roots = PENDING.get(model);
  if (!roots) PENDING.set(model, (roots = new Set()));
  if (pending) roots.add(root);
  else roots.delete(root);
}

/** The code facts when some rule already needed them (so a scan without code rules reads no code). */
export function peekCodeFacts(model: AppModel, root: string): CodeFacts | undefined {
  return CACHE.get(model)?.get(root);
}

function computeCodeFacts(model: AppModel, { root, exclusion }: CodeScope): CodeFacts {
  const index = ModelIndex.of(model);
  const code = analyzeFunctionsCode(model.functions, (fn) => index.triggersOf(fn), root, exclusion);
  return withIndexes(model, code);
}

function withIndexes(model: AppModel, code: FunctionsCode): CodeFacts {
  return { ...code, exposure: computeExposure(model), byFunction: new Map(code.functions.map((f) => [f.fn.id, f])) };
}

/** A code analysis started by `startCodeAnalysis`. */
export interface StartedCodeAnalysis {
  /** On two threads: this thread's share, done now (see `TwoThreads.analyzeMine`); otherwise nothing. */
  analyzeMine(): void;
  /** Completes the code facts (see `startCodeAnalysis`). */
  finish(): Promise<void>;
  /** Whether another thread computes part of them: until `finish`, asking for them throws `CodeFactsPending`. */
  onTwoThreads: boolean;
}

/**
 * Loads what the code analyses need before the (synchronous) rules run (the Python grammar, when a
 * function runs Python) and, with `threads` above 1 on a large app, starts computing the code facts
 * on two threads (see `code-facts-threads.ts`): `finish` completes them, and rules find them ready
 * (asked before, they throw `CodeFactsPending`).
 * What runs between the two overlaps the worker. On one thread, `eager` computes them in `finish`
 * too (a scan with every rule needs them: their time then counts in the analyses, not in the
 * first rule that asks); otherwise the first rule that needs them computes them. `spare`: a thread
 * already running that takes the second share instead of a new worker (see `SpareThread`).
 */
export async function startCodeAnalysis(model: AppModel, scope: CodeScope, threads: number, eager = false, spare?: SpareThread): Promise<StartedCodeAnalysis> {
  const { root, exclusion } = scope;
  const python = model.functions.some(runsPython);
  if (python) await loadPythonParser();
  if (peekCodeFacts(model, root)) return { analyzeMine: () => {}, finish: async () => {}, onTwoThreads: false };
  if (threads < 2 || model.functions.length < MIN_FUNCTIONS_FOR_THREADS) return { analyzeMine: () => {}, finish: async () => void (eager && codeFactsFor(model, scope)), onTwoThreads: false };
  const started = startInTwoThreads(model, root, python, undefined, exclusion, spare);
  setPending(model, root, true);
  return {
    onTwoThreads: true,
    analyzeMine: started.analyzeMine,
    async finish() {
      try {
        remember(model, root, withIndexes(model, await started.finish()));
      } finally {
        setPending(model, root, false);
      }
    },
  };
}

/** Loads what the code analyses need before the (synchronous) rules run, on this thread only. */
export async function prepareCodeAnalysis(model: AppModel, root = '.'): Promise<void> {
  await startCodeAnalysis(model, { root, exclusion: {} }, 1);
}
