/**
 * How far the heap may grow past what the last full garbage collection left alive: twice, instead
 * of V8's own factor (up to four times on a machine with memory to spare). A large app's scan keeps
 * a few hundred MB alive, but its heap filled with more than 1 GB of garbage between two full
 * collections: the 10,000-function benchmark app peaked at 1.74 GB, and at 1.30 GB with this, in
 * the same time (the collections it adds are few and run beside the scan).
 *
 * Set by the command line only: a program that calls the library keeps its own settings. Set on the
 * Node.js versions whose V8 has the flag (it has had it for years), since V8 reports an unknown flag
 * on stderr.
 */
import { setV8Flag } from '../util/v8-flags.js';

const HEAP_GROWING_PERCENT = 100;
const NODE_MAJORS_WITH_FLAG = { from: 20, to: 24 };

export function limitHeapGrowth(nodeVersion: string = process.versions.node): boolean {
  const major = Number(nodeVersion.split('.')[0]);
  if (!(major >= NODE_MAJORS_WITH_FLAG.from && major <= NODE_MAJORS_WITH_FLAG.to)) return false;
  setV8Flag(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
