/** `hexDigest` (util/hex-digest.ts): the same digest as `createHash`, whichever way the running Node takes. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { hexDigest } from '../../src/util/hex-digest.js';
import { fingerprint } from '../../src/findings/fingerprint.js';

const TEXTS = ['', 'bucket-public-read\u0000template.yaml\u0000Uploads', 'naïve café — 東京 🚀', 'x'.repeat(100_000)];

describe('hexDigest', () => {
  for (const algorithm of ['sha1', 'sha256'] as const) {
    it(`gives createHash's ${algorithm} digest, with the one-shot hash and without`, () => {
      for (const text of TEXTS) {
        const expected = createHash(algorithm).update(text, 'utf8').digest('hex');
        assert.equal(hexDigest(algorithm, text), expected);
        assert.equal(hexDigest(algorithm, text, null), expected);
      }
    });
  }

  it('keeps fingerprints as they were (baselines match them)', () => {
    // Computed with createHash before the change: a baseline written then must still match.
    assert.equal(fingerprint('bucket-public-read', 'template.yaml', ['Uploads']), createHash('sha256').update('bucket-public-read\u0000template.yaml\u0000Uploads').digest('hex').slice(0, 32));
  });
});
