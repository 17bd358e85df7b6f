/**
 * What an unencrypted queue, topic or stream holds is said as each service stores it: SNS and SQS
 * keep messages under their own disk encryption when no server-side encryption is set, Kinesis
 * stores records unencrypted.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { eventSourceUnencrypted } from '../../src/rules/config/event-source-unencrypted.js';
import { FIXTURES } from '../helpers/paths.js';

describe('event-source-unencrypted messages', () => {
  it('say how each service stores what it holds', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'event-source-unencrypted', 'fail'), { noCache: true, rules: [eventSourceUnencrypted] });
    const said = result.findings.map((f) => [f.subject?.logicalId, f.message.split(': ')[1]?.split(', out of reach')[0]]);
    assert.deepEqual(said.sort(), [
      ['Audit', "the data it holds is protected only by the service's own disk encryption"],
      ['Clicks', 'the events it holds are stored unencrypted'],
      ['Jobs', "the events it holds are protected only by the service's own disk encryption"],
      ['Metrics', 'the data it holds is stored unencrypted'],
      ['Notices', "the data it holds is protected only by the service's own disk encryption"],
      ['Orders', "the events it holds are protected only by the service's own disk encryption"],
    ]);
  });
});
