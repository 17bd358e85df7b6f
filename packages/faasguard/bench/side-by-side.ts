/**
 * What the machine gives a second core on the scan's own work: two one-thread scans of the same app
 * in two processes at once, against one alone, the two taken in turns so that a drift of the
 * machine's speed moves both alike. Two processes share nothing but the machine, so the gain they
 * get is the most a second thread of one scan could get; on a machine whose cores slow each other
 * down (memory, caches, a shared host), it is well below 2, and so is what the scan's second thread
 * can gain (`secondThreadGain` in `run.ts`).
 */
import { median } from './figures.js';
import { wallTogether } from './fresh-process.js';

export interface SideBySide {
  /** Median wall time of one one-thread scan alone, in the same rounds */
  aloneMs: number;
  /** Median wall time of two one-thread scans started at once, until both end */
  wallMs: number;
  /** 2 × alone / two at once: 2.0 for a machine whose cores do not slow each other */
  gain: number;
}

export async function sideBySide(dir: string, runs: number): Promise<SideBySide> {
  const alone: number[] = [];
  const together: number[] = [];
  for (let i = 0; i < runs; i++) {
    alone.push(await wallTogether('scan-1-thread', dir, 1));
    together.push(await wallTogether('scan-1-thread', dir, 2));
  }
  const aloneMs = median(alone);
  const wallMs = median(together);
  return { aloneMs, wallMs, gain: (2 * aloneMs) / wallMs };
}
