/**
 * The code analysis on two threads: a worker analyzes the last part of the functions while the
 * main thread analyzes the first, then the two parts are joined in model order. The result is
 * the one a single thread gives (a test compares them), so the reports do not depend on it.
 *
 * It pays only for large apps: a worker starts with a heap of its own and loads the parsers again
 * (some 0.3 s), and the code shared by both halves is parsed by both.
 */
import type { AppModel, LambdaFunction, Trigger } from '../model/app-model.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { ModelIndex } from '../model/model-index.js';
import type { FlowSource } from './taint/analyze-function.js';
import type { Exclusion } from '../discover/exclude-globs.js';
import { analyzeFunctionsCode, type FunctionsCode } from './function-code-facts.js';
import type { WorkerInput } from './code-facts-run.js';
import { startWorker } from '../util/worker-thread.js';

const WORKER = new URL('./code-facts-worker.js', import.meta.url);

/** Fewer functions than this are analyzed on one thread: the worker would cost more than it saves. */
export const MIN_FUNCTIONS_FOR_THREADS = 200;

/**
 * The main thread starts on its share when the templates are loaded, about when the other thread
 * is done with its file scans; after it, it reads dependencies and secrets and runs the rules that
 * need no code facts (see `startRules` in `rules/engine.ts`): it takes less. On the benchmark's
 * command line both threads end together at 0.49 for 1,000 functions and 0.43 for 10,000; this is
 * between, measured fastest for both.
 */
const MAIN_THREAD_SHARE = 0.45;

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
  /** This thread's share (unless done already), then the other's, joined in model order. */
  finish(): Promise<FunctionsCode>;
}

/**
 * Starts the worker on its share of the functions at once (or hands it to `spare`); `analyzeMine`
 * analyzes the rest on this thread, and `finish` joins both. Work done after this thread's share
 * (the other analyses of a scan) overlaps the worker's, which is why this thread takes a little
 * less than half.
 */
export function startInTwoThreads(model: AppModel, root: string, python: boolean, script: URL = WORKER, exclusion: Exclusion = {}, spare?: SpareThread): TwoThreads {
  const index = ModelIndex.of(model);
  const analyze = (fns: readonly LambdaFunction[]): FunctionsCode => analyzeFunctionsCode(fns, (fn) => index.triggersOf(fn), root, exclusion);
  const split = Math.floor(model.functions.length * MAIN_THREAD_SHARE);
  const mine = model.functions.slice(0, split);
  const theirs = model.functions.slice(split);
  const input: WorkerInput = { root, functions: theirs, triggers: theirs.flatMap((fn) => index.triggersOf(fn)), python, exclusion };
  const worker = spare ? { answer: spare.ask<FunctionsCode>(input), stop: () => {} } : startWorker<FunctionsCode>(script, input);
  let ownCode: FunctionsCode | undefined;
  const analyzeMine = (): FunctionsCode => (ownCode ??= analyze(mine));
  return {
    analyzeMine: () => void analyzeMine(),
    async finish() {
      const own = analyzeMine();
      try {
        return joined(own, restored(await worker.answer, model));
      } catch {
        // A worker that cannot start or fails (no worker script beside this module, out of
        // memory) costs the scan its speed, not its result: its part is analyzed here.
        return joined(own, analyze(theirs));
      } finally {
        worker.stop();
      }
    },
  };
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
  for (const [file, users] of code.usersOf) code.usersOf.set(file, users.map(own));
  return code;
}

/** Both halves in model order: what one thread would have found going through all functions. */
function joined(first: FunctionsCode, second: FunctionsCode): FunctionsCode {
  const files = new Map(first.files);
  for (const [file, facts] of second.files) if (!files.has(file)) files.set(file, facts);
  const usersOf = new Map([...first.usersOf].map(([file, users]) => [file, [...users]]));
  for (const [file, users] of second.usersOf) usersOf.set(file, [...(usersOf.get(file) ?? []), ...users]);
  return { functions: [...first.functions, ...second.functions], files, usersOf, diagnostics: uniqueDiagnostics([...first.diagnostics, ...second.diagnostics]) };
}

/** A file both halves read (a shared module that does not parse) is reported once. */
function uniqueDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\0${d.loc.file}\0${d.loc.line}\0${d.loc.column}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
