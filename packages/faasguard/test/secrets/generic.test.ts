import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectSecretsInText, isSecretLikeName } from '../../src/secrets/index.js';
import { assertClean, assertDetected } from './assertions.js';
import { fake } from './fakes.js';

describe('generic secrets (secret-like name + high-entropy value)', () => {
  it('are found in .env files', () => {
    const value = fake.generic();
    const match = assertDetected(`NODE_ENV=production\nPAYMENT_API_KEY=${value}\n`, 'generic-secret', value, '.env');
    assert.equal(match.confidence, 'high');
  });

  it('are found in YAML environment blocks and JSON', () => {
    const value = fake.generic();
    assertDetected(`    Environment:\n      Variables:\n        WEBHOOK_SECRET: ${value}\n`, 'generic-secret', value, 'template.yaml');
    assertDetected(`{"Variables": {"clientSecret": "${value}"}}`, 'generic-secret', value, 'template.json');
  });

  it('are found as string literals in code', () => {
    const value = fake.password();
    assertDetected(`const dbPassword = "${value}";\n`, 'generic-secret', value, 'db.ts');
    assertDetected(`conn = connect(password='${value}')\n`, 'generic-secret', value, 'db.py');
    assertDetected(`config["api_key"] = "${fake.generic()}"\n`.replace(fake.generic(), value), 'generic-secret', value, 'x.py');
  });

  it('ignore code that reads the secret from elsewhere', () => {
    assertClean('const password = process.env.DB_PASSWORD;\n', 'db.ts');
    assertClean('const apiKey = await getSecret(secretArn);\n', 'db.ts');
    assertClean('password = os.environ["DB_PASSWORD"]\n', 'db.py');
    assertClean('API_TOKEN: ${ssm:/prod/api-token}\n', 'serverless.yml');
    assertClean('API_TOKEN: ${env:API_TOKEN}\n', 'serverless.yml');
  });

  it('ignore comparisons and values that are not secrets', () => {
    assertClean('if (token == "abc123def456ghi789") return;\n', 'a.js');
    for (const value of ['true', '3600', '30s', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC123', '/prod/db/password', 'https://auth.internal/token', 'db.internal.corp', 'hello', 'v1.2.3']) {
      assertClean(`DB_PASSWORD=${value}\nAPI_TOKEN=${value}\n`, '.env');
    }
  });

  it('ignore names about a secret rather than the secret', () => {
    const value = fake.generic();
    for (const name of ['SECRET_ARN', 'API_KEY_NAME', 'TOKEN_URL', 'PASSWORD_PARAMETER', 'SecretId', 'PUBLIC_KEY', 'STRIPE_PUBLISHABLE_KEY', 'PARTITION_KEY', 'TOKEN_TTL']) {
      assertClean(`${name}=${value}\n`, '.env');
    }
  });

  it('ignore low-entropy values', () => {
    assertClean('API_KEY=aaaaaaaaaaaabbbbbbbbbbbb1\nSECRET_TOKEN=abcabcabcabc1\nDB_PASSWORD=aaaa1111\n', '.env');
  });

  it('ignore unquoted values in code, which are expressions', () => {
    assertClean(`const token = ${fake.generic()};\n`, 'a.ts');
  });

  it('are found in shell exports, CRLF files and inline template code', () => {
    const value = fake.generic();
    assertDetected(`#!/bin/sh\nexport SERVICE_TOKEN=${value}\n`, 'generic-secret', value, 'deploy.sh');
    assertDetected(`A=1\r\nAPI_SECRET=${value}\r\nB=2\r\n`, 'generic-secret', value, '.env');
    const zipFile = `      Code:\n        ZipFile: |\n          const apiKey = '${value}';\n          exports.handler = async () => apiKey;\n`;
    assertDetected(zipFile, 'generic-secret', value, 'template.yaml');
  });

  it('ignore identifiers, header names, prose and letters-only words', () => {
    assertClean('const X_AWS_EC2_METADATA_TOKEN = "x-aws-ec2-metadata-token";\n', 'a.js');
    assertClean('//   RandomPassword: "STRING_VALUE",\n', 'a.d.ts');
    assertClean('  password: "my-top-secret",\n', 'README.md');
    assertClean("  'allPass': 'overEvery',\n", 'a.js');
    assertClean('  password: v.pipe(v.string(), v.minLength(8)),\n', 'README.md');
    assertClean('"expected_token_here_1007": "分析器预期在此处找到与标记匹配的内容123",\n', 'messages.json');
  });

  it('cap names and values so a huge line stays cheap', () => {
    const matches = detectSecretsInText(`${'password'.repeat(20_000)}=${'k'.repeat(5000)}\n`);
    assert.deepEqual(matches, []);
  });
});

describe('isSecretLikeName', () => {
  it('accepts common secret names', () => {
    for (const name of ['PASSWORD', 'DB_PASS', 'dbPassword', 'API_KEY', 'apiKey', 'x-api-key', 'SECRET', 'CLIENT_SECRET', 'AUTH_TOKEN', 'PRIVATE_KEY', 'SIGNING_KEY', 'credentials', 'JWT_SECRET', 'MasterUserPassword', 'KEYSTORE_PASSWORD']) {
      assert.ok(isSecretLikeName(name), name);
    }
  });

  it('rejects names about secrets and ordinary names', () => {
    for (const name of ['SECRET_ARN', 'TOKEN_ENDPOINT', 'PASSWORD_LENGTH', 'KEY', 'HASH_KEY', 'BYPASS_CACHE', 'TABLE_NAME', 'PUBLIC_KEY', 'ACCESS_KEY_ID', 'keyboard', 'SecretsManagerSecretForMQ', 'SSM_API_TOKEN', 'DocumentDBTrustStorePassword', 'TRUSTSTORE_PASSWORD']) {
      assert.ok(!isSecretLikeName(name), name);
    }
  });
});
