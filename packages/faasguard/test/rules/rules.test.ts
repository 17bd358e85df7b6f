/**
 * Every rule against its fixtures: `fail/` must give exactly the expected findings (rule, file,
 * line, subject), `pass/` must give none of that rule.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { FIXTURES } from '../helpers/paths.js';

interface Expected {
  line: number;
  subject: string;
  severity?: string;
}

const CASES: Record<string, Expected[]> = {
  'api-route-without-auth': [
    { line: 30, subject: 'Open.Public' },
    { line: 31, subject: 'Open.Implicit' },
  ],
  'function-url-without-auth': [
    { line: 10, subject: 'Hook' },
    { line: 23, subject: 'Plain' },
  ],
  'lambda-permission-public': [{ line: 11, subject: 'Everyone' }],
  'lambda-permission-service-without-source': [{ line: 11, subject: 'FromAnyBucket' }],
  'api-route-api-key-only': [{ line: 15, subject: 'Partner.Feed' }],
  'authorizer-unused': [{ line: 13, subject: 'CognitoAuth' }],
  'cognito-user-pool-without-mfa': [{ line: 3, subject: 'Pool' }],
  'cognito-weak-password-policy': [
    { line: 8, subject: 'Short' },
    { line: 18, subject: 'Simple' },
  ],
  'cognito-mutable-authorization-attribute': [{ line: 9, subject: 'Pool' }],
  'lambda-permission-cross-account': [{ line: 11, subject: 'PartnerAccount' }],
  'public-source-triggers-function': [
    { line: 11, subject: 'Inbox' },
    { line: 15, subject: 'Drop' },
  ],
  'recursive-trigger-loop': [{ line: 14, subject: 'Resize' }],
  'function-exposed-through-chain': [{ line: 25, subject: 'Worker' }],
  'env-plaintext-secret': [
    { line: 6, subject: 'Payments' },
    { line: 15, subject: 'Payments' },
  ],
};

for (const rule of ALL_RULES) {
  const id = rule.meta.id;
  describe(`rule ${id}`, () => {
    it('has fixtures', () => assert.ok(CASES[id], `no test case for ${id}`));

    it('reports the vulnerable fixture', async () => {
      const result = await scan(path.join(FIXTURES, 'rules', id, 'fail'), { rules: [rule] });
      const got = result.findings.map((f) => ({ ruleId: f.ruleId, file: f.location.file, line: f.location.line, subject: f.subject?.logicalId }));
      const want = (CASES[id] ?? []).map((e) => ({ ruleId: id, file: 'template.yaml', line: e.line, subject: e.subject }));
      assert.deepEqual(got.sort(byLine), want.sort(byLine));
    });

    it('is silent on the fixed fixture', async () => {
      const result = await scan(path.join(FIXTURES, 'rules', id, 'pass'), { rules: [rule] });
      assert.equal(result.templates.length, 1);
      assert.deepEqual(result.findings, []);
    });
  });
}

function byLine(a: { line: number }, b: { line: number }): number {
  return a.line - b.line;
}
