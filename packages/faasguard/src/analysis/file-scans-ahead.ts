/**
 * The file scans of a large app (`file-scans.ts`: imports and secrets, file by file) started on a
 * thread of their own as soon as the files are listed, while the main thread loads the templates.
 * Loading leaves the second core idle; the dependency and secret analyses that follow it then find
 * their files already read. A thread that fails or is missing costs the speed only: the analyses
 * compute every file they do not find here. Once its scans are sent, the thread can take the
 * second share of the code analysis (`ask`, see `SpareThread` in `code/code-facts-threads.ts`).
 */
import type { DiscoveredFile } from '../discover/discover.js';
import { mayHoldImports, maySearchForSecrets, type FileScanRequest, type FileScans } from './file-scans.js';
import type { FileScansInput } from './file-scans-worker.js';
import { startWorker } from '../util/worker-thread.js';
import type { SpareThread } from '../code/code-facts-threads.js';

const WORKER = new URL('./file-scans-worker.js', import.meta.url);

/** Fewer files than this are read by the analyses themselves: a thread costs some 0.3 s to start. */
export const MIN_FILES_AHEAD = 200;

export interface FileScansAhead extends SpareThread {
  /** The results, or undefined when the thread failed */
  results(): Promise<FileScans | undefined>;
  stop(): void;
}

/** Starts the thread when there are enough files and a second thread to run it; undefined otherwise. */
export function startFileScansAhead(files: readonly DiscoveredFile[], request: FileScanRequest, threads: number, script: URL = WORKER): FileScansAhead | undefined {
  if (threads < 2 || (!request.imports && !request.secrets)) return undefined;
  const candidates = files.filter((f) => (request.imports && mayHoldImports(f)) || (request.secrets && maySearchForSecrets(f)));
  if (candidates.length < MIN_FILES_AHEAD) return undefined;
  const input: FileScansInput = { files: [...files], request };
  const worker = startWorker<FileScans>(script, input);
  const answer = worker.answer.catch(() => undefined);
  return { results: () => answer, ask: (message) => worker.ask(message), stop: () => worker.stop() };
}
