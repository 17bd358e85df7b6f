/**
 * The scope of the code analyses for a rule: what its context says may be read. A rule that reads
 * code asks for facts with it, so that the scan's exclusion reaches the analyses explicitly.
 */
import type { CodeScope } from '../code/code-scope.js';
import type { RuleContext } from './rule.js';

/** Undefined when the scan has no code root (a rule then judges the templates only). */
export function codeScope(ctx: Pick<RuleContext, 'root' | 'exclusion'>): CodeScope | undefined {
  if (ctx.root === undefined) return undefined;
  return { root: ctx.root, exclusion: ctx.exclusion ?? {} };
}
