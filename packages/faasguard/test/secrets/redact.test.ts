import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectSecretsInText, redact, redactSecretsInText } from '../../src/secrets/index.js';
import { fake, fakePem } from './fakes.js';

describe('redact', () => {
  it('keeps at most the first and last four characters', () => {
    const value = fake.github();
    const redacted = redact(value);
    assert.equal(redacted, `${value.slice(0, 4)}…${value.slice(-4)}`);
  });

  it('shows less of shorter values and masks short ones entirely', () => {
    assert.equal(redact('abcdefghijklmnop'), 'ab…op');
    assert.equal(redact('abcdefghijkl'), 'a…l');
    assert.equal(redact('hunter22'), '********');
    assert.equal(redact('ab'), '****');
  });
});

describe('redactSecretsInText', () => {
  const secrets = [fake.awsKeyId(), fake.github(), fake.slack(), fake.stripeLive(), fake.sendgrid(), fake.npm(), fake.google(), fake.jwt(), fake.generic(), fake.dbPassword()];
  const pem = fakePem();
  const text = [
    `AWS_ACCESS_KEY_ID=${secrets[0]}`,
    `GH=${secrets[1]}`,
    `slack: "${secrets[2]}"`,
    `const stripe = '${secrets[3]}';`,
    `SENDGRID=${secrets[4]}`,
    `//registry.npmjs.org/:_authToken=${secrets[5]}`,
    `maps: ${secrets[6]}`,
    `Authorization: Bearer ${secrets[7]}`,
    `API_SECRET=${secrets[8]}`,
    `DATABASE_URL=postgres://app:${secrets[9]}@db.internal/app`,
    pem,
    '',
  ].join('\n');

  it('leaves no detected secret in the output', () => {
    const out = redactSecretsInText(text);
    for (const secret of secrets) assert.ok(!out.includes(secret), `leaked ${secret.slice(0, 6)}`);
    assert.ok(!out.includes(pem.split('\n')[1] as string));
    assert.deepEqual(detectSecretsInText(out), []);
  });

  it('keeps the text around secrets', () => {
    const out = redactSecretsInText(text);
    assert.ok(out.startsWith('AWS_ACCESS_KEY_ID='));
    assert.ok(out.includes('DATABASE_URL=postgres://app:'));
    assert.ok(out.includes('@db.internal/app'));
  });

  it('covers text past the detection cap', () => {
    const secret = fake.github();
    const big = 'x = 1\n'.repeat(1_000_000) + `token = "${secret}"\n`;
    assert.ok(!redactSecretsInText(big).includes(secret));
  });

  it('returns text without secrets unchanged', () => {
    const plain = 'const a = 1;\nDB_PASSWORD=${env:DB_PASSWORD}\n';
    assert.equal(redactSecretsInText(plain), plain);
  });
});
