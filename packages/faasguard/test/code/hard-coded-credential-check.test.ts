/**
 * `hard-coded-credential-check` on its rule fixtures: what each message says (the function, the
 * API it authorizes for, the field, every text it is compared with) and the steps from the event.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { ALL_RULES } from '../../src/rules/index.js';
import { scan } from '../../src/scan/scan.js';
import type { Finding } from '../../src/findings/finding.js';
import { FIXTURES } from '../helpers/paths.js';

const RULE = 'hard-coded-credential-check';
const CONSEQUENCE = 'whoever reads the code, or tries such demo values, gets the access the code grants for them, and the value cannot be revoked for one caller or rotated without a deployment.';

async function findings(kind: 'fail' | 'pass'): Promise<Finding[]> {
  const result = await scan(path.join(FIXTURES, 'rules', RULE, kind), { rules: ALL_RULES.filter((r) => r.meta.id === RULE) });
  return result.findings;
}

describe(RULE, () => {
  let fail: Finding[] = [];
  before(async () => {
    fail = await findings('fail');
  });

  const messageOf = (subject: string): string | undefined => fail.find((f) => f.subject?.logicalId === subject)?.message;

  it('names the API a Lambda authorizer serves, even when the API comes first in the template, and every text of a switch', () => {
    assert.equal(messageOf('TokenAuthorizer'), `Function TokenAuthorizer, the Lambda authorizer of API AppApi, compares the authorizationToken its callers send with text written in its code ('allow', 'deny') at src/token-authorizer.js:5: ${CONSEQUENCE}`);
  });

  it('follows the token into a helper and a constant of the module', () => {
    const f = fail.find((x) => x.subject?.logicalId === 'HelperAuthorizer');
    assert.equal(f?.message, `Function HelperAuthorizer, the Lambda authorizer of API AppApi, compares the authorizationToken its callers send with text written in its code ('Be…mo') at src/helper-authorizer.js:5: ${CONSEQUENCE}`);
    assert.deepEqual(f?.flow?.map((s) => `${s.loc.file}:${s.loc.line}`), ['src/helper-authorizer.js:10', 'src/helper-authorizer.js:10', 'src/helper-authorizer.js:5']);
  });

  it('reports a function that checks its own callers, in JavaScript and Python, and shows only words as written', () => {
    assert.equal(messageOf('Reports'), `Function Reports compares the x-api-key header its callers send with text written in its code ('re…24') at src/reports.js:3: ${CONSEQUENCE}`);
    assert.equal(messageOf('KeyAuthorizer'), `Function KeyAuthorizer, the Lambda authorizer of API ReportsApi, compares the x-api-key header its callers send with text written in its code ('******') at src/key_authorizer.py:4: ${CONSEQUENCE}`);
  });

  it('reads a credential looked up in a list written in the code', () => {
    assert.equal(messageOf('Admin'), `Function Admin compares the authorization header its callers send with text written in its code ('opensesame', 'letmein') at src/admin.js:6: ${CONSEQUENCE}`);
    assert.equal(messageOf('Legacy'), `Function Legacy compares the token query parameter its callers send with text written in its code ('**********', '**********') at src/legacy.py:4: ${CONSEQUENCE}`);
  });

  it('leaves alone a secret from Secrets Manager, a scheme or absence test, and a function no caller reaches', async () => {
    assert.deepEqual(await findings('pass'), []);
  });
});
