/** `countText` (util/count-text.ts): the text `toLocaleString('en-US')` gives, without loading the locale data for whole numbers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countText } from '../../src/util/count-text.js';

describe('countText', () => {
  it('groups whole numbers by thousands as en-US does', () => {
    const numbers = [0, 7, 999, 1000, 12_500, 100_000, 999_999, 1_000_000, 65_536, 2_147_483_647, Number.MAX_SAFE_INTEGER, -1, -1000, -1_234_567];
    for (const n of numbers) assert.equal(countText(n), n.toLocaleString('en-US'), String(n));
    assert.equal(countText(1_234_567), '1,234,567');
  });

  it('writes other numbers as the locale data does', () => {
    for (const n of [0.5, 1234.5678, 2.5e21, -0.25]) assert.equal(countText(n), n.toLocaleString('en-US'), String(n));
    assert.equal(countText(1234.5), '1,234.5');
  });
});
