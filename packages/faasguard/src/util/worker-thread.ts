/**
 * A worker thread started on `script` with `data`, and the first message it sends back. Its failures
 * (it cannot start, throws, or stops without answering) reject `answer`; until someone awaits it, a
 * rejection does not count as unhandled. Used by the code analysis's second thread and the file scans.
 *
 * A thread may take more work after its answer (`ask`): it answers each message with one message,
 * in order. While no answer is awaited, the thread does not keep the process alive.
 */
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';

/** Node's module, loaded when a thread starts (some 3 ms): below 200 files a scan starts none. */
const requireWhenUsed = createRequire(import.meta.url);

export interface StartedWorker<T> {
  answer: Promise<T>;
  /** Sends `message` at once and resolves with the thread's answer to it; rejects when the thread fails or has stopped. */
  ask<A>(message: unknown): Promise<A>;
  stop(): void;
}

interface Awaited {
  resolve(message: unknown): void;
  reject(e: Error): void;
}

export function startWorker<T>(script: URL, data: unknown): StartedWorker<T> {
  let worker: Worker;
  try {
    const threads = requireWhenUsed('node:worker_threads') as typeof import('node:worker_threads');
    worker = new threads.Worker(script, { workerData: data });
  } catch (e) {
    const failed = quiet(Promise.reject(e as Error));
    return { answer: failed, ask: () => failed, stop: () => {} };
  }
  const awaited: Awaited[] = [];
  let stopped: Error | undefined;
  const fail = (e: Error): void => {
    stopped ??= e;
    for (const a of awaited.splice(0)) a.reject(stopped);
  };
  worker.on('message', (message) => {
    awaited.shift()?.resolve(message);
    if (awaited.length === 0) worker.unref();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the worker thread stopped (exit code ${code})`)));
  const expect = <A>(): Promise<A> => quiet(new Promise<A>((resolve, reject) => awaited.push({ resolve: resolve as (m: unknown) => void, reject })));
  return {
    answer: expect<T>(),
    ask: <A>(message: unknown): Promise<A> => {
      if (stopped) return quiet(Promise.reject(stopped));
      const reply = expect<A>();
      worker.ref();
      worker.postMessage(message);
      return reply;
    },
    stop: () => void worker.terminate(),
  };
}

/** The promise, its rejection not counted as unhandled until someone awaits it. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
