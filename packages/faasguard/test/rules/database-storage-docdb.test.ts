/** database-storage-unencrypted on Amazon DocumentDB clusters, whose API leaves storage unencrypted as RDS's does. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { databaseStorageUnencrypted } from '../../src/rules/config/database-storage-unencrypted.js';
import { scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';

describe('database-storage-unencrypted on DocumentDB', () => {
  it('names the service and the setting as the source spells it', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'database-storage-unencrypted', 'fail'), { rules: [databaseStorageUnencrypted] });
    const messages = Object.fromEntries(result.findings.map((f) => [f.subject?.logicalId, f.message]));
    assert.match(messages['Documents']!, /^DocumentDB cluster Documents stores its data unencrypted \(StorageEncrypted is left out, and DocumentDB then does not encrypt\): .* Set StorageEncrypted to true; an existing cluster must be restored from a snapshot into a new cluster given a KMS key \(KmsKeyId\), since DocumentDB does not encrypt a snapshot copy\.$/);
    assert.match(messages['aws_docdb_cluster.catalog']!, /^DocumentDB cluster aws_docdb_cluster\.catalog stores its data unencrypted .* Set storage_encrypted = true;/);
    assert.match(messages['Reports']!, /^DB cluster Reports stores its data unencrypted \(StorageEncrypted is false\).* an existing database must be restored from an encrypted snapshot copy\.$/);
  });
});
