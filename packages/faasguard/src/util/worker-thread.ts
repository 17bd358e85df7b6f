/**
 * A worker thread started on `script` with `data`, and the first message it sends back. Its failures
 * (it cannot start, throws, or stops without answering) reject `answer`; until someone awaits it, a
 * rejection does not count as unhandled. Used by the code analysis's second thread and the file scans.
 */
import { Worker } from 'node:worker_threads';

export interface StartedWorker<T> {
  answer: Promise<T>;
  stop(): void;
}

export function startWorker<T>(script: URL, data: unknown): StartedWorker<T> {
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: data });
  } catch (e) {
    return { answer: Promise.reject(e as Error), stop: () => {} };
  }
  const answer = new Promise<T>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the worker thread stopped (exit code ${code})`)));
  });
  answer.catch(() => {});
  return { answer, stop: () => void worker.terminate() };
}
