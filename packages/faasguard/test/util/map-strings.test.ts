/** `mapStrings` (util/map-strings.ts): the redacted copy of a report's data. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapStrings } from '../../src/util/map-strings.js';

describe('mapStrings', () => {
  it('maps every string, keys included, and keeps other values', () => {
    const data = { a: 'x', list: ['y', 1, true, null, { b: 'z' }], n: 2, u: undefined };
    assert.deepEqual(mapStrings(data, (s) => s.toUpperCase()), { A: 'X', LIST: ['Y', 1, true, null, { B: 'Z' }], N: 2, U: undefined });
  });

  it('returns a copy and leaves the original alone', () => {
    const data = { a: { b: 'x' } };
    const copy = mapStrings(data, (s) => s);
    assert.notEqual(copy.a, data.a);
    copy.a.b = 'changed';
    assert.equal(data.a.b, 'x');
  });

  it('keeps a __proto__ key of the data as a plain key, not the prototype', () => {
    const data = JSON.parse('{"__proto__": {"polluted": "yes"}, "k": "v"}') as Record<string, unknown>;
    const copy = mapStrings(data, (s) => s);
    assert.equal(Object.getPrototypeOf(copy), Object.prototype);
    assert.deepEqual(Object.keys(copy), ['__proto__', 'k']);
    assert.equal((copy as { polluted?: string }).polluted, undefined);
    assert.deepEqual(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value, { polluted: 'yes' });
  });
});
