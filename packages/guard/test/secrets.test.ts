import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { createSecretsLoader } from '../src/secrets.js';

function fakeClient(answer: (command: any) => any) {
  const seen: any[] = [];
  return {
    seen,
    send: async (command: any) => {
      seen.push(command);
      return answer(command);
    },
  };
}

describe('secrets loader', () => {
  it('reads a Secrets Manager secret once per TTL', async () => {
    let now = 0;
    const sm = fakeClient((c) => ({ SecretString: `value-for-${c.input.SecretId}` }));
    const secrets = createSecretsLoader({ secretsManager: sm, ttlMs: 60_000, now: () => now });
    assert.equal(await secrets.getSecret('orders/stripe'), 'value-for-orders/stripe');
    assert.equal(await secrets.getSecret('orders/stripe'), 'value-for-orders/stripe');
    assert.equal(sm.seen.length, 1);
    assert.ok(sm.seen[0] instanceof GetSecretValueCommand);
    now = 60_001;
    await secrets.getSecret('orders/stripe');
    assert.equal(sm.seen.length, 2);
  });

  it('shares one fetch among concurrent callers', async () => {
    const sm = fakeClient(() => ({ SecretString: 'x' }));
    const secrets = createSecretsLoader({ secretsManager: sm });
    await Promise.all(Array.from({ length: 10 }, () => secrets.getSecret('a')));
    assert.equal(sm.seen.length, 1);
  });

  it('parses JSON secrets and decodes binary ones', async () => {
    const sm = fakeClient((c) =>
      c.input.SecretId === 'json' ? { SecretString: '{"user":"app","password":"p"}' } : { SecretBinary: new TextEncoder().encode('bin') },
    );
    const secrets = createSecretsLoader({ secretsManager: sm });
    assert.deepEqual(await secrets.getSecretJson('json'), { user: 'app', password: 'p' });
    assert.equal(await secrets.getSecret('binary'), 'bin');
  });

  it('reads SSM parameters with decryption', async () => {
    const ssm = fakeClient((c) => ({ Parameter: { Name: c.input.Name, Value: 'from-ssm', Type: 'SecureString' } }));
    const secrets = createSecretsLoader({ ssm });
    assert.equal(await secrets.getParameter('/orders/api-key'), 'from-ssm');
    assert.ok(ssm.seen[0] instanceof GetParameterCommand);
    assert.equal(ssm.seen[0].input.WithDecryption, true);
  });

  it('does not cache failures', async () => {
    let fail = true;
    const sm = fakeClient(() => {
      if (fail) throw new Error('throttled');
      return { SecretString: 'ok' };
    });
    const secrets = createSecretsLoader({ secretsManager: sm });
    await assert.rejects(secrets.getSecret('s'), /throttled/);
    fail = false;
    assert.equal(await secrets.getSecret('s'), 'ok');
  });

  it('refuses a secret or parameter without a value', async () => {
    const secrets = createSecretsLoader({ secretsManager: fakeClient(() => ({})), ssm: fakeClient(() => ({ Parameter: {} })) });
    await assert.rejects(secrets.getSecret('empty'), /no value/);
    await assert.rejects(secrets.getParameter('/empty'), /no value/);
  });

  it('forgets everything on clear()', async () => {
    const sm = fakeClient(() => ({ SecretString: 'v' }));
    const secrets = createSecretsLoader({ secretsManager: sm });
    await secrets.getSecret('a');
    secrets.clear();
    await secrets.getSecret('a');
    assert.equal(sm.seen.length, 2);
  });
});
