/** `mapStrings` (util/map-strings.ts): the redacted copy of a report's data. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapStrings } from '../../src/util/map-strings.js';

describe('mapStrings', () => {
  it('maps every string, keys included, and keeps other values', () => {
    const data = { a: 'x', list: ['y', 1, true, null, { b: 'z' }], n: 2, u: undefined };
    assert.deepEqual(mapStrings(data, (s) => s.toUpperCase()), { A: 'X', LIST: ['Y', 1, true, null, { B: 'Z' }], N: 2, U: undefined });
  });

  it('copies what changed, leaves the original alone, and shares what did not change', () => {
    const same = { c: ['kept', 1], d: { e: 'kept' } };
    const data = { a: { b: 'secret' }, list: ['kept', 'secret', 'kept'], same };
    const out = mapStrings(data, (s) => (s === 'secret' ? '***' : s));
    assert.deepEqual(out, { a: { b: '***' }, list: ['kept', '***', 'kept'], same: { c: ['kept', 1], d: { e: 'kept' } } });
    assert.equal(data.a.b, 'secret');
    assert.deepEqual(data.list, ['kept', 'secret', 'kept']);
    assert.notEqual(out, data);
    assert.equal(out.same, same);
    assert.equal(out.same.c, same.c);
  });

  it('returns the input itself when nothing changes', () => {
    const data = { a: ['x', { b: 'y' }], n: 1 };
    assert.equal(mapStrings(data, (s) => s), data);
  });

  it('copies an object whose key alone changes, keys before it included and in order', () => {
    const data = { first: 1, second: { x: 'y' }, renamed: 2, last: 3 };
    const out = mapStrings(data, (s) => (s === 'renamed' ? 'RENAMED' : s));
    assert.deepEqual(Object.entries(out), [['first', 1], ['second', { x: 'y' }], ['RENAMED', 2], ['last', 3]]);
    assert.equal((out as Record<string, unknown>).second, data.second);
  });

  it('keeps a __proto__ key of the data as a plain key, not the prototype', () => {
    const data = JSON.parse('{"__proto__": {"polluted": "yes"}, "k": "v"}') as Record<string, unknown>;
    for (const changed of ['yes', 'v']) {
      const copy = mapStrings(data, (s) => (s === changed ? s.toUpperCase() : s));
      assert.notEqual(copy, data);
      assert.equal(Object.getPrototypeOf(copy), Object.prototype);
      assert.deepEqual(Object.keys(copy), ['__proto__', 'k']);
      assert.equal((copy as { polluted?: string }).polluted, undefined);
      assert.deepEqual(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value, { polluted: changed === 'yes' ? 'YES' : 'yes' });
    }
  });
});
