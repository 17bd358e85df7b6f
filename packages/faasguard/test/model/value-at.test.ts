/**
 * `valueAt`: a value at a path of nested maps, as facts read nested properties.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResourceRef, valueAt, type Value } from '../../src/model/value.js';

describe('valueAt', () => {
  const props: Value = { ClientAuthentication: { Unauthenticated: { Enabled: true } }, Brokers: ['a', 'b'], Ref: new ResourceRef('t.yaml/Cluster', 'Cluster') };

  it('follows the path through nested maps', () => {
    assert.equal(valueAt(props, 'ClientAuthentication', 'Unauthenticated', 'Enabled'), true);
    assert.deepEqual(valueAt(props, 'Brokers'), ['a', 'b']);
    assert.equal(valueAt(props), props);
  });

  it('gives undefined where a key is missing or a step is not a map', () => {
    assert.equal(valueAt(props, 'ClientAuthentication', 'Sasl', 'Iam'), undefined);
    assert.equal(valueAt(props, 'Brokers', '0'), undefined);
    assert.equal(valueAt(props, 'Ref', 'target'), undefined);
    assert.equal(valueAt(undefined, 'a'), undefined);
  });
});
