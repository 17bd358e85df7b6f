/** The clock that times phases and rules: milliseconds that advance as `performance.now()` does. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nowMs } from '../../src/util/milliseconds.js';

describe('milliseconds', () => {
  it('advances with the time that passes, in milliseconds with fractions', () => {
    performance.now(); // its first call loads Node's performance module
    const [startOurs, startNode] = [nowMs(), performance.now()];
    let previous = startOurs;
    while (performance.now() - startNode < 20) {
      const now = nowMs();
      assert.ok(now >= previous, 'never goes back');
      previous = now;
    }
    const [ours, node] = [nowMs() - startOurs, performance.now() - startNode];
    // A margin for a pause of the process between two reads of a pair; a wrong unit is off by far more.
    assert.ok(Math.abs(ours - node) < 5, `${ours} ms against performance.now()'s ${node} ms`);
    assert.notEqual(ours, Math.round(ours), 'finer than a millisecond');
  });
});
