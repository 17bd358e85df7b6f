/**
 * Whether a resource pattern that starts with a wildcard names every resource of its service, read
 * against the service's ARN formats.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coversEveryResource } from '../../src/iam/resource-arn-formats.js';

const FORMATS = {
  secretsmanager: ['secret:${SecretId}'],
  dynamodb: ['table/${TableName}', 'table/${TableName}/index/${IndexName}'],
};

describe('resource ARN formats', () => {
  it('a pattern covers every resource where a format of the service matches it with plain names', () => {
    assert.equal(coversEveryResource('dynamodb', '*/*', FORMATS), true);
    assert.equal(coversEveryResource('dynamodb', '*/index/*', FORMATS), true);
    assert.equal(coversEveryResource('secretsmanager', '*:*', FORMATS), true);
  });

  it('not where every format needs what the pattern writes', () => {
    assert.equal(coversEveryResource('secretsmanager', '*/*', FORMATS), false);
    assert.equal(coversEveryResource('dynamodb', '*/stream/*', FORMATS), false);
  });

  it('says nothing of a service the catalogue does not know', () => {
    assert.equal(coversEveryResource('nosuchservice', '*/*', FORMATS), undefined);
    assert.equal(coversEveryResource('constructor', '*/*', FORMATS), undefined);
  });

  it('reads the built catalogue', () => {
    assert.equal(coversEveryResource('secretsmanager', '*/*'), false);
    assert.equal(coversEveryResource('dynamodb', '*/*'), true);
  });
});
