import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_MATCHES_PER_TEXT, MAX_SCAN_CHARS, detectSecretsInText, detectSecretsInTextDetailed } from '../../src/secrets/index.js';
import { fake } from './fakes.js';

/** About `size` characters of ordinary source lines. */
function filler(size: number): string {
  const line = "const handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });\n";
  return line.repeat(Math.ceil(size / line.length));
}

describe('bounds on huge inputs', () => {
  it('scans only the first MAX_SCAN_CHARS of 20 MB and says so', () => {
    const early = fake.github();
    const late = fake.npm();
    const text = `t = "${early}"\n` + filler(20 * 1024 * 1024) + `n = "${late}"\n`;
    const result = detectSecretsInTextDetailed(text);
    assert.equal(result.truncated, true);
    assert.ok(result.scannedChars <= MAX_SCAN_CHARS);
    assert.deepEqual(result.matches.map((m) => m.kind), ['github-token']);
  });

  it('honours a smaller maxChars', () => {
    const text = filler(10_000) + `t = "${fake.github()}"\n`;
    assert.deepEqual(detectSecretsInText(text, { maxChars: 5_000 }), []);
  });

  it('caps the number of matches per text', () => {
    const line = `t = "${fake.github()}"\n`;
    const matches = detectSecretsInText(line.repeat(MAX_MATCHES_PER_TEXT * 3));
    assert.equal(matches.length, MAX_MATCHES_PER_TEXT);
  });

  it('handles one 8 MB line without line breaks', () => {
    const text = 'a1/'.repeat(Math.ceil((8 * 1024 * 1024) / 3));
    assert.deepEqual(detectSecretsInTextDetailed(text).matches, []);
  });

  it('handles repeated prefixes of every detector', () => {
    const prefixes = ['AKIA', 'ghp_', 'xoxb-1234567', 'sk_live_', 'SG.', 'npm_', 'AIza', 'eyJ', '://a:b', 'Bearer ', 'password=', '-----BEGIN PRIVATE KEY-----'];
    for (const prefix of prefixes) {
      const result = detectSecretsInTextDetailed(prefix.repeat(Math.ceil(1_000_000 / prefix.length)));
      assert.ok(result.matches.length <= MAX_MATCHES_PER_TEXT, prefix);
    }
  });
});
