/**
 * YAML as SAM CLI (PyYAML) and CloudFormation read it: flow collections and quoted values are not held
 * to YAML 1.2's indentation, block plain values are; a broken template gives one diagnostic.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TNode } from '../../src/parse/tree.js';
import { get, toJs } from '../../src/parse/tree.js';
import { parseYamlTemplate } from '../../src/parse/yaml-template.js';

function loaded(text: string): TNode {
  const r = parseYamlTemplate(text, 't.yaml');
  assert.deepEqual(r.diagnostics, []);
  assert.ok(r.root);
  return r.root;
}

/** Follows keys, and indices in sequences. */
function at(node: TNode | undefined, ...path: string[]): TNode | undefined {
  let cur = node;
  for (const k of path) cur = cur?.kind === 'seq' ? cur.items[Number(k)] : get(cur, k);
  return cur;
}

/** [line, column] of a node. */
function pos(node: TNode | undefined): [number, number] {
  assert.ok(node, 'node present');
  return [node.loc.line, node.loc.column];
}

function items(node: TNode | undefined): TNode[] {
  assert.ok(node?.kind === 'seq', 'a sequence');
  return node.items;
}

/** The single diagnostic of a rejected template, as [code, line, column]. */
function rejected(text: string): [string, number, number] {
  const r = parseYamlTemplate(text, 't.yaml');
  assert.equal(r.root, undefined);
  assert.equal(r.diagnostics.length, 1, JSON.stringify(r.diagnostics));
  const d = r.diagnostics[0]!;
  assert.equal(d.loc.file, 't.yaml');
  return [d.code, d.loc.line, d.loc.column];
}

describe('YAML indentation as PyYAML and CloudFormation accept it', () => {
  it('loads a flow sequence whose items sit at the indentation of its key', () => {
    const text = [
      'Statement:',
      '  - Effect: Allow',
      '    Resource: [',
      '    "*",',
      '    !Sub "arn:${AWS::Partition}:s3:::b/*"',
      '    ]',
      '    Action: s3:GetObject',
      '',
    ].join('\n');
    const root = loaded(text);
    assert.deepEqual(toJs(root), { Statement: [{ Effect: 'Allow', Resource: ['*', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b/*' }], Action: 's3:GetObject' }] });
    const resource = at(root, 'Statement', '0', 'Resource');
    assert.deepEqual(pos(resource), [3, 15]);
    assert.equal(resource?.endLine, 6);
    assert.deepEqual(items(resource).map(pos), [[4, 5], [5, 10]]);
    assert.deepEqual(pos(at(root, 'Statement', '0', 'Action')), [7, 13], 'the key after the sequence keeps its place');
  });

  it('loads flow collections whose lines fall back to column 1 or below their parent', () => {
    const root = loaded('A: [\n"x",\ny\n]\nB:\n  C: {"k": "v",\n  "j":\n  [1,\n 2]}\n  D: 3\n');
    assert.deepEqual(toJs(root), { A: ['x', 'y'], B: { C: { k: 'v', j: [1, 2] }, D: 3 } });
    assert.deepEqual(items(at(root, 'A')).map(pos), [[2, 1], [3, 1]]);
    assert.deepEqual(items(at(root, 'B', 'C', 'j')).map(pos), [[8, 4], [9, 2]]);
    assert.deepEqual(pos(at(root, 'B', 'D')), [10, 6]);
  });

  it('loads a plain value inside a flow collection that continues on a less indented line', () => {
    const root = loaded('A:\n  B: [x\n y, z]\n  C: 1\n');
    assert.deepEqual(toJs(root), { A: { B: ['x y', 'z'], C: 1 } });
    assert.deepEqual(items(at(root, 'A', 'B')).map(pos), [[2, 7], [3, 5]]);
  });

  it('loads a multi-line !Sub whose closing line sits at the indentation of its key', () => {
    const text = [
      'Policies:',
      '  - PolicyName: Access',
      "    PolicyDocument: !Sub '{",
      '        "Version": "2012-10-17",',
      '        "Statement": [{"Effect": "Allow", "Resource": "${Arn}"}]',
      "    }'",
      '  - PolicyName: Next',
      '',
    ].join('\n');
    const root = loaded(text);
    const doc = at(root, 'Policies', '0', 'PolicyDocument');
    assert.deepEqual(toJs(doc!), { 'Fn::Sub': '{ "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Resource": "${Arn}"}] }' });
    assert.deepEqual(pos(doc), [3, 26]);
    assert.equal(doc?.endLine, 6);
    assert.deepEqual(pos(at(root, 'Policies', '1', 'PolicyName')), [7, 17]);
  });

  it('loads a double-quoted value continued at column 1 and in a block sequence', () => {
    const root = loaded('A:\n  B: "line one\nline two"\n  C:\n    - "a\n  b"\n    - c\n');
    assert.deepEqual(toJs(root), { A: { B: 'line one line two', C: ['a b', 'c'] } });
    assert.deepEqual(pos(at(root, 'A', 'B')), [2, 6]);
    assert.deepEqual(items(at(root, 'A', 'C')).map(pos), [[5, 7], [7, 7]]);
  });
});

describe('YAML that PyYAML and CloudFormation reject: one diagnostic', () => {
  it('reports a quote that is never closed once, where it opens', () => {
    const body = Array.from({ length: 200 }, (_, i) => `  K${i}: "v${i}"`).join('\n');
    assert.deepEqual(rejected(`A:\n  B: 'unclosed\n${body}\nE: 5\n`), ['yaml-syntax', 2, 6]);
  });

  it('reports a flow sequence that is never closed once', () => {
    assert.deepEqual(rejected('A:\n  B: [x, y\n  C: 3\n  D: 4\n  E: [5]\n'), ['yaml-syntax', 2, 10]);
  });

  it('keeps the indentation rule of plain values in block context', () => {
    assert.deepEqual(rejected('A:\n  B: some text\n more\n'), ['yaml-syntax', 3, 1]);
  });

  it('reports text after a quoted value', () => {
    assert.deepEqual(rejected("Description: 'Events' (tag:x)\nResources: {}\n"), ['yaml-syntax', 1, 23]);
  });

  it('reports a key that runs into the next line', () => {
    assert.deepEqual(rejected('Resources:\n  Mapping:typo\n    Type: AWS::ApiGateway::BasePathMapping\n    DependsOn:\n      - X\n'), ['yaml-syntax', 2, 3]);
  });

  it('reports a document marker inside a flow collection or a quoted value', () => {
    assert.deepEqual(rejected('A: [\n---\n]\n'), ['yaml-syntax', 2, 1]);
    assert.deepEqual(rejected('A: "x\n---\n y"\n'), ['yaml-syntax', 1, 4]);
  });

  it('reports a second document', () => {
    assert.deepEqual(rejected('A: 1\n---\nB: 2\n'), ['yaml-syntax', 2, 1]);
  });
});
