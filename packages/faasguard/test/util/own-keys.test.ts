/**
 * Keys read from scanned files stay data: `__proto__`, `toString` or `constructor` become own
 * entries like any other name, never the object's prototype or an inherited method.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { ownValue, setOwn } from '../../src/util/own-keys.js';

const OWN_KEYS = new URL('../../src/util/own-keys.js', import.meta.url).href;

describe('own keys', () => {
  it('sets every name as an own, enumerable, writable entry, in the order set', () => {
    const out: Record<string, unknown> = {};
    for (const key of ['Type', '__proto__', 'toString', 'constructor', 'hasOwnProperty', 'Properties']) setOwn(out, key, `${key}!`);
    assert.equal(Object.getPrototypeOf(out), Object.prototype, 'the prototype is unchanged');
    assert.deepEqual(Object.keys(out), ['Type', '__proto__', 'toString', 'constructor', 'hasOwnProperty', 'Properties']);
    for (const key of Object.keys(out)) {
      assert.deepEqual(Object.getOwnPropertyDescriptor(out, key), { value: `${key}!`, enumerable: true, writable: true, configurable: true }, key);
    }
    assert.equal(JSON.stringify(out), '{"Type":"Type!","__proto__":"__proto__!","toString":"toString!","constructor":"constructor!","hasOwnProperty":"hasOwnProperty!","Properties":"Properties!"}');
    setOwn(out, 'Type', 'again');
    assert.equal(out.Type, 'again');
  });

  it('reads only own entries', () => {
    const out: Record<string, string> = {};
    setOwn(out, 'a', 'x');
    assert.equal(ownValue(out, 'a'), 'x');
    assert.equal(ownValue(out, 'toString'), undefined);
    assert.equal(ownValue(out, '__proto__'), undefined);
  });

  it("sets Object.prototype's names where that prototype is frozen, which assignment would refuse", () => {
    const script = `Object.freeze(Object.prototype); const { setOwn } = await import(${JSON.stringify(OWN_KEYS)}); const o = {}; setOwn(o, 'toString', 1); setOwn(o, 'a', 2); console.log(JSON.stringify(o));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout.trim(), '{"toString":1,"a":2}');
  });
});
