/**
 * How far variables may expand a serverless.yml. Resolved values are shared, not copied, so a
 * value used twice by the next one, twice again by the one after, doubles at each step without
 * costing memory until something builds the string or walks the tree: forty steps are a terabyte.
 * Each substitution is charged the size of what it puts in; one that is too large, or any once
 * the whole configuration has used its budget, becomes unknown instead.
 */
import type { TNode } from '../../../parse/tree.js';

/** Largest value one variable may put in: characters of keys and strings, plus one per node (2 Mi). */
export const MAX_VALUE_SIZE = 2 * 1024 * 1024;
/** Everything variables may put into one configuration together (32 Mi). */
export const MAX_TOTAL_SIZE = 32 * 1024 * 1024;
/** Substitutions in one configuration; real services have a few thousand. */
export const MAX_SUBSTITUTIONS = 1_000_000;

/** Why a substitution was refused. */
export type Refusal = 'value-too-large' | 'budget-spent';

export class ExpansionBudget {
  private spent = 0;
  private substitutions = 0;

  /** Charges the substitution of `value`; the reason it does not fit, or undefined when it does. */
  charge(value: TNode): Refusal | undefined {
    if (this.substitutions >= MAX_SUBSTITUTIONS || this.spent >= MAX_TOTAL_SIZE) return 'budget-spent';
    const size = sizeUpTo(value, MAX_VALUE_SIZE);
    if (size > MAX_VALUE_SIZE) return 'value-too-large';
    this.substitutions += 1;
    this.spent += size;
    return this.spent > MAX_TOTAL_SIZE ? 'budget-spent' : undefined;
  }
}

/**
 * Size of the tree as written out, counting shared parts each time they occur; stops once past
 * `limit`, so that measuring a doubled tree costs no more than the limit.
 */
function sizeUpTo(root: TNode, limit: number): number {
  let size = 0;
  const stack: TNode[] = [root];
  while (stack.length > 0 && size <= limit) {
    const node = stack.pop()!;
    size += 1;
    if (node.kind === 'scalar') size += typeof node.value === 'string' ? node.value.length : 0;
    else if (node.kind === 'seq') for (const item of node.items) stack.push(item);
    else
      for (const e of node.entries) {
        size += e.key.length;
        stack.push(e.value);
      }
  }
  return size;
}
