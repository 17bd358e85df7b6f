/**
 * The rules a scan runs, after a configuration's `rules`: a rule set `off` does not run, a rule
 * given a severity reports every finding with it (its metadata too, so that SARIF's default level
 * agrees), and `--fail-on` then counts that severity.
 */
import type { Severity } from '../findings/finding.js';
import type { Rule } from '../rules/rule.js';
import type { RuleSetting } from './config.js';

export function configuredRules(rules: readonly Rule[], settings: ReadonlyMap<string, RuleSetting>): Rule[] {
  return rules.flatMap((rule) => {
    const setting = settings.get(rule.meta.id) ?? 'on';
    if (setting === 'off') return [];
    if (setting === 'on') return [rule];
    return [withSeverity(rule, setting)];
  });
}

/** Also replaces the severities a rule gives single results (a vulnerability's own score, for one). */
function withSeverity(rule: Rule, severity: Severity): Rule {
  return {
    ...rule,
    meta: { ...rule.meta, severity },
    check: (ctx) => rule.check(ctx).map((result) => ({ ...result, severity })),
  };
}
