/**
 * bucket-trigger-without-public-access-block says what a bucket without the configuration gets: S3
 * turns all four settings on for new buckets since April 2023, so the finding is that the template
 * does not say so (an older or imported bucket keeps its own), not that one ACL would expose it.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { bucketTriggerWithoutPublicAccessBlock } from '../../src/rules/config/bucket-trigger-without-public-access-block.js';
import { FIXTURES } from '../helpers/paths.js';

describe('bucket-trigger-without-public-access-block messages', () => {
  it('say what S3 gives a bucket the template leaves unconfigured, and what a weakened one allows', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'bucket-trigger-without-public-access-block', 'fail'), { noCache: true, rules: [bucketTriggerWithoutPublicAccessBlock] });
    const bySubject = new Map(result.findings.map((f) => [f.subject?.logicalId, f.message]));
    for (const unconfigured of ['Imports', 'Archive']) {
      assert.match(bySubject.get(unconfigured) ?? '', /S3 turns all four settings on for a bucket created since April 2023, but a bucket older than that, or one imported into the stack, keeps what it had/);
    }
    assert.match(bySubject.get('Uploads') ?? '', /leaves BlockPublicPolicy, RestrictPublicBuckets off: a public ACL or policy would let anyone on the internet upload objects/);
    assert.match(bySubject.get('Exports') ?? '', /leaves IgnorePublicAcls off, so one public ACL or policy statement would expose it/);
  });
});
