import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scriptJson } from '../../../src/report/html/embed-json.js';
import { BREAKERS, PAYLOAD } from '../../fixtures/report/hostile-scan-result.js';

describe('JSON embedded in a script element', () => {
  it('escapes what could end the element, open a comment or start an entity', () => {
    assert.equal(scriptJson({ s: '</script><!-- & \u2028\u2029' }), '{"s":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029"}');
  });

  it('parses back to the same strings', () => {
    const value = { payload: PAYLOAD, breakers: BREAKERS, list: [PAYLOAD, 1, null] };
    assert.deepEqual(JSON.parse(scriptJson(value)), value);
  });

  it('holds none of the characters it escapes', () => {
    assert.doesNotMatch(scriptJson({ payload: PAYLOAD, breakers: BREAKERS }), /[<>&\u2028\u2029]/);
  });
});
