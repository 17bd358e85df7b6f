/**
 * The V8 flags the command line sets, each explained in its own module. Set before the scanner's
 * code is loaded, in `bin/faasguard.js`, and again by `main` for a program that runs it directly:
 * V8 takes a code cache only under the flags it was made with, and the cache names its files by the
 * flags set. A program that calls the library keeps its own settings.
 */
import { limitHeapGrowth } from './heap-growth.js';
import { raiseOptimizationBudget } from './optimization-budget.js';

export function setCommandLineV8Flags(): void {
  limitHeapGrowth();
  raiseOptimizationBudget();
}
