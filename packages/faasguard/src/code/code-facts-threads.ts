/**
 * The code analysis on two threads: a worker analyzes the Python functions and the last of the
 * others while the main thread analyzes the first of the others (see `shares`); the main thread,
 * once done with its own work, helps with the worker's part from its end (see `FunctionClaims`),
 * and the parts are joined in model order. The
 * result is the one a single thread gives (a test compares them), so the reports do not depend on it.
 *
 * It pays only for large apps: a worker starts with a heap of its own and loads the parsers again
 * (some 0.3 s), and the code shared by both parts is parsed by both.
 */
import type { AppModel, LambdaFunction, Trigger } from '../model/app-model.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { ModelIndex } from '../model/model-index.js';
import type { FlowSource } from './taint/analyze-function.js';
import type { Exclusion } from '../discover/exclude-globs.js';
import { analyzeFunctionsCode, type FunctionsCode } from './function-code-facts.js';
import type { WorkerInput } from './code-facts-run.js';
import { startWorker } from '../util/worker-thread.js';
import { pushTo } from '../util/multimap.js';
import type { FileFacts } from './file-facts.js';
import { FunctionClaims } from './function-claims.js';

const WORKER = new URL('./code-facts-worker.js', import.meta.url);

/** Fewer functions than this are analyzed on one thread: the worker would cost more than it saves. */
export const MIN_FUNCTIONS_FOR_THREADS = 200;

/**
 * The main thread starts on its share when the templates are loaded, about when the other thread
 * is done with its file scans; after it, it reads dependencies and secrets and runs the rules that
 * need no code facts (see `startRules` in `rules/engine.ts`), then takes functions from the end of
 * the other's share until the two meet. Its share is therefore set below where the threads would
 * end together without that help on the benchmark's command line (0.49 of the functions at 1,000,
 * 0.43 at 10,000), so that the help, not a wait, evens out what an app and the machine make of it.
 */
const MAIN_THREAD_SHARE = 0.4;

/**
 * A thread already running that can take the worker's share (the file-scan thread, which has the
 * TypeScript compiler loaded): asked instead of starting a worker.
 */
export interface SpareThread {
  ask<A>(message: unknown): Promise<A>;
}

/** The code analysis started on two threads. */
export interface TwoThreads {
  /**
   * Analyzes this thread's share now, if not done yet: this thread then waits for nothing the other
   * one does (its file scans) until it has done its own part.
   */
  analyzeMine(): void;
  /** This thread's share (unless done already), then help with the other's, joined in model order. */
  finish(): Promise<FunctionsCode>;
}

/**
 * Starts the worker on its share of the functions at once (or hands it to `spare`); `analyzeMine`
 * analyzes the rest on this thread, and `finish` helps with the worker's share, then joins all.
 */
export function startInTwoThreads(model: AppModel, root: string, python: boolean, script: URL = WORKER, exclusion: Exclusion = {}, spare?: SpareThread): TwoThreads {
  const index = ModelIndex.of(model);
  const analyze = (fns: readonly LambdaFunction[], take?: (i: number) => boolean): FunctionsCode => analyzeFunctionsCode(fns, (fn) => index.triggersOf(fn), root, exclusion, take);
  const { mine, theirs } = shares(model.functions, Math.floor(model.functions.length * MAIN_THREAD_SHARE));
  const claims = new FunctionClaims(theirs.length);
  const input: WorkerInput = { root, functions: theirs, triggers: theirs.flatMap((fn) => index.triggersOf(fn)), python, exclusion, claims: claims.buffer };
  const worker = spare ? { answer: spare.ask<FunctionsCode>(input), stop: () => {} } : startWorker<FunctionsCode>(script, input);
  let ownCode: FunctionsCode | undefined;
  const analyzeMine = (): FunctionsCode => (ownCode ??= analyze(mine));
  return {
    analyzeMine: () => void analyzeMine(),
    async finish() {
      const own = analyzeMine();
      const helped = fromTheEnd(theirs, claims, analyze);
      try {
        return joined([own, restored(await worker.answer, model), helped.code], model);
      } catch {
        // A worker that cannot start or fails (no worker script beside this module, out of
        // memory) costs the scan its speed, not its result: what it claimed is analyzed here.
        return joined([own, analyze(theirs.slice(0, helped.from)), helped.code], model);
      } finally {
        worker.stop();
      }
    },
  };
}

/**
 * The two shares, by language: each thread compiles the code of the parsers and analyses it runs
 * as it warms up, so a parser run on both threads is warmed up twice (the TypeScript parser took
 * 0.9 s more of the processor on two threads than on one, for the same files). This thread takes
 * its `size` functions from those not running Python, the other thread the Python functions
 * first, then the rest: the help from this thread's end (`fromTheEnd`) takes the same language as
 * its own share.
 */
function shares(functions: readonly LambdaFunction[], size: number): { mine: LambdaFunction[]; theirs: LambdaFunction[] } {
  const python = functions.filter(runsPython);
  const others = functions.filter((fn) => !runsPython(fn));
  const ordered = [...others, ...python];
  const mine = ordered.slice(0, size);
  const rest = ordered.slice(size);
  return { mine, theirs: [...rest.filter(runsPython), ...rest.filter((fn) => !runsPython(fn))] };
}

export function runsPython(fn: LambdaFunction): boolean {
  return /^python/i.test(typeof fn.runtime === 'string' ? fn.runtime : '');
}

/**
 * The functions of the worker's share it has not claimed, analyzed here from the last one back
 * until one it has claimed; `from`: the first of them. Their facts are given in model order.
 */
function fromTheEnd(theirs: readonly LambdaFunction[], claims: FunctionClaims, analyze: (fns: readonly LambdaFunction[], take: (i: number) => boolean) => FunctionsCode): { from: number; code: FunctionsCode } {
  let from = theirs.length;
  const take = (i: number): boolean => {
    const claimed = claims.take(theirs.length - 1 - i);
    if (claimed) from = theirs.length - 1 - i;
    return claimed;
  };
  const code = analyze([...theirs].reverse(), take);
  code.functions.reverse();
  return { from, code };
}

/** The worker's copies of model objects replaced by the model's own, found by id. */
function restored(code: FunctionsCode, model: AppModel): FunctionsCode {
  const index = ModelIndex.of(model);
  const triggers = new Map(model.triggers.map((t) => [t.id, t]));
  const own = (fn: LambdaFunction): LambdaFunction => index.function(fn.id) ?? fn;
  const ownTriggers = (source: FlowSource | undefined): void => {
    if (source) source.triggers = source.triggers.map((t: Trigger) => triggers.get(t.id) ?? t);
  };
  for (const f of code.functions) {
    f.fn = own(f.fn);
    for (const flow of f.analysis?.flows ?? []) ownTriggers(flow.source);
    for (const list of [f.analysis?.verboseErrors, f.analysis?.unverifiedTokenDecisions, f.analysis?.clientAuthorization, f.analysis?.eventLogs]) {
      for (const event of list ?? []) ownTriggers(event.source);
    }
  }
  return code;
}

/**
 * Parts joined as one thread going through all the functions in model order would have found
 * them: the functions in model order, the files in the order first reached, each file's users in
 * model order.
 */
function joined(parts: readonly FunctionsCode[], model: AppModel): FunctionsCode {
  const order = new Map(model.functions.map((fn, i) => [fn, i]));
  const functions = parts.flatMap((p) => p.functions).sort((a, b) => (order.get(a.fn) ?? 0) - (order.get(b.fn) ?? 0));
  const found = new Map<string, FileFacts>();
  for (const part of parts) for (const [file, facts] of part.files) if (!found.has(file)) found.set(file, facts);
  const files = new Map<string, FileFacts>();
  const usersOf = new Map<string, LambdaFunction[]>();
  for (const f of functions) {
    for (const file of f.files) {
      const users = usersOf.get(file);
      if (users?.[users.length - 1] !== f.fn) pushTo(usersOf, file, f.fn);
      const facts = found.get(file);
      if (facts && !files.has(file)) files.set(file, facts);
    }
  }
  return { functions, files, usersOf, diagnostics: uniqueDiagnostics(parts.flatMap((p) => p.diagnostics)) };
}

/** A file two parts read (a shared module that does not parse) is reported once. */
function uniqueDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\0${d.loc.file}\0${d.loc.line}\0${d.loc.column}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
