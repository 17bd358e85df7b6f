/** The thread of `file-scans-ahead.ts`: computes the file scans it is given and sends them back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { DiscoveredFile } from '../discover/discover.js';
import { readFileScans, type FileScanRequest } from './file-scans.js';

/** What the main thread sends. */
export interface FileScansInput {
  files: DiscoveredFile[];
  request: FileScanRequest;
}

const input = workerData as FileScansInput;
parentPort?.postMessage(readFileScans(input.files, input.request));
