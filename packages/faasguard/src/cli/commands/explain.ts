/** `faasguard explain <rule-id>`: what a rule finds, why it matters and how to fix it. */
import { ruleExplanation } from '../../docs/rule-doc.js';
import { ALL_RULES, findRule } from '../../rules/index.js';
import { closestName } from '../../config/did-you-mean.js';
import type { Command, CommandArgs, CommandIo } from '../command.js';
import { helpText } from '../help-text.js';
import { HELP_ROW } from '../shared-options.js';
import { UsageError } from '../usage-error.js';

export const explainCommand: Command = {
  name: 'explain',
  options: {},
  help: () => helpText('faasguard explain <rule-id>', ["Explain a rule: what it finds, why it matters, how to fix it. 'faasguard rules' lists the ids."], [{ title: 'Options', rows: [HELP_ROW] }]),
  run: explain,
};

function explain({ positionals }: CommandArgs, { out }: CommandIo): number {
  if (positionals.length !== 1) throw new UsageError('explain takes one rule id');
  const id = positionals[0]!;
  const rule = findRule(id);
  if (!rule) {
    const near = closestName(id, ALL_RULES.map((r) => r.meta.id));
    throw new UsageError(`no rule "${id}"; ${near === undefined ? '' : `did you mean ${near}? `}'faasguard rules' lists them`, true);
  }
  out.write(ruleExplanation(rule.meta));
  return 0;
}
