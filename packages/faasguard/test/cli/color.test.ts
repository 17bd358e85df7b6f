/**
 * The colour decision where a child process cannot show it: on a terminal. `NO_COLOR` set and not
 * empty, `FORCE_COLOR=0` and `--no-color` each turn colours off there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { colorWanted } from '../../src/cli/color.js';

const terminal = { isTTY: true } as unknown as NodeJS.WritableStream;
const pipe = {} as unknown as NodeJS.WritableStream;

describe('colorWanted', () => {
  it('on a terminal: on, unless --no-color, NO_COLOR or FORCE_COLOR=0 or false', () => {
    assert.equal(colorWanted(false, terminal, {}), true);
    assert.equal(colorWanted(true, terminal, {}), false);
    assert.equal(colorWanted(false, terminal, { NO_COLOR: '1' }), false);
    assert.equal(colorWanted(false, terminal, { FORCE_COLOR: '0' }), false);
    assert.equal(colorWanted(false, terminal, { FORCE_COLOR: 'false' }), false);
  });

  it('an empty NO_COLOR does not count (no-color.org)', () => {
    assert.equal(colorWanted(false, terminal, { NO_COLOR: '' }), true);
  });

  it('without a terminal: only with FORCE_COLOR', () => {
    assert.equal(colorWanted(false, pipe, {}), false);
    assert.equal(colorWanted(false, pipe, { FORCE_COLOR: 'true' }), true);
    assert.equal(colorWanted(false, pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }), true);
    assert.equal(colorWanted(true, pipe, { FORCE_COLOR: '1' }), false);
  });
});
