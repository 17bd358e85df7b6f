/**
 * How much a function must run before V8 optimizes it: 16 times V8's default. A scan runs much code
 * a few thousand times (the TypeScript and YAML parsers, the code analysis, a hundred rules), and V8
 * optimized a great deal of it on background threads: on the 1,000-function benchmark app about
 * 2.5 s of CPU, a quarter of the scan's, on a machine of two cores where those threads compete with
 * the scan's own two, and a second thread's isolate optimizes it all again. With this budget only
 * the code that runs most is optimized: command-line scans alternated with the build before took
 * 5.44 s instead of 6.08 s on that app and 2.26 s instead of 2.59 s on the shared corpus's 559
 * templates (medians of five), the same on the example, within the noise at 10,000 functions.
 *
 * Set by the command line only, with the heap growth (`heap-growth.ts`), before the scanner's code
 * is loaded: V8 refuses code cached under other flags, and the code cache names its files by the
 * flags set.
 */
import { setV8Flag } from '../util/v8-flags.js';

/** Node.js 20's V8 (11.3) has a budget of 67,584 bytes of bytecode run. */
export const OPTIMIZATION_BUDGET = 16 * 67_584;
/**
 * Measured on Node.js 20 only: later V8s decide on optimizing by counting calls as well, and what
 * this budget does there has not been measured, so their defaults stand.
 */
const NODE_MAJORS_MEASURED = { from: 20, to: 20 };

export function raiseOptimizationBudget(nodeVersion: string = process.versions.node): boolean {
  const major = Number(nodeVersion.split('.')[0]);
  if (!(major >= NODE_MAJORS_MEASURED.from && major <= NODE_MAJORS_MEASURED.to)) return false;
  setV8Flag(`--interrupt-budget=${OPTIMIZATION_BUDGET}`);
  return true;
}
