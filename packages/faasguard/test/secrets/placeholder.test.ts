import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { classifyNamedValue, detectSecretsInText, isPlaceholder } from '../../src/secrets/index.js';
import { fake } from './fakes.js';

const PLACEHOLDERS = [
  '', '   ', 'changeme', 'CHANGE_ME', '<your-key>', '<password>', '${env:API_KEY}', '${ssm:/prod/db/password}', '${self:custom.secret}',
  '{{resolve:secretsmanager:x}}', '{{resolve:secretsmanager:prod/db:SecretString:password}}', '{{resolve:ssm-secure:/prod/key}}',
  '!Ref DbPassword', '!Sub "${DbPassword}"', 'xxxxxxxx', 'XXXXXXXXXXXXXXXXXXXX', '********', 'your-api-key-here', 'YOUR_API_TOKEN',
  'TODO', 'example', 'my-example-secret-123', 'placeholder', '$API_KEY', '%API_KEY%', '$(cat /run/secret)', 'dummy-value-123', 'redacted',
  'super_secret_key_12345', 'api-key-1234',
];

describe('isPlaceholder', () => {
  for (const value of PLACEHOLDERS) {
    it(`treats ${JSON.stringify(value)} as a placeholder`, () => {
      assert.equal(isPlaceholder(value), true);
    });
  }

  it('does not treat real-looking values as placeholders', () => {
    for (const value of [fake.generic(), fake.password(), fake.github(), fake.stripeTest(), fake.awsSecret()]) {
      assert.equal(isPlaceholder(value), false, value);
    }
  });

  it('makes every secret-like name with a placeholder a negative', () => {
    for (const value of PLACEHOLDERS) {
      for (const name of ['DB_PASSWORD', 'API_KEY', 'SECRET_TOKEN', 'GITHUB_TOKEN']) {
        assert.equal(classifyNamedValue(name, value), undefined, `${name}=${value}`);
        assert.deepEqual(detectSecretsInText(`${name}: "${value}"\n`), [], `${name}: "${value}"`);
      }
    }
  });
});

describe('placeholder fixtures', () => {
  const folder = new URL('../../../test/fixtures/secrets/', import.meta.url);
  for (const file of readdirSync(folder)) {
    it(`finds nothing in ${file}`, () => {
      const text = readFileSync(new URL(file, folder), 'utf8');
      assert.deepEqual(detectSecretsInText(text, { fileName: file }), []);
    });
  }
});
