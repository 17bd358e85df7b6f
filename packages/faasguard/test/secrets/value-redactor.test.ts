import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MIN_REDACTED_VALUE_CHARS, redact, ValueRedactor } from '../../src/secrets/index.js';
import { ALNUM, fake, fakeChars, fakePem } from './fakes.js';

/** A password nothing but its name gives away: no format would find it in other text. */
const PASSWORD = 'Pw' + fakeChars(ALNUM, 14, 41);

describe('ValueRedactor', () => {
  it('masks a known value wherever it occurs, though nothing there marks it as a secret', () => {
    const redactor = new ValueRedactor([PASSWORD]);
    assert.equal(redactor.text(`route /a/${PASSWORD}/b and again ${PASSWORD}`), `route /a/${redact(PASSWORD)}/b and again ${redact(PASSWORD)}`);
  });

  it('also masks secrets it was not told of, by their format', () => {
    const token = fake.github();
    assert.equal(new ValueRedactor([]).text(`x ${token} y`), `x ${redact(token)} y`);
  });

  it('masks a value holding a shorter known one whole', () => {
    const inner = PASSWORD.slice(0, 10);
    const out = new ValueRedactor([inner, PASSWORD]).text(`[${PASSWORD}]`);
    assert.equal(out, `[${redact(PASSWORD)}]`);
  });

  it('keeps the line breaks of a multi-line value, so that line numbers still hold', () => {
    const pem = fakePem();
    const text = `a\n${pem}\nb\n`;
    const out = new ValueRedactor([pem]).values(text);
    assert.equal(out.split('\n').length, text.split('\n').length);
    assert.ok(!out.includes(pem.split('\n')[1]!));
  });

  it('leaves values too short to mask everywhere alone', () => {
    const short = 'x'.repeat(MIN_REDACTED_VALUE_CHARS - 1);
    assert.equal(new ValueRedactor([short]).values(`${short}!`), `${short}!`);
  });

  it('treats regular-expression characters in a value as text', () => {
    const odd = `a.b*c(d)[e]${PASSWORD}`;
    const redactor = new ValueRedactor([odd]);
    assert.equal(redactor.values(`=${odd}=`), `=${redact(odd)}=`);
    assert.equal(redactor.values('aXb*c(d)[e]'), 'aXb*c(d)[e]');
  });

  it('redacts every string of plain data, keys too, and keeps a __proto__ key a plain key', () => {
    const data = JSON.parse(`{"__proto__": {"x": 1}, "${PASSWORD}": ["${PASSWORD}", 3, null, true]}`) as Record<string, unknown>;
    const out = new ValueRedactor([PASSWORD]).data(data);
    assert.deepEqual(Object.keys(out), ['__proto__', redact(PASSWORD)]);
    assert.deepEqual(out[redact(PASSWORD)], [redact(PASSWORD), 3, null, true]);
    assert.equal(Object.getPrototypeOf(out), Object.prototype);
    assert.equal(JSON.stringify(out).includes(PASSWORD), false);
  });

  it('redacts long strings, which it does not remember, wherever they occur', () => {
    const message = `Function Orders reads ${PASSWORD} from its environment, which anyone who can read the function's configuration sees`;
    assert.ok(message.length >= 64);
    const out = new ValueRedactor([PASSWORD]).data({ a: message, b: [message, { c: message }] });
    const expected = message.replace(PASSWORD, redact(PASSWORD));
    assert.deepEqual(out, { a: expected, b: [expected, { c: expected }] });
  });
});
