/** AWS's `*` and `?` wildcards as a whole-text regular expression (util/wildcard-regexp.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wildcardRegExp } from '../../src/util/wildcard-regexp.js';

describe('wildcardRegExp', () => {
  it('reads * as any characters and ? as one, anchored at both ends', () => {
    assert.equal(wildcardRegExp('s3:Get*').test('s3:GetObject'), true);
    assert.equal(wildcardRegExp('s3:Get?bject').test('s3:GetObject'), true);
    assert.equal(wildcardRegExp('s3:Get?bject').test('s3:GetObjects'), false);
    assert.equal(wildcardRegExp('logs-*').test('app-logs-1'), false);
  });

  it('takes every other character literally, and case only with the i flag', () => {
    assert.equal(wildcardRegExp('arn:aws:s3:::a.b/*').test('arn:aws:s3:::axb/k'), false);
    assert.equal(wildcardRegExp('arn:aws:s3:::a.b/*').test('arn:aws:s3:::a.b/k/(1)'), true);
    assert.equal(wildcardRegExp('S3:get*').test('s3:GetObject'), false);
    assert.equal(wildcardRegExp('S3:get*', 'i').test('s3:GetObject'), true);
  });
});
