/**
 * The AWS managed policy data the build writes: read from dist/data only, and a clear error naming
 * the file when it is missing or damaged (no silent "unknown policy" for every policy).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { managedPolicyDocument, ManagedPolicyDataError, readManagedPolicyIndex } from '../../src/iam/managed-policies.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

describe('AWS managed policy data', () => {
  it('answers from the built index', () => {
    const doc = managedPolicyDocument('AWSLambdaBasicExecutionRole') as { Statement: Array<{ Action: string[] }> };
    assert.ok(doc.Statement.some((s) => s.Action.includes('logs:CreateLogGroup')));
    assert.equal(managedPolicyDocument('NoSuchPolicyAnywhere'), undefined);
  });

  it('names the missing file and says how to rebuild it', () => {
    const dir = tempProject({});
    try {
      const file = path.join(dir, 'managed-policies-latest.json');
      assert.throws(() => readManagedPolicyIndex(file), (e: unknown) => {
        assert.ok(e instanceof ManagedPolicyDataError);
        assert.match(e.message, /^AWS managed policy data .*managed-policies-latest\.json cannot be read \(ENOENT\): the build is incomplete; run 'npm run build'/);
        return true;
      });
    } finally {
      removeProject(dir);
    }
  });

  it('names a damaged file', () => {
    const dir = tempProject({ 'managed-policies-latest.json': '{"Truncated": {' });
    try {
      assert.throws(() => readManagedPolicyIndex(path.join(dir, 'managed-policies-latest.json')), /managed-policies-latest\.json is not JSON/);
    } finally {
      removeProject(dir);
    }
  });
});
