/**
 * The message of env-plaintext-secret names the kind of secret inside its sentence: a name keeps
 * its capitals ("aWS access key id" before), a common noun is in lower case.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { envPlaintextSecret } from '../../src/rules/secrets/env-plaintext-secret.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

describe('env-plaintext-secret messages', () => {
  it('name the kind of secret as it reads in a sentence', async () => {
    const dir = project({
      'template.yaml': `Transform: AWS::Serverless-2016-10-31
Resources:
  Sync:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      InlineCode: "def handler(event, context): pass"
      Environment:
        Variables:
          AWS_ACCESS_KEY_ID: AKIAZ7QK4M2XW9RT3TBV
          STRIPE_KEY: sk_live_51Hq7ZrT2vX9kLm4NpW8sYbQ3
          DB_PASSWORD: q7RzT2vX9kLm4NpW8sYb
`,
    });
    const result = await scan(dir, { noCache: true, rules: [envPlaintextSecret] });
    const kinds = result.findings.map((f) => /holds a plaintext secret \(([^:]+):/.exec(f.message)?.[1]).sort();
    assert.deepEqual(kinds, ['AWS access key id', 'Stripe secret or restricted key', 'hard-coded secret assigned to a secret-like name']);
  });
});
