/**
 * A function whose reserved concurrency is 0 is switched off: Lambda throttles every invocation,
 * so it never runs, writes no log and sends no trace (a pattern that simulates throttling, or a
 * function stopped in an emergency). What concerns its runs does not apply until it is switched on.
 */
import type { LambdaFunction } from '../app-model.js';
import { asNumber } from '../value.js';

export function isSwitchedOff(fn: LambdaFunction): boolean {
  return fn.reservedConcurrency !== undefined && asNumber(fn.reservedConcurrency) === 0;
}
