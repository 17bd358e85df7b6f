import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundleEntry } from '../testkit/bundle-entry.js';


async function bundle(entry: string, external: string[] = []) {
  const { code, inputs } = await bundleEntry(entry, external);
  return {
    bytes: code.byteLength,
    has: (pkg: string) => inputs.some((i) => i.includes(`node_modules/${pkg}/`)),
    // Paths are relative to the working directory, which may be this package or the repository root.
    guardFiles: inputs
      .filter((i) => /(^|\/)dist\/src\//.test(i) && !i.includes('node_modules/'))
      .map((i) => i.replace(/.*dist\/src\//, '')),
  };
}

describe('bundles: no dependency pulled in by a feature that is not used', () => {
  it('the core handler (detection + validation) is under 32 KB and has no dependency', async () => {
    const core = await bundle('core-validation.js');
    assert.ok(core.bytes < 32 * 1024, `${core.bytes} bytes`);
    for (const pkg of ['jose', 'ioredis', '@aws-sdk/client-dynamodb', '@aws-sdk/client-secrets-manager']) {
      assert.equal(core.has(pkg), false, `core bundle contains ${pkg}`);
    }
    assert.ok(core.guardFiles.includes('guard/guard.js'), core.guardFiles.join(', '));
    assert.ok(!core.guardFiles.some((f) => /jwt|redis|dynamodb|secrets/.test(f)), core.guardFiles.join(', '));
  });

  it('JWT support brings jose, and only where it is imported', async () => {
    const jwt = await bundle('jwt-auth.js');
    assert.equal(jwt.has('jose'), true);
    assert.equal(jwt.has('ioredis'), false);
  });

  it('the DynamoDB store references the AWS SDK, which stays external as on Lambda', async () => {
    const dynamo = await bundle('dynamodb-store.js', ['@aws-sdk/*']);
    assert.ok(dynamo.guardFiles.includes('rate-limit/dynamodb-store.js'));
    assert.equal(dynamo.has('jose'), false);
  });
});
