/**
 * A public function whose every way in is throttled, but too loosely to keep it below the account's
 * concurrency pool, is reported with the limit that lets it through and how many runs it allows at
 * once; one with an unthrottled way in is reported without a word of throttling.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { publicFunctionWithoutReservedConcurrency } from '../../src/rules/dos/public-function-without-reserved-concurrency.js';
import { FIXTURES } from '../helpers/paths.js';

const FIXTURE = path.join(FIXTURES, 'rules', 'public-function-without-reserved-concurrency', 'fail');

describe('public-function-without-reserved-concurrency and API throttling', () => {
  it('names the loose limit of a throttled function, and none for an unthrottled one', async () => {
    const result = await scan(FIXTURE, { noCache: true, rules: [publicFunctionWithoutReservedConcurrency] });
    const bySubject = new Map(result.findings.map((f) => [f.subject?.logicalId, f]));
    assert.equal(bySubject.get('ListOrders')?.location.line, 36);
    assert.match(
      bySubject.get('ListOrders')?.message ?? '',
      /billing every call\. Its API's throttling \(2,000 requests a second, burst 1,000\) does not hold it below the pool of 1,000: with its 3-second timeout, up to 7,000 runs can be under way at once\. Set ReservedConcurrentExecutions\.$/,
    );
    assert.match(bySubject.get('SlowOrder')?.message ?? '', /\(50 requests a second, burst 25\) .* with its 30-second timeout, up to 1,525 runs can be under way at once\./);
    assert.match(bySubject.get('Search')?.message ?? '', /billing every call\. Set ReservedConcurrentExecutions\.$/);
    assert.doesNotMatch(bySubject.get('Webhook')?.message ?? '', /API's throttling/);
  });
});
