/**
 * What is wrong with directives, as findings of the suppression rules: a directive without a
 * reason (it suppresses nothing), one naming no rule or a rule faasguard does not have, and one
 * that covers no finding of a rule it names (stale). Each is reported only when its rule runs; a
 * directive is called stale only for rules that ran.
 */
import type { Finding } from '../findings/finding.js';
import { findingOf } from '../rules/engine.js';
import { findRule } from '../rules/index.js';
import type { Rule, RuleMeta, RuleResult } from '../rules/rule.js';
import { staleSuppression } from '../rules/suppressions/stale-suppression.js';
import { suppressionUnknownRule } from '../rules/suppressions/suppression-unknown-rule.js';
import { suppressionWithoutReason } from '../rules/suppressions/suppression-without-reason.js';
import type { Directive } from './directive.js';

/** For each directive, the rules of the findings it covered. */
export type MatchedRules = Map<Directive, Set<string>>;

const SUPPRESSION_RULES: ReadonlySet<string> = new Set([suppressionWithoutReason, suppressionUnknownRule, staleSuppression].map((r) => r.meta.id));

export function directiveProblems(directives: readonly Directive[], matched: MatchedRules, rules: readonly Rule[]): Finding[] {
  const ran = new Set(rules.map((r) => r.meta.id));
  const out: Finding[] = [];
  const report = (meta: RuleMeta, d: Directive, message: string, key: string[]): void => {
    if (ran.has(meta.id)) out.push(findingOf(meta, problem(d, message, key)));
  };
  for (const d of directives) {
    if (d.reason === undefined) report(suppressionWithoutReason.meta, d, withoutReasonMessage(d), [d.kind, d.scope.anchor, ...d.rules]);
    if (d.rules.length === 0) report(suppressionUnknownRule.meta, d, noRuleMessage(d), [d.kind, d.scope.anchor]);
    for (const id of d.rules) {
      const unknown = unknownRuleMessage(d, id);
      if (unknown !== undefined) report(suppressionUnknownRule.meta, d, unknown, [d.kind, d.scope.anchor, id]);
      else if (d.reason !== undefined && ran.has(id) && !matched.get(d)?.has(id)) report(staleSuppression.meta, d, staleMessage(d, id), [d.kind, d.scope.anchor, id]);
    }
  }
  return out;
}

function problem(d: Directive, message: string, key: string[]): RuleResult {
  return { message, location: d.loc, key, ...(d.scope.subject ? { subject: d.scope.subject } : {}) };
}

/** How a message names the directive. */
function label(d: Directive): string {
  if (d.kind === 'metadata') return `The faasguard.ignore entry for ${d.rules.join(', ')} in the Metadata of ${d.scope.subject?.constructPath ?? d.scope.anchor}`;
  return d.rules.length > 0 ? `faasguard-ignore ${d.rules.join(', ')}` : 'faasguard-ignore';
}

function withoutReasonMessage(d: Directive): string {
  const how = d.kind === 'metadata' ? 'Add a `reason` beside its `rule`' : `Write it after a colon: \`faasguard-ignore ${d.rules.join(', ') || '<rule-id>'}: <reason>\``;
  const stray = d.strayText !== undefined ? ` (the text "${d.strayText}" has no colon before it, so it is not read as the reason)` : '';
  return `${label(d)} gives no reason${stray}, so it suppresses nothing. ${how}: why the risk is accepted.`;
}

function noRuleMessage(d: Directive): string {
  return `${label(d)} names no rule, so it suppresses nothing. Name the rule of the finding to accept: \`faasguard-ignore <rule-id>: <reason>\`.`;
}

/** Undefined when `id` is a rule a directive may name. */
function unknownRuleMessage(d: Directive, id: string): string | undefined {
  if (SUPPRESSION_RULES.has(id)) return `${label(d)} names ${id}: the problems of suppressions cannot be suppressed, so it suppresses nothing. Fix the suppression instead.`;
  if (findRule(id) === undefined) return `${label(d)} names ${id}, which is not a faasguard rule, so it suppresses nothing. Use the rule id the finding shows (\`faasguard rules\` lists them).`;
  return undefined;
}

function staleMessage(d: Directive, id: string): string {
  return `${label(d)} matches no finding: there is no ${id} finding in ${d.scope.description}. Remove the suppression, or move it where it takes effect.`;
}
