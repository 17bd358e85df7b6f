/**
 * A loop needs both halves: a role that may write into the trigger and code that writes there.
 * Code in the repository that cannot be analyzed is reported at a lower severity, and the message
 * says why; code that is not in the repository leaves nothing to judge.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { recursiveTriggerLoop } from '../../src/rules/dos/recursive-trigger-loop.js';
import { scan } from '../../src/scan/scan.js';
import type { Finding } from '../../src/findings/finding.js';
import { FIXTURES } from '../helpers/paths.js';

const FIXTURE = path.join(FIXTURES, 'rules/recursive-trigger-loop');

describe('recursive-trigger-loop from the code', () => {
  let found: Finding[] = [];
  before(async () => {
    found = (await scan(path.join(FIXTURE, 'fail'), { rules: [recursiveTriggerLoop] })).findings;
  });

  const of = (subject: string): Finding | undefined => found.find((f) => f.subject?.logicalId === subject);

  it('reports a write back to the bucket the event names, at high severity, pointing at the call', () => {
    const f = of('Resize');
    assert.equal(f?.severity, 'high');
    assert.match(f?.message ?? '', /its code writes to a bucket the template does not name \(s3 PutObject at src\/resize\.js:8\), which may be Images/);
    assert.ok(f?.related?.some((r) => r.loc.file === 'src/resize.js' && r.loc.line === 8));
  });

  it('reports a message sent to the queue bound by an environment variable as a write into that queue', () => {
    const f = of('Retry');
    assert.equal(f?.severity, 'high');
    assert.match(f?.message ?? '', /its code writes there \(sqs SendMessage at src\/retry\.py:10\)/);
  });

  it('reports code in the repository that it cannot analyze at medium severity and says so', () => {
    const f = of('Audit');
    assert.equal(f?.severity, 'medium');
    assert.match(f?.message ?? '', /its code could not be analyzed \(.+\), so whether it writes back is not known/);
  });

  it('is silent when the role could write back but the code writes elsewhere or only reads', async () => {
    const pass = await scan(path.join(FIXTURE, 'pass'), { rules: [recursiveTriggerLoop] });
    assert.deepEqual(pass.findings.map((f) => f.subject?.logicalId), []);
  });

  it('is silent when the code is not in the repository, and notes that the handler was not analyzed', async () => {
    const pass = await scan(path.join(FIXTURE, 'pass'), { rules: [recursiveTriggerLoop] });
    const note = pass.diagnostics.find((d) => d.code === 'handler-not-found' && d.message.includes('Worker'));
    assert.equal(note?.severity, 'note');
    assert.equal(note?.loc?.file, 'template.yaml');
  });
});
