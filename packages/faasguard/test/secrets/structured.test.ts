import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectSecretsInText } from '../../src/secrets/index.js';
import { assertClean, assertDetected } from './assertions.js';
import { BASE64, HEX, fake, fakeChars, fakePem } from './fakes.js';

describe('AWS secret access keys', () => {
  it('are found next to an access key id', () => {
    const secret = fake.awsSecret();
    const text = `[default]\naws_access_key_id = ${fake.awsKeyId()}\nregion = eu-west-1\nkey2 = ${secret}\n`;
    assertDetected(text, 'aws-secret-access-key', secret, 'credentials');
  });

  it('are found under a secret access key name without an id nearby', () => {
    const secret = fake.awsSecret();
    const match = assertDetected(`const cfg = {\n  secretAccessKey: "${secret}",\n};\n`, 'aws-secret-access-key', secret, 'aws.ts');
    assert.equal(match.confidence, 'high');
  });

  it('are not reported alone: 40 base64 characters are too common', () => {
    assertClean(`integrity: ${fakeChars(BASE64, 40, 60)}\n`, 'lock.yaml');
  });

  it('ignore git SHAs (hex) next to an access key id', () => {
    const matches = detectSecretsInText(`id: ${fake.awsKeyId()}\ncommit: ${fakeChars(HEX, 40, 61)}\n`);
    assert.deepEqual(matches.map((m) => m.kind), ['aws-access-key-id']);
  });

  it('ignore candidates far from the access key id', () => {
    const filler = 'x: 1\n'.repeat(10);
    const matches = detectSecretsInText(`id: ${fake.awsKeyId()}\n${filler}other: ${fakeChars(BASE64, 40, 62)}\n`);
    assert.deepEqual(matches.map((m) => m.kind), ['aws-access-key-id']);
  });
});

describe('Twilio auth tokens', () => {
  it('are found next to an account SID', () => {
    const token = fake.twilioAuthToken();
    const text = `const sid = '${fake.twilioAccountSid()}';\nconst auth = '${token}';\n`;
    assertDetected(text, 'twilio-key', token, 'sms.js');
  });

  it('are not reported without an account SID, and the SID alone is not a secret', () => {
    assertClean(`const etag = '${fake.twilioAuthToken()}';\n`, 'a.js');
    assertClean(`const sid = '${fake.twilioAccountSid()}';\n`, 'a.js');
  });
});

describe('private keys', () => {
  it('are found as PEM blocks, from BEGIN to END', () => {
    const pem = fakePem();
    const match = assertDetected(`# deploy key\n${pem}\n`, 'private-key', pem);
    assert.equal(match.confidence, 'high');
  });

  it('are found with JSON escapes (service account files, env values)', () => {
    const pem = fakePem('PRIVATE KEY').replace(/\n/g, '\\n');
    assertDetected(`{"private_key": "${pem}\\n"}`, 'private-key', pem);
  });

  it('ignore public keys, certificates, bare markers and elided bodies', () => {
    assertClean(fakePem('PUBLIC KEY'));
    assertClean(fakePem('CERTIFICATE'));
    assertClean(`if (pem.startsWith('-----BEGIN PRIVATE KEY-----')) return parse(pem);\n`, 'a.ts');
    assertClean('-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----\n');
  });
});

describe('Google Cloud service account keys', () => {
  it('are found at their private_key_id', () => {
    const id = fake.gcpKeyId();
    const text = `{\n  "type": "service_account",\n  "project_id": "demo",\n  "private_key_id": "${id}",\n  "client_email": "a@demo.iam.gserviceaccount.com"\n}\n`;
    assertDetected(text, 'gcp-service-account', id, 'sa.json');
  });

  it('ignore a private_key_id outside a service account file', () => {
    assertClean(`{"type": "user", "private_key_id": "${fake.gcpKeyId()}"}`);
  });
});

describe('JSON Web Tokens', () => {
  it('are found when the header decodes to JSON with alg', () => {
    const jwt = fake.jwt();
    const match = assertDetected(`const token = "${jwt}";\n`, 'jwt', jwt, 'a.js');
    assert.equal(match.confidence, 'medium');
  });

  it('ignore three base64url segments whose header is not a JWT header', () => {
    const header = Buffer.from(JSON.stringify({ typ: 'x' })).toString('base64url');
    assertClean(`v = "${header}.${fakeChars(BASE64, 20, 63).replace(/[+/]/g, 'a')}.${fakeChars(HEX, 40, 64)}"\n`);
    assertClean(`v = "eyJhbGciOiJIUzI1NiJ9.short"\n`);
  });

  it('stay linear on a long run of header prefixes', () => {
    const matches = detectSecretsInText('eyJ'.repeat(200_000));
    assert.deepEqual(matches, []);
  });
});

describe('bearer tokens', () => {
  it('are found after Authorization: Bearer', () => {
    const token = fake.bearer();
    assertDetected(`curl -H "Authorization: Bearer ${token}" https://api.internal/v1\n`, 'bearer-token', token, 'run.sh');
  });

  it('ignore variables, prose and placeholders', () => {
    assertClean('headers.Authorization = `Bearer ${token}`;\n', 'a.js');
    assertClean('Use Bearer authentication with a token from the console.\n', 'README.md');
    assertClean('Authorization: Bearer <your-access-token>\n');
    assertClean("headers['Authorization'] = 'Bearer ' + accessToken;\n", 'a.js');
  });

  it('report a JWT once, as a JWT', () => {
    const jwt = fake.jwt();
    const matches = detectSecretsInText(`Authorization: Bearer ${jwt}\n`);
    assert.deepEqual(matches.map((m) => m.kind), ['jwt']);
  });
});

describe('URLs with passwords', () => {
  it('report the password of a database URL', () => {
    const password = fake.dbPassword();
    const text = `DATABASE_URL=postgres://app:${password}@db.internal:5432/orders\n`;
    const match = assertDetected(text, 'database-url-password', password, '.env');
    assert.equal(match.confidence, 'high');
  });

  it('report mongodb+srv and jdbc URLs', () => {
    const password = fake.dbPassword();
    assertDetected(`uri: "mongodb+srv://svc:${password}@cluster0.abcde.mongodb.net/db"\n`, 'database-url-password', password);
    assertDetected(`url=jdbc:mysql://svc:${password}@10.0.0.5:3306/db\n`, 'database-url-password', password);
  });

  it('report other URLs with a password as URL credentials', () => {
    const password = fake.dbPassword();
    assertDetected(`registry: https://ci:${password}@npm.internal.corp/\n`, 'url-credentials', password);
  });

  it('ignore URLs without password, with placeholders or on documentation hosts', () => {
    assertClean('DATABASE_URL=postgres://app@db.internal:5432/orders\n');
    assertClean('DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal:5432/orders\n');
    assertClean('DATABASE_URL=postgres://user:password@db.internal:5432/orders\n');
    assertClean('DATABASE_URL=postgres://app:<password>@db.internal:5432/orders\n');
    assertClean(`DATABASE_URL=postgres://app:${fake.dbPassword()}@db.example.com/orders\n`);
    assertClean('see https://docs.aws.amazon.com/lambda/latest/dg/welcome.html\n');
  });
});
