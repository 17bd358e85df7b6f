/**
 * What a scan tells about its progress as it runs (`ScanOptions.onProgress`), for a progress display
 * and `--verbose`. Phases start in the order of `ScanPhase`; `onPhase` tells when each ends.
 */
import type { ScanPhase } from './scan.js';

export type ScanProgress =
  /** A phase begins */
  | { kind: 'phase'; phase: ScanPhase }
  /** A file found by discovery (`discover`), or a template loaded into the model (`load`) */
  | { kind: 'file'; phase: 'discover' | 'load'; file: string }
  /** `done` of `total` rules have run */
  | { kind: 'rule'; done: number; total: number }
  /** The files are those of an earlier scan, unchanged: its result is reused (see `cache/scan-cache.ts`) */
  | { kind: 'cached' };
