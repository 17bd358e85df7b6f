/**
 * What of an argument a sink row receives (`sinkTarget`): the whole argument, or only the row's
 * properties, nested ones named by a path (`Message.Body.Html.Data`); a level the code did not
 * build stands for all below it; the place is the first property that carries data.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sinkTarget, type SinkRow } from '../../src/code/taint/models/sink-row.js';
import type { Taint, Value } from '../../src/code/taint/types.js';
import type { SourceLocation } from '../../src/model/location.js';

const at = (line: number): SourceLocation => ({ file: 'app.js', line, column: 1 });
const TAINT: Taint = { origin: { kind: 'event', path: [{ name: 'body' }] }, steps: [], sanitized: new Set() };
const tainted: Value = { taints: [TAINT] };
const clean: Value = { taints: [] };

/** An object literal the code wrote, each property on its own line. */
function object(entries: Array<[string, Value, number]>): Value {
  return { taints: [], props: new Map(entries.map(([k, v]) => [k, v])), propLocs: new Map(entries.map(([k, , line]) => [k, at(line)])) };
}

const ROW: SinkRow = { family: 'email', modules: ['aws-sdk'], members: ['sendEmail'], args: [0], props: ['Message.Subject.Data', 'Message.Body.Html.Data'], example: '' };

describe('sinkTarget', () => {
  it('follows a nested path and points at the deepest property written, the first that carries data', () => {
    const request = object([['Message', object([['Subject', object([['Data', clean, 3]]), 3], ['Body', object([['Html', object([['Data', tainted, 5]]), 5]]), 5]]), 2]]);
    const target = sinkTarget(ROW, request);
    assert.deepEqual(target.value.taints, [TAINT]);
    assert.equal(target.at?.line, 5);
  });

  it('takes a level the code did not build (parsed from the event) as a whole', () => {
    const target = sinkTarget(ROW, object([['Message', tainted, 2]]));
    assert.deepEqual([target.value.taints, target.at?.line], [[TAINT], 2]);
  });

  it('finds nothing where the path is not written, and the whole argument where it is not an object', () => {
    assert.deepEqual(sinkTarget(ROW, object([['Source', tainted, 2]])).value.taints, []);
    assert.equal(sinkTarget(ROW, tainted).value, tainted);
  });

  it('keeps only the argument\'s own taints for a row that judges it whole', () => {
    const target = sinkTarget({ ...ROW, whole: true }, object([['Message', tainted, 2]]));
    assert.deepEqual([target.value.taints, target.value.props], [[], undefined]);
  });
});
