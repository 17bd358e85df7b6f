/**
 * Findings judged on a Terraform root module loaded with a condition assumed true, then false: a
 * finding the scan did not make holds only for the values that made it, or always when both did.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../src/findings/finding.js';
import type { OpenCondition, TerraformFork } from '../../src/loaders/terraform/assumptions.js';
import { conditionalFindings, MAX_FORKED_CONDITIONS, MAX_FORKED_CONDITIONS_PER_SCAN } from '../../src/scan/conditional-findings.js';

function finding(fingerprint: string, message = 'Function URL with AuthType NONE.'): Finding {
  return { ruleId: 'function-url-without-auth', severity: 'high', category: 'broken-authentication', cwe: [], message, location: { file: 'main.tf', line: 3, column: 1 }, related: [], fingerprint } as unknown as Finding;
}

function condition(text: string, module?: string): OpenCondition {
  return { key: `${module ? `${module}.` : ''}${text}`, text, ...(module ? { module } : {}), loc: { file: 'main.tf', line: 1, column: 1 } };
}

/** A judge that finds, for each assumed key and truth, the findings listed for it. */
function judge(results: Record<string, Finding[]>, calls: TerraformFork[] = []): (fork: TerraformFork) => Promise<Finding[]> {
  return async (fork) => {
    calls.push(fork);
    const [[key, truth]] = [...fork.assume];
    return results[`${key}=${truth}`] ?? [];
  };
}

describe('conditional findings', () => {
  it('qualifies a finding made for one truth, leaves one made for both, and drops one the scan made', async () => {
    const open = [{ dir: '.', conditions: [condition('var.public'), condition('var.legacy')] }];
    const { findings, diagnostics } = await conditionalFindings(open, [finding('known')], judge({
      'var.public=true': [finding('url'), finding('known')],
      'var.legacy=true': [finding('runtime')],
      'var.legacy=false': [finding('runtime')],
    }));
    assert.deepEqual(findings.map((f) => `${f.fingerprint}: ${f.message}`), [
      'url: Function URL with AuthType NONE. This holds only when var.public is true.',
      'runtime: Function URL with AuthType NONE.',
    ]);
    assert.deepEqual(diagnostics, []);
  });

  it('joins the values of several conditions that each make the finding, and names a module\'s condition with its module', async () => {
    const open = [{ dir: 'infra', conditions: [condition('var.a'), condition('var.open', 'module.api')] }];
    const { findings } = await conditionalFindings(open, [], judge({ 'var.a=false': [finding('x')], 'module.api.var.open=true': [finding('x')] }));
    assert.deepEqual(findings.map((f) => f.message), ['Function URL with AuthType NONE. This holds only when var.a is false, or when var.open is true in module.api.']);
  });

  it('adds to a condition the finding already states', async () => {
    const open = [{ dir: '.', conditions: [condition('var.public')] }];
    const { findings } = await conditionalFindings(open, [], judge({ 'var.public=true': [finding('x', 'Public. This holds only when var.create is true.')] }));
    assert.deepEqual(findings.map((f) => f.message), ['Public. This holds only when var.create is true, and var.public is true.']);
  });

  it(`judges at most ${MAX_FORKED_CONDITIONS} conditions of a module each way, and notes the others`, async () => {
    const calls: TerraformFork[] = [];
    const conditions = Array.from({ length: MAX_FORKED_CONDITIONS + 2 }, (_, i) => condition(`var.c${i}`));
    const { diagnostics } = await conditionalFindings([{ dir: 'app', conditions }], [], judge({}, calls));
    assert.equal(calls.length, 2 * MAX_FORKED_CONDITIONS);
    assert.ok(calls.every((c) => c.dir === 'app' && c.assume.size === 1));
    assert.deepEqual(diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`), [`note tf-conditions-not-judged 2 more conditions not known offline decide attribute values here (var.c4, var.c5); they are not judged for each value (at most ${MAX_FORKED_CONDITIONS} per root module and ${MAX_FORKED_CONDITIONS_PER_SCAN} per scan are)`]);
  });

  it(`judges at most ${MAX_FORKED_CONDITIONS_PER_SCAN} conditions in a scan, all root modules together`, async () => {
    const calls: TerraformFork[] = [];
    const modules = Array.from({ length: MAX_FORKED_CONDITIONS_PER_SCAN / MAX_FORKED_CONDITIONS + 1 }, (_, m) => ({ dir: `m${m}`, conditions: Array.from({ length: MAX_FORKED_CONDITIONS }, (_, i) => condition(`var.c${i}`)) }));
    const { diagnostics } = await conditionalFindings(modules, [], judge({}, calls));
    assert.equal(calls.length, 2 * MAX_FORKED_CONDITIONS_PER_SCAN);
    assert.deepEqual(diagnostics.map((d) => d.message.split(' (')[0]), [`${MAX_FORKED_CONDITIONS} more conditions not known offline decide attribute values here`]);
  });
});
