/**
 * Secrets passed by reference, access keys and database secrets are reported where the reference or
 * the resource is written: reports mask the value at a secret finding's location, so these findings
 * must not make them mask a logical id or a reference throughout the report.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES } from '../helpers/paths.js';
import { runCliProcess } from '../helpers/run-cli.js';

describe('findings that point at a reference, not at a secret value', () => {
  it('leave references and logical ids readable in the report, and mask the literal secret', () => {
    const env = runCliProcess(['scan', path.join(FIXTURES, 'rules/env-secret-by-reference/fail'), '--format', 'json', '--no-cache']);
    assert.equal(env.code, 1, env.err);
    const messages = (JSON.parse(env.out) as { findings: { ruleId: string; message: string }[] }).findings.map((f) => f.message).join('\n');
    assert.match(messages, /receives the NoEcho parameter !Ref StripeKey:/);
    assert.match(messages, /receives the secret access key of an IAM user \$\{DeployKey\.SecretAccessKey\}/);
    assert.match(messages, /The template creates access key DeployKey for IAM user \$\{DeployUser\}/);

    const ssm = runCliProcess(['scan', path.join(FIXTURES, 'rules/ssm-parameter-plaintext-secret/fail'), '--format', 'json', '--no-cache']);
    assert.equal(ssm.code, 1, ssm.err);
    assert.doesNotMatch(ssm.out, /q7RzT2vX9kLm4NpW8sYb/);
    assert.match(ssm.out, /DbPassword \(\/shop\/db-password\)/);
  });
});
