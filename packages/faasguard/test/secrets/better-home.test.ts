import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KIND_DESCRIPTIONS, betterHomeAdvice, type SecretKind } from '../../src/secrets/index.js';

describe('betterHomeAdvice', () => {
  it('sends database passwords and private keys to Secrets Manager with GetSecretValue', () => {
    for (const kind of ['database-url-password', 'private-key'] as const) {
      const advice = betterHomeAdvice(kind);
      assert.equal(advice.store, 'secretsmanager');
      assert.deepEqual(advice.iamActions, ['secretsmanager:GetSecretValue']);
      assert.deepEqual(advice.customerKeyActions, ['kms:Decrypt']);
      assert.match(advice.text, /kms:Decrypt/);
    }
  });

  it('sends single API tokens to an SSM SecureString with GetParameter', () => {
    const advice = betterHomeAdvice('github-token');
    assert.equal(advice.store, 'ssm-securestring');
    assert.deepEqual(advice.iamActions, ['ssm:GetParameter']);
    assert.match(advice.text, /SecureString/);
  });

  it('tells to replace AWS keys by the execution role', () => {
    assert.match(betterHomeAdvice('aws-access-key-id').text, /execution role/);
    assert.match(betterHomeAdvice('aws-secret-access-key').text, /execution role/);
  });

  it('has advice for every kind', () => {
    for (const kind of Object.keys(KIND_DESCRIPTIONS) as SecretKind[]) {
      const advice = betterHomeAdvice(kind);
      assert.ok(advice.iamActions.length > 0 && advice.text.length > 0, kind);
    }
  });
});
