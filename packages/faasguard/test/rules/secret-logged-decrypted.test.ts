/**
 * `secret-logged` and a plaintext the code decrypts with a KMS key (KMS `Decrypt`, the AWS Encryption
 * SDK's `decrypt`): the message says what the plaintext is, and a field that names the key is no secret.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secretLogged } from '../../src/rules/code/secret-logged.js';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Sender:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: sender.handler
      CodeUri: src/
`;

const SENDER = `import boto3

kms = boto3.client("kms")


def handler(event, context):
    resp = kms.decrypt(CiphertextBlob=event["request"]["code"])
    print("decrypted with", resp["KeyId"])
    print("code", resp["Plaintext"].decode())
`;

describe('secret-logged and decrypted plaintexts', () => {
  it('reports the plaintext logged, not the key id, and says what it is', async () => {
    const result = await scan(project({ 'template.yaml': TEMPLATE, 'src/sender.py': SENDER }), { noCache: true, rules: [secretLogged] });
    assert.deepEqual(result.findings.map((f) => [f.location.file, f.location.line, f.message]), [
      ['src/sender.py', 9, "Sender writes the plaintext it gets from KMS decrypt to its logs at src/sender.py:9: whoever can read the logs has what only the key's users could read, beyond the reach of the key's policy."],
    ]);
  });

  it("follows a secret through a string method called on a response's field, which is no AWS call", async () => {
    const template = TEMPLATE.replace('python3.13', 'nodejs20.x');
    const code = `const AWS = require('aws-sdk');
const secrets = new AWS.SecretsManager();

exports.handler = async () => {
  const data = await secrets.getSecretValue({ SecretId: process.env.SECRET_ID }).promise();
  console.log('token', data.SecretString.trim());
};
`;
    const result = await scan(project({ 'template.yaml': template, 'src/sender.js': code }), { noCache: true, rules: [secretLogged] });
    assert.deepEqual(result.findings.map((f) => [f.location.file, f.location.line]), [['src/sender.js', 6]]);
  });
});
