import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyNamedValue } from '../../src/secrets/index.js';
import { fake } from './fakes.js';

describe('classifyNamedValue', () => {
  it('recognises a vendor format whatever the name', () => {
    const value = fake.github();
    const match = classifyNamedValue('CI_SETTING', value);
    assert.equal(match?.kind, 'github-token');
    assert.equal(match?.line, 1);
    assert.equal(match?.column, 1);
    assert.equal(match?.length, value.length);
    assert.ok(!match?.redacted.includes(value));
  });

  it('reports the password inside a database URL value, at its column', () => {
    const password = fake.dbPassword();
    const value = `mysql://app:${password}@db.internal/orders`;
    const match = classifyNamedValue('DATABASE_URL', value);
    assert.equal(match?.kind, 'database-url-password');
    assert.equal(match?.column, value.indexOf(password) + 1);
  });

  it('finds a key inside a connection string that mentions example', () => {
    const key = fake.azureKey();
    const value = `DefaultEndpointsProtocol=https;AccountName=examplestore;AccountKey=${key};EndpointSuffix=core.windows.net`;
    const match = classifyNamedValue('STORAGE_CONNECTION', value);
    assert.equal(match?.kind, 'azure-storage-key');
    assert.equal(match?.column, value.indexOf(key) + 1);
  });

  it('classifies an AWS secret access key by its name', () => {
    const match = classifyNamedValue('AWS_SECRET_ACCESS_KEY', fake.awsSecret());
    assert.equal(match?.kind, 'aws-secret-access-key');
    assert.equal(match?.confidence, 'high');
  });

  it('classifies a Twilio auth token by its name', () => {
    assert.equal(classifyNamedValue('TWILIO_AUTH_TOKEN', fake.twilioAuthToken())?.kind, 'twilio-key');
  });

  it('classifies secret-like names with high-entropy values as generic secrets', () => {
    const password = classifyNamedValue('MasterUserPassword', fake.password());
    assert.equal(password?.kind, 'generic-secret');
    assert.equal(password?.line, 1);
    assert.equal(password?.column, 1);
    assert.equal(classifyNamedValue('apiKey', fake.generic())?.kind, 'generic-secret');
  });

  it('ignores ordinary names, non-secret values and references', () => {
    assert.equal(classifyNamedValue('TABLE_NAME', fake.generic()), undefined);
    assert.equal(classifyNamedValue('DB_PASSWORD', '!Ref DbPassword'), undefined);
    assert.equal(classifyNamedValue('DB_PASSWORD', '{{resolve:secretsmanager:x}}'), undefined);
    assert.equal(classifyNamedValue('DB_PASSWORD', '{{resolve:ssm-secure:/prod/db}}'), undefined);
    assert.equal(classifyNamedValue('API_KEY', 'arn:aws:ssm:eu-west-1:123456789012:parameter/api-key'), undefined);
    assert.equal(classifyNamedValue('AUTH_TOKEN', 'false'), undefined);
    assert.equal(classifyNamedValue('SECRET', 'short1'), undefined);
  });
});
