import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REDACTED, redact, redactText } from '../src/index.js';

describe('redaction by key name', () => {
  it('replaces values under secret-named keys whatever they hold', () => {
    const out = redact({
      password: 'hunter2',
      clientSecret: 'abc',
      access_token: 'x',
      apiKey: 'k',
      'x-api-key': 'k',
      Authorization: 'whatever',
      cookie: 'session=1',
      privateKey: { d: 'xyz' },
      cardNumber: '4111',
      nested: [{ refreshToken: 'r' }],
      orderId: 'ord-1',
    });
    assert.deepEqual(out, {
      password: REDACTED,
      clientSecret: REDACTED,
      access_token: REDACTED,
      apiKey: REDACTED,
      'x-api-key': REDACTED,
      Authorization: REDACTED,
      cookie: REDACTED,
      privateKey: REDACTED,
      cardNumber: REDACTED,
      nested: [{ refreshToken: REDACTED }],
      orderId: 'ord-1',
    });
  });

  it('accepts extra key names', () => {
    assert.deepEqual(redact({ ssn: '078-05-1120', name: 'x' }, /^ssn$/), { ssn: REDACTED, name: 'x' });
  });
});

describe('redaction by value pattern', () => {
  const cases: ReadonlyArray<[string, string, string]> = [
    ['JWT', 'token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLWJ5dGVz here', `token ${REDACTED} here`],
    ['bearer token', 'header Bearer abcdef0123456789.xyz', `header ${REDACTED}`],
    ['basic credentials', 'Basic dXNlcjpwYXNzd29yZA==', REDACTED],
    ['AWS access key id', 'key AKIAIOSFODNN7EXAMPLE used', `key ${REDACTED} used`],
    ['PEM private key', 'k=-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----!', `k=${REDACTED}!`],
    ['Stripe secret key', 'using sk_live_4eC39HqLyjWDarjtT1zdp7dc', `using ${REDACTED}`],
    ['GitHub token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a ok', `${REDACTED} ok`],
    ['Slack token', 'xoxb-1234567890-abcdefghij', REDACTED],
    ['Google API key', 'AIzaSyA-1234567890abcdefghijklmnopqrstu', REDACTED],
    ['password in a URL', 'postgres://app:s3cr3t@db.internal:5432/orders', `postgres://app:${REDACTED}@db.internal:5432/orders`],
    ['password without user in a URL', 'redis://:hunter2@cache:6379', `redis://:${REDACTED}@cache:6379`],
    ['password=value in text', 'login failed password=hunter2 for user', `login failed password=${REDACTED} for user`],
    ['card number (Visa)', 'paid with 4111 1111 1111 1111 today', `paid with ${REDACTED} today`],
    ['card number (Mastercard, dashes)', '5555-5555-5555-4444', REDACTED],
    ['card number (Amex)', '378282246310005', REDACTED],
  ];
  for (const [kind, input, expected] of cases) {
    it(`redacts a ${kind}`, () => {
      assert.equal(redactText(input), expected);
    });
  }

  it('leaves ordinary text and numbers that fail the Luhn check alone', () => {
    const text = 'order ord-1001 of 1234567890123 units, trace Root=1-5c536348-3d683b8b04734faae651f476';
    assert.equal(redactText(text), text);
  });

  it('redacts card numbers given as numbers, and strings deep in structures', () => {
    assert.deepEqual(redact({ a: [{ note: 'card 4111111111111111' }], pan: 4111111111111111, qty: 3 }), {
      a: [{ note: `card ${REDACTED}` }],
      pan: REDACTED,
      qty: 3,
    });
  });

  it('bounds the depth it walks', () => {
    let deep: Record<string, unknown> = { v: 1 };
    for (let i = 0; i < 20; i++) deep = { d: deep };
    assert.match(JSON.stringify(redact(deep)), /\[TRUNCATED\]/);
  });
});
