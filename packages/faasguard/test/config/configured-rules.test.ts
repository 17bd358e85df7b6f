/**
 * A configuration's `rules`: off removes a rule, a severity replaces the rule's and its results'.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configuredRules } from '../../src/config/configured-rules.js';
import type { AppModel } from '../../src/model/app-model.js';
import type { Rule, RuleResult } from '../../src/rules/rule.js';

function rule(id: string, results: RuleResult[]): Rule {
  return {
    meta: { id, title: id, category: 'SAS-3', cwe: [], severity: 'medium', description: '', remediation: '' },
    check: () => results,
  };
}

const at = { file: 'template.yaml', line: 1, column: 1 };
const plain: RuleResult = { message: 'm', location: at, key: ['a'] };
const scored: RuleResult = { message: 'n', location: at, key: ['b'], severity: 'low' };
const ctx = { model: {} as AppModel };

describe('configuredRules', () => {
  it('keeps every rule as it is without settings, and with on', () => {
    const rules = [rule('a', [plain]), rule('b', [])];
    assert.deepEqual(configuredRules(rules, new Map()), rules);
    assert.deepEqual(configuredRules(rules, new Map([['a', 'on']])), rules);
  });

  it('drops a rule set off', () => {
    const rules = [rule('a', [plain]), rule('b', [])];
    assert.deepEqual(configuredRules(rules, new Map([['a', 'off']])).map((r) => r.meta.id), ['b']);
  });

  it('gives the rule and every result the configured severity', () => {
    const [changed] = configuredRules([rule('a', [plain, scored])], new Map([['a', 'critical']]));
    assert.equal(changed!.meta.severity, 'critical');
    assert.deepEqual(changed!.check(ctx).map((r) => [r.key[0], r.severity]), [['a', 'critical'], ['b', 'critical']]);
  });
});
