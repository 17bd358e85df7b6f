import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jsonTextDepth, parseJsonSafely } from '../src/index.js';

/** Nesting depth of a parsed value: the reference the text scan must agree with. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + children.reduce<number>((max, child) => Math.max(max, depthOf(child)), 0);
}

// Strings full of what a scan could mistake for structure: quotes, backslashes and brackets.
const tricky = fc.string({ unit: fc.constantFrom('"', '\\', '[', ']', '{', '}', 'a', ' ', '\u00e9') });
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, tricky, fc.integer(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(tricky, tie('value'), { maxKeys: 4 }),
})).value;

describe('JSON depth on the text', () => {
  it('equals the depth of the parsed value, whatever the strings hold', () => {
    fc.assert(fc.property(json, fc.boolean(), (value, pretty) => {
      const text = JSON.stringify(value, null, pretty ? 2 : undefined);
      assert.equal(jsonTextDepth(text), depthOf(value));
    }), { numRuns: 2000 });
  });

  it('refuses text nested deeper than the limit, and accepts it at the limit', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), tricky, (depth, inner) => {
      const text = '['.repeat(depth) + JSON.stringify(inner) + ']'.repeat(depth);
      if (depth <= 8) assert.deepEqual(depthOf(parseJsonSafely(text, { maxDepth: 8 })), depth);
      else assert.throws(() => parseJsonSafely(text, { maxDepth: 8 }), /Invalid request/);
    }));
  });

  it('counts an unterminated string to the end of the text', () => {
    assert.equal(jsonTextDepth('[["abc'), 2);
    assert.equal(jsonTextDepth('[["a\\"[['), 2);
    assert.equal(jsonTextDepth('[["a\\\\"[['), 4);
  });
});
