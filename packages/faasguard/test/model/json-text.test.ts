/**
 * JSON written as a string, with parts known only at deploy time, back into a value.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonText } from '../../src/model/json-text.js';
import { Composite, ResourceRef, Unknown } from '../../src/model/value.js';

const bucket = new ResourceRef('t.yaml/Bucket', 'Bucket', 'Arn');
const account = new Unknown('pseudo parameter AWS::AccountId');

describe('JSON text', () => {
  it('parses plain JSON text', () => {
    assert.deepEqual(parseJsonText('{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}'), { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  });

  it('keeps a reference inside a string, alone or with text around it', () => {
    const v = parseJsonText(new Composite(['{"Resource": ["', bucket, '", "', bucket, '/*"]}']));
    assert.ok(v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Composite));
    const [whole, objects] = (v as { Resource: unknown[] }).Resource;
    assert.equal(whole, bucket);
    assert.ok(objects instanceof Composite);
    assert.deepEqual(objects.parts, [bucket, '/*']);
  });

  it('a deploy-time part outside a string is a value of its own; an escaped quote does not end the string', () => {
    const v = parseJsonText(new Composite(['{"Sid": "say \\"', account, '\\"", "Statement": ', account, '}'])) as Record<string, unknown>;
    assert.ok(v['Sid'] instanceof Composite);
    assert.deepEqual((v['Sid'] as Composite).parts, ['say "', account, '"']);
    assert.equal(v['Statement'], account);
  });

  it('text that is not JSON is undefined', () => {
    assert.equal(parseJsonText('{"Statement": [}'), undefined);
    assert.equal(parseJsonText(new Composite(['arn:aws:s3:::', bucket])), undefined);
  });
});
