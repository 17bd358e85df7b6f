/**
 * The runtime rule judges dates against the scan date: these tests fix it with FAASGUARD_NOW so
 * that their verdicts do not change as time passes.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { RUNTIME_DEPRECATIONS, runtimeStatus } from '../../src/data/runtime-deprecations.js';
import { runtimeDeprecated } from '../../src/rules/config/runtime-deprecated.js';
import { scanDate } from '../../src/rules/config/scan-date.js';
import { scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';

const SCAN_DAY = '2026-11-23';
process.env['FAASGUARD_NOW'] = SCAN_DAY;

describe('runtimeStatus', () => {
  const now = new Date(`${SCAN_DAY}T00:00:00Z`);

  it('reports a runtime past its date as deprecated, with the date', () => {
    assert.deepEqual(runtimeStatus('nodejs20.x', now), { state: 'deprecated', since: '2026-04-30' });
  });

  it('reports a runtime deprecated within 180 days as soon, with the days left', () => {
    assert.deepEqual(runtimeStatus('nodejs22.x', now), { state: 'soon', on: '2027-04-30', daysLeft: 158 });
  });

  it('reports a runtime further away as supported, and one missing from the table as unknown', () => {
    assert.deepEqual(runtimeStatus('nodejs24.x', now), { state: 'supported' });
    assert.deepEqual(runtimeStatus('cobol85', now), { state: 'unknown' });
  });

  it('counts the deprecation day itself as deprecated', () => {
    assert.equal(runtimeStatus('nodejs20.x', new Date('2026-04-30T00:00:00Z')).state, 'deprecated');
    assert.equal(runtimeStatus('nodejs20.x', new Date('2026-04-29T00:00:00Z')).state, 'soon');
  });

  it('keeps the dates AWS moved in 2026 for its Amazon Linux 2 runtimes', () => {
    assert.deepEqual(runtimeStatus('python3.10', now), { state: 'deprecated', since: '2026-10-31' });
    assert.deepEqual(runtimeStatus('provided.al2', now), { state: 'deprecated', since: '2026-07-31' });
    for (const runtime of ['python3.11', 'java17', 'java11', 'java8.al2']) assert.equal(RUNTIME_DEPRECATIONS[runtime], '2027-06-30', runtime);
    assert.deepEqual(runtimeStatus('java17.al2023', now), { state: 'supported' });
    assert.deepEqual(runtimeStatus('python3.9', now), { state: 'deprecated', since: '2025-12-15' });
    assert.deepEqual(runtimeStatus('nodejs18.x', now), { state: 'deprecated', since: '2025-09-01' });
  });

  it('has only well-formed dates', () => {
    for (const [runtime, date] of Object.entries(RUNTIME_DEPRECATIONS)) {
      assert.match(date, /^\d{4}-\d{2}-\d{2}$/, runtime);
      assert.ok(!Number.isNaN(Date.parse(date)), runtime);
    }
  });
});

describe('scanDate', () => {
  it('takes FAASGUARD_NOW when set, today otherwise', () => {
    assert.equal(scanDate({ FAASGUARD_NOW: '2030-01-02' }).toISOString(), '2030-01-02T00:00:00.000Z');
    assert.ok(Math.abs(scanDate({}).getTime() - Date.now()) < 60_000);
  });

  it('refuses a malformed date rather than judging against a wrong one', () => {
    assert.throws(() => scanDate({ FAASGUARD_NOW: 'yesterday' }), /FAASGUARD_NOW/);
  });
});

describe('rule runtime-deprecated at a fixed scan date', () => {
  it('reports deprecated runtimes as high', async () => {
    const result = await scan(path.join(FIXTURES, 'rules/runtime-deprecated/fail'), { rules: [runtimeDeprecated] });
    assert.deepEqual(
      result.findings.map((f) => [f.subject?.logicalId, f.location.line, f.severity]),
      [
        ['Legacy', 7, 'high'],
        ['OldPython', 12, 'high'],
      ],
    );
    // Lambda's blocks come on dates AWS announces for each runtime, sometimes years later: no delay is promised.
    assert.match(result.findings[0]?.message ?? '', /no more security patches, and Lambda later blocks creating, then updating, functions on it \(on dates AWS announces for each runtime\)\./);
  });

  it('reports a runtime deprecated soon as medium, with the date in the message', async () => {
    const result = await scan(path.join(FIXTURES, 'rules/runtime-deprecated/soon'), { rules: [runtimeDeprecated] });
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0]?.severity, 'medium');
    assert.match(result.findings[0]?.message ?? '', /nodejs22\.x, which AWS deprecates on 2027-04-30 \(in 158 days\)/);
  });

  it('is silent on current runtimes and container images', async () => {
    const result = await scan(path.join(FIXTURES, 'rules/runtime-deprecated/pass'), { rules: [runtimeDeprecated] });
    assert.deepEqual(result.findings, []);
  });
});
