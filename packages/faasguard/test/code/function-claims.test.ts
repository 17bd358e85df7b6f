/** Claims of the worker's share: each function taken once, whichever thread asks first. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FunctionClaims } from '../../src/code/function-claims.js';

describe('function claims', () => {
  it('gives each function to the first that takes it, across copies sharing the memory', () => {
    const main = new FunctionClaims(3);
    const worker = new FunctionClaims(main.buffer);
    assert.equal(worker.take(0), true);
    assert.equal(main.take(0), false);
    assert.equal(main.take(2), true);
    assert.equal(worker.take(2), false);
    assert.equal(worker.take(1), true);
    assert.equal(main.take(1), false);
  });

  it('holds claims for no function at all', () => {
    assert.equal(new FunctionClaims(0).buffer.byteLength, 0);
  });
});
