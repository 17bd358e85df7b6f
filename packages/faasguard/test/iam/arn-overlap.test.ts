/**
 * Whether a policy's ARN pattern can name a resource of a type, read against the type's ARN format,
 * and which actions act on what a pattern names.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arnPatternMeetsFormat } from '../../src/iam/arn-overlap.js';
import { mayActOn, resourceTypeFormat } from '../../src/iam/action-resource-types.js';
import { ARN_ATTRIBUTES } from '../../src/iam/resource-arn-pattern.js';

const LOG_GROUP = 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}';
const LOG_STREAM = 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}';
const DELIVERY = 'arn:${Partition}:logs:${Region}:${Account}:delivery:${DeliveryName}';
const BUCKET = 'arn:${Partition}:s3:::${BucketName}';
const OBJECT = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
const GRANT = 'arn:${Partition}:s3:${Region}:${Account}:access-grants/default/grant/${Token}';

describe('ARN pattern against a resource type', () => {
  it('a log group pattern names log groups and their streams, not deliveries', () => {
    const pattern = 'arn:aws:logs:*:*:log-group:/aws/lambda/app*:*';
    assert.equal(arnPatternMeetsFormat(pattern, LOG_GROUP), true);
    assert.equal(arnPatternMeetsFormat(pattern, LOG_STREAM), true);
    // A wildcard in the region or account stays there: it does not reach into the resource.
    assert.equal(arnPatternMeetsFormat(pattern, DELIVERY), false);
  });

  it("a bucket's name holds no `/`: objects and buckets are told apart", () => {
    assert.equal(arnPatternMeetsFormat('arn:aws:s3:::my-bucket/*', OBJECT), true);
    assert.equal(arnPatternMeetsFormat('arn:aws:s3:::my-bucket/*', BUCKET), false);
    assert.equal(arnPatternMeetsFormat('arn:aws:s3:::my-bucket', BUCKET), true);
    assert.equal(arnPatternMeetsFormat('arn:aws:s3:::my-bucket', OBJECT), false);
    assert.equal(arnPatternMeetsFormat('arn:aws:s3:::*', OBJECT), true);
  });

  it('an empty region or account is not a name', () => {
    assert.equal(arnPatternMeetsFormat('arn:aws:s3:::my-bucket/*', GRANT), false);
    assert.equal(arnPatternMeetsFormat('arn:aws:s3:*:*:access-grants/default/grant/*', GRANT), true);
  });

  it('a pattern that stops on `*` covers the rest of the ARN', () => {
    assert.equal(arnPatternMeetsFormat('arn:aws:logs:*', DELIVERY), true);
    assert.equal(arnPatternMeetsFormat('arn:aws:sns:*', DELIVERY), false);
    assert.equal(arnPatternMeetsFormat('arn:aws:logs:us-east-1', DELIVERY), false);
  });

  it('`?` is one character', () => {
    assert.equal(arnPatternMeetsFormat('arn:aws:s3:::b?', BUCKET), true);
    assert.equal(arnPatternMeetsFormat('arn:aws:s3:::b?', OBJECT), false);
    // Bucket `b`, key `/`.
    assert.equal(arnPatternMeetsFormat('arn:aws:s3:::b?/', OBJECT), true);
  });
});

describe('actions on what an ARN names', () => {
  it('reads each action’s resource types from the built catalogue', () => {
    const group = 'arn:aws:logs:*:*:log-group:app';
    assert.equal(mayActOn('logs', 'DeleteLogGroup', group), true);
    // Log events go to a stream: `log-group:app` names none, `log-group:app:*` all of them.
    assert.equal(mayActOn('logs', 'PutLogEvents', group), false);
    assert.equal(mayActOn('logs', 'PutLogEvents', `${group}:*`), true);
    assert.equal(mayActOn('logs', 'CreateDelivery', group), false);
    assert.equal(mayActOn('s3', 'GetObject', 'arn:aws:s3:::b/*'), true);
    assert.equal(mayActOn('s3', 'GetObject', 'arn:aws:s3:::b'), false);
  });

  it('says "can" for what the catalogue does not know', () => {
    assert.equal(mayActOn('nosuchservice', 'Get', 'arn:aws:s3:::b'), true);
    assert.equal(mayActOn('s3', 'NoSuchAction', 'arn:aws:s3:::b'), true);
  });

  it('every reference the scanner spells as an ARN names a resource type of the catalogue', () => {
    for (const [reference, row] of ARN_ATTRIBUTES) {
      const [service, type] = row.split('/') as [string, string];
      assert.ok(resourceTypeFormat(service, type)?.startsWith('arn:'), `${reference}: ${row} is not in the catalogue`);
    }
  });
});
