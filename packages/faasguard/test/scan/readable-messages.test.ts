/**
 * Messages name what they can: pseudo parameters and parameters without a value read as
 * placeholders (`<stack>-orders`, `<CustomDomainName>`), resources by logical id, never as raw
 * `${AWS::Region}` or `<unknown: …>` text; and nothing is reported twice at one place.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { display } from '../../src/model/value.js';
import { runRules } from '../../src/rules/engine.js';
import type { Rule, RuleResult } from '../../src/rules/rule.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { lineOf, projectsRemovedAfterTests } from '../helpers/temp-project.js';

const DIR = path.join(FIXTURES, 'readable-messages');
const project = projectsRemovedAfterTests();
const TEMPLATE = readFileSync(path.join(DIR, 'template.yaml'), 'utf8');

describe('readable values in messages', () => {
  it('shows a name built from a pseudo parameter with its placeholder', async () => {
    const { model } = await loadApp(DIR);
    const orders = model.resources.find((r) => r.logicalId === 'Orders');
    assert.equal(display(orders?.properties['TableName']), '<stack>-orders');
  });

  it('names the table by logical id and the parameter by name in findings, with no raw or unknown text', async () => {
    const result = await scan(DIR, {});
    const got = result.findings
      .filter((f) => f.ruleId === 'iam-action-used-not-granted' || f.ruleId === 'api-domain-without-tls12')
      .map((f) => [f.ruleId, f.location.file, f.location.line, f.subject?.logicalId])
      .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
    assert.deepEqual(got, [
      ['api-domain-without-tls12', 'template.yaml', lineOf(TEMPLATE, 'Domain:'), 'Domain'],
      ['iam-action-used-not-granted', 'src/app.py', 8, 'SaveFunction'],
    ]);
    const messages = result.findings.map((f) => f.message);
    assert.ok(messages.some((m) => m.includes('dynamodb:PutItem on arn:aws:dynamodb:<region>:<account>:table/Orders,')), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('Custom domain of Domain (<CustomDomainName>)')), messages.join('\n'));
    for (const m of messages) {
      assert.doesNotMatch(m, /\$\{AWS::/);
      assert.doesNotMatch(m, /<unknown: /);
    }
  });
});

describe('one report per problem and place', () => {
  it('reports an include that cannot be read once, at its Location', async () => {
    const result = await scan(DIR, {});
    // The include is read once per evaluation of the body; it is reported once, at its Location.
    const notRead = result.diagnostics.filter((d: Diagnostic) => d.code === 'include-not-read');
    assert.deepEqual(notRead.map((d) => [d.loc.file, d.loc.line]), [['template.yaml', lineOf(TEMPLATE, 'Location: s3://')]]);
  });

  it('keeps one of two findings with the same rule, place, subject and message, whatever their keys', async () => {
    const { model } = await loadApp(DIR);
    const fn = model.functions[0]!;
    const same = (key: string, message = 'the same problem'): RuleResult => ({ message, location: fn.loc, subject: { id: fn.id, logicalId: fn.logicalId }, key: [key] });
    const rule: Rule = {
      meta: { id: 'twice', title: 'twice', category: 'SAS-4', cwe: [], severity: 'low', description: '', remediation: '', references: [] },
      check: () => [same('a'), same('b'), same('c', 'another problem')],
    };
    const { findings } = runRules(model, [rule]);
    assert.deepEqual(findings.map((f) => f.message).sort(), ['another problem', 'the same problem']);
  });

  it('keeps one of two findings with the same key, and two whose subject and message only join alike', async () => {
    const { model } = await loadApp(DIR);
    const fn = model.functions[0]!;
    const result = (subjectId: string, message: string, key: string): RuleResult => ({ message, location: fn.loc, subject: { id: subjectId, logicalId: fn.logicalId }, key: [key] });
    const rule: Rule = {
      meta: { id: 'joined', title: 'joined', category: 'SAS-4', cwe: [], severity: 'low', description: '', remediation: '', references: [] },
      check: () => [result('a', 'b\0c', 'k1'), result('a\0b', 'c', 'k2'), result('x', 'first wording', 'k3'), result('x', 'second wording', 'k3')],
    };
    const { findings } = runRules(model, [rule]);
    assert.deepEqual(findings.map((f) => [f.subject?.id, f.message]).sort(), [['a\0b', 'c'], ['a', 'b\0c'], ['x', 'first wording']]);
  });

  it('names a resource the template refers to but does not define by its name, as a placeholder', async () => {
    const dir = project({
      'template.yaml': `Resources:
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      StageName: Prod
      RestApiId: !Ref MissingApi
`,
    });
    const result = await scan(dir, { noCache: true });
    assert.ok(result.diagnostics.some((d) => d.code === 'broken-reference'));
    const messages = result.findings.filter((f) => f.ruleId.startsWith('api-stage-')).map((f) => f.message);
    assert.ok(messages.length > 0);
    for (const m of messages) {
      assert.match(m, /API <MissingApi>/);
      assert.doesNotMatch(m, /<unknown: /);
    }
  });
});
