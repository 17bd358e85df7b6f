/**
 * The rule engine: each rule's results become findings with the rule's metadata and a fingerprint;
 * the same problem reached twice is one finding; a rule that fails is a diagnostic, not the end of
 * the scan.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModelBuilder } from '../../src/loaders/model-builder.js';
import { runRules, startRules } from '../../src/rules/engine.js';
import { CodeFactsPending } from '../../src/code/code-facts-pending.js';
import type { Rule, RuleMeta, RuleResult } from '../../src/rules/rule.js';

const META: RuleMeta = { id: 'test-rule', title: 'Test rule', category: 'SAS-3', cwe: ['CWE-16'], severity: 'medium', description: 'd', remediation: 'r' };

function rule(results: RuleResult[], id = META.id): Rule {
  return { meta: { ...META, id }, check: () => results };
}

function result(key: string, message: string, line = 3, subject?: string): RuleResult {
  return { message, location: { file: 'template.yaml', line, column: 5 }, key: [key], ...(subject ? { subject: { id: subject, logicalId: subject } } : {}) };
}

const run = (...rules: Rule[]) => runRules(new ModelBuilder().model, rules);

describe('rule engine', () => {
  it('keeps one finding of results with the same key, or the same place, subject and message', () => {
    const { findings } = run(rule([result('a', 'm'), result('a', 'other message', 9), result('b', 'm'), result('c', 'm', 3, 'Fn'), result('d', 'm', 3, 'Fn')]));
    assert.deepEqual(findings.map((f) => [f.message, f.location.line, f.subject?.id]), [['m', 3, undefined], ['m', 3, 'Fn']]);
  });

  it('keeps results that differ in place, subject, message or rule', () => {
    const { findings } = run(rule([result('a', 'm'), result('b', 'm', 4), result('c', 'm', 3, 'Fn'), result('d', 'n'), result('e', 'm\0x'), result('f', 'm', 3, 'F')]), rule([result('a', 'm')], 'other-rule'));
    assert.equal(findings.length, 7);
    assert.equal(new Set(findings.map((f) => f.fingerprint)).size, 7);
  });

  it('keeps a message met at a third place after two others', () => {
    const { findings } = run(rule([result('a', 'm', 1), result('b', 'm', 2), result('c', 'm', 3), result('d', 'm', 2), result('e', 'm', 3)]));
    assert.deepEqual(findings.map((f) => f.location.line), [1, 2, 3]);
  });

  it('gives each finding the rule metadata and a fingerprint of rule, file and key', () => {
    const [finding] = run(rule([result('a', 'm')])).findings;
    assert.equal(finding?.ruleId, 'test-rule');
    assert.equal(finding?.severity, 'medium');
    assert.match(finding?.fingerprint ?? '', /^[0-9a-f]{32}$/);
    assert.notEqual(run(rule([result('b', 'm')])).findings[0]?.fingerprint, finding?.fingerprint);
  });

  it('reports a rule that fails and runs the others', () => {
    const failing: Rule = { meta: { ...META, id: 'failing' }, check: () => { throw new Error('boom'); } };
    const { findings, diagnostics } = run(failing, rule([result('a', 'm')]));
    assert.equal(findings.length, 1);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.message]), [['rule-failed', 'rule failing failed: boom']]);
  });

  it('runs a rule that asks for code facts still being computed again in the second go, with the result of one go', () => {
    let ready = false;
    let attempts = 0;
    const needsCode: Rule = {
      meta: { ...META, id: 'needs-code' },
      check: () => {
        attempts++;
        if (!ready) throw new CodeFactsPending();
        return [result('code', 'same message', 3)];
      },
    };
    const later = rule([result('model', 'same message', 3)], 'model-rule');
    const done: string[] = [];
    const started = startRules(new ModelBuilder().model, [needsCode, later], {}, (n, id) => done.push(`${n} ${id}`));
    started.runReady();
    assert.deepEqual(done, ['1 model-rule']);
    ready = true;
    const { findings, diagnostics } = started.finish();
    assert.deepEqual(done, ['1 model-rule', '2 needs-code']);
    assert.equal(attempts, 2);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['model-rule', 'needs-code']);
    assert.deepEqual(findings, runRules(new ModelBuilder().model, [needsCode, later]).findings);
  });

  it('reports a rule that still finds the code facts pending in the second go as failed', () => {
    const pending: Rule = { meta: { ...META, id: 'pending' }, check: () => { throw new CodeFactsPending(); } };
    const started = startRules(new ModelBuilder().model, [pending, rule([result('a', 'm')])]);
    started.runReady();
    const { findings, diagnostics } = started.finish();
    assert.equal(findings.length, 1);
    assert.deepEqual(diagnostics.map((d) => d.message), ['rule pending failed: the code facts are not complete yet']);
  });

  it('keeps failures in rule order whichever go they came from', () => {
    let second = false;
    const late: Rule = { meta: { ...META, id: 'late' }, check: () => { if (!second) throw new CodeFactsPending(); throw new Error('late boom'); } };
    const early: Rule = { meta: { ...META, id: 'early' }, check: () => { throw new Error('early boom'); } };
    const started = startRules(new ModelBuilder().model, [late, early]);
    started.runReady();
    second = true;
    assert.deepEqual(started.finish().diagnostics.map((d) => d.message), ['rule late failed: late boom', 'rule early failed: early boom']);
  });
});
