/**
 * The text of a suppression comment: marker, rule ids, reason after a colon.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDirectiveText } from '../../src/suppress/directive-text.js';

describe('directive text', () => {
  it('reads one rule id and the reason after the colon', () => {
    assert.deepEqual(parseDirectiveText(' faasguard-ignore function-url-without-auth: verified by its signature'), {
      nextLine: false,
      rules: ['function-url-without-auth'],
      reason: 'verified by its signature',
    });
  });

  it('reads several rule ids separated by commas, and the next-line form', () => {
    assert.deepEqual(parseDirectiveText('faasguard-ignore-next-line sql-injection ,ssrf: ids are numbers (checked upstream)'), {
      nextLine: true,
      rules: ['sql-injection', 'ssrf'],
      reason: 'ids are numbers (checked upstream)',
    });
  });

  it('keeps colons inside the reason', () => {
    assert.equal(parseDirectiveText('faasguard-ignore xss: see https://example.com/a:b')?.reason, 'see https://example.com/a:b');
  });

  it('has no reason when the colon is missing or nothing follows it', () => {
    assert.deepEqual(parseDirectiveText('faasguard-ignore xss'), { nextLine: false, rules: ['xss'] });
    assert.deepEqual(parseDirectiveText('faasguard-ignore xss:   '), { nextLine: false, rules: ['xss'] });
    assert.deepEqual(parseDirectiveText('faasguard-ignore xss escaped by the template engine'), { nextLine: false, rules: ['xss'], strayText: 'escaped by the template engine' });
  });

  it('has no rule ids when none is written', () => {
    assert.deepEqual(parseDirectiveText('faasguard-ignore: accepted'), { nextLine: false, rules: [], reason: 'accepted' });
    assert.deepEqual(parseDirectiveText('faasguard-ignore'), { nextLine: false, rules: [] });
  });

  it('is not a directive unless the marker opens the comment', () => {
    assert.equal(parseDirectiveText(' see faasguard-ignore in the README'), undefined);
    assert.equal(parseDirectiveText('faasguard-ignored xss: no'), undefined);
    assert.equal(parseDirectiveText('faasguard-ignore-next xss: no'), undefined);
  });
});
