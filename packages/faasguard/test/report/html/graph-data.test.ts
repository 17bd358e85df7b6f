import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AttackSurfaceMap, MapFunction } from '../../../src/map/attack-surface-types.js';
import { GRAPH_GROUP_SIZE, actionSummary, graphData } from '../../../src/report/html/graph-data.js';
import { attackSurfaceMap } from '../../fixtures/report/scan-result.js';

const at = (file: string, line = 1) => ({ file, line, column: 1 });

function fn(file: string, n: number): MapFunction {
  return { id: `${file}/Fn${String(n).padStart(3, '0')}`, name: `Fn${n}`, exposure: 'internal', location: at(file, n), paths: [], reaches: [] };
}

/** `a.yaml` with 70 functions, `b.yaml` with 50; anyone can write Drop, which triggers a.yaml's Fn60. */
function largeMap(): AttackSurfaceMap {
  const functions = [...Array.from({ length: 70 }, (_, i) => fn('a.yaml', i)), ...Array.from({ length: 50 }, (_, i) => fn('b.yaml', i))];
  return {
    schemaVersion: '1.0.0',
    entryPoints: [{ id: 'a.yaml/Drop#public-writers', kind: 'public-writer', label: 'anyone → Drop', exposure: 'public', detail: 'writable by anyone', location: at('a.yaml') }],
    functions,
    resources: [
      { id: 'a.yaml/Drop', name: 'Drop', kind: 'bucket', type: 'AWS::S3::Bucket', publicWrite: true, location: at('a.yaml', 200) },
      { id: 'arn:aws:s3:::elsewhere/*', name: 'arn:aws:s3:::elsewhere/*', kind: 'external', type: '', publicWrite: false, location: { file: '', line: 0, column: 0 } },
    ],
    edges: [
      { from: 'a.yaml/Drop#public-writers', to: 'a.yaml/Drop', kind: 'writes', label: 'anyone' },
      { from: 'a.yaml/Drop', to: 'a.yaml/Fn060', kind: 'triggers', label: 's3' },
      { from: 'b.yaml/Fn000', to: 'arn:aws:s3:::elsewhere/*', kind: 'accesses', label: 's3:GetObject' },
    ],
  };
}

describe('HTML report graph', () => {
  it('draws a small app as one group holding every node and edge', () => {
    const graph = graphData(attackSurfaceMap());
    assert.deepEqual(graph.nodes.map((n) => [n.kind, n.label, n.exposure ?? '-']), [
      ['entry', 'Function URL of ApiFunction', 'public'],
      ['function', 'ApiFunction', 'public'],
      ['resource', 'every resource', '-'],
    ]);
    assert.equal(graph.nodes[2]?.detail, 'Resource "*"');
    assert.equal(graph.nodes[2]?.location, undefined, 'the wildcard is defined nowhere');
    assert.deepEqual(graph.edges, [
      { from: 1, to: 2, kind: 'accesses', label: '*', actions: ['*'] },
      { from: 0, to: 1, kind: 'invokes', label: 'HTTPS' },
    ]);
    assert.deepEqual(graph.groups, [{ label: 'All functions', functions: [1], nodes: [0, 1, 2], edges: [0, 1] }]);
  });

  it('draws a target outside the templates as external', () => {
    const graph = graphData(largeMap());
    const external = graph.nodes.find((n) => n.kind === 'external');
    assert.deepEqual(external, { id: 'arn:aws:s3:::elsewhere/*', label: 'arn:aws:s3:::elsewhere/*', kind: 'external', detail: 'outside the scanned templates' });
  });

  it('splits a large app by template, in runs of at most 50 functions', () => {
    const graph = graphData(largeMap());
    assert.equal(GRAPH_GROUP_SIZE, 50);
    assert.deepEqual(graph.groups.map((g) => [g.label, g.functions.length]), [
      ['a.yaml (1/2)', 50],
      ['a.yaml (2/2)', 20],
      ['b.yaml', 50],
    ]);
    const labels = (i: number) => graph.groups[i]!.functions.map((n) => graph.nodes[n]!.label);
    assert.equal(labels(0)[0], 'Fn0');
    assert.equal(labels(1)[0], 'Fn50');
  });

  it('draws each way in from its start: anyone → bucket → function, in the group of the function', () => {
    const graph = graphData(largeMap());
    const drawn = (i: number) => graph.groups[i]!.nodes.map((n) => graph.nodes[n]!.label);
    const edgesOf = (i: number) => graph.groups[i]!.edges.map((e) => graph.edges[e]!.kind);
    assert.ok(drawn(1).includes('anyone → Drop') && drawn(1).includes('Drop'), 'Fn60 is in the second run of a.yaml');
    assert.deepEqual(edgesOf(1), ['writes', 'triggers']);
    assert.ok(!drawn(0).includes('Drop'));
    assert.deepEqual(edgesOf(2), ['accesses']);
    assert.ok(drawn(2).includes('arn:aws:s3:::elsewhere/*'));
  });

  it('labels what a role allows by service, and keeps every action for the tooltip', () => {
    assert.equal(actionSummary(['s3:GetObject']), 's3:GetObject');
    assert.equal(actionSummary(['s3:GetObject', 's3:PutObject']), 's3:GetObject, s3:PutObject');
    assert.equal(actionSummary(['logs:A', 'logs:B', 'kms:Decrypt', 'dynamodb:A', 'dynamodb:B', 'dynamodb:C']), 'dynamodb ×3, logs ×2, kms:Decrypt');
    assert.equal(actionSummary(['b:X', 'a:X', 'c:X']), 'a:X, b:X, c:X', 'ties by service name');
    const map = largeMap();
    map.functions[0]!.reaches = [{ target: 'a.yaml/Drop', targetName: 'Drop', actions: ['s3:GetObject', 's3:ListBucket', 's3:PutObject'] }];
    map.edges.push({ from: 'a.yaml/Fn000', to: 'a.yaml/Drop', kind: 'accesses', label: 's3:GetObject, s3:ListBucket, s3:PutObject' });
    const edge = graphData(map).edges.at(-1);
    assert.equal(edge?.label, 's3 ×3');
    assert.deepEqual(edge?.actions, ['s3:GetObject', 's3:ListBucket', 's3:PutObject']);
  });

  it('has no group when there is no function', () => {
    assert.deepEqual(graphData({ schemaVersion: '1.0.0', entryPoints: [], functions: [], resources: [], edges: [] }).groups, []);
  });
});
