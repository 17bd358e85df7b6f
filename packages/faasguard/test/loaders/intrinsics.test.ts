/**
 * Every intrinsic function the evaluator knows, on small templates parsed from text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Evaluator } from '../../src/loaders/cloudformation/intrinsics.js';
import { Template } from '../../src/loaders/cloudformation/template.js';
import { DiagnosticSink } from '../../src/model/diagnostic.js';
import { Composite, ResourceRef, Unknown, display, type Value } from '../../src/model/value.js';
import { parseYamlTemplate } from '../../src/parse/yaml-template.js';
import { get } from '../../src/parse/tree.js';

const BASE = `
Parameters:
  Env: { Type: String, Default: dev }
  NoDefault: { Type: String }
  Subnets: { Type: CommaDelimitedList, Default: "a,b" }
Mappings:
  Regions:
    dev: { Size: 1 }
Conditions:
  IsDev: !Equals [!Ref Env, dev]
  IsProd: !Not [!Condition IsDev]
  Unknowable: !Equals [!Ref NoDefault, x]
  LoopA: !Condition LoopB
  LoopB: !Condition LoopA
Resources:
  Bucket: { Type: AWS::S3::Bucket }
`;

function evaluate(valueYaml: string, params: Record<string, string> = {}): { value: Value | undefined; diagnostics: DiagnosticSink } {
  const text = `${BASE}Outputs:\n  Out:\n    Value: ${valueYaml}\n`;
  const parsed = parseYamlTemplate(text, 't.yaml');
  assert.ok(parsed.root?.kind === 'map', JSON.stringify(parsed.diagnostics));
  const diagnostics = new DiagnosticSink();
  const template = new Template('t.yaml', 't.yaml', parsed.root, new Map(Object.entries(params)), diagnostics);
  const value = new Evaluator(template).value(get(get(get(parsed.root, 'Outputs'), 'Out'), 'Value'));
  return { value, diagnostics };
}

const v = (yaml: string, params?: Record<string, string>) => evaluate(yaml, params).value;

describe('intrinsic functions', () => {
  it('Ref: parameters (default or given), list parameters, pseudo parameters, resources, AWS::NoValue', () => {
    assert.equal(v('!Ref Env'), 'dev');
    assert.equal(v('!Ref Env', { Env: 'prod' }), 'prod');
    assert.deepEqual(v('!Ref Subnets'), ['a', 'b']);
    assert.equal(v('!Ref AWS::Partition'), 'aws');
    assert.ok(v('!Ref AWS::Region') instanceof Unknown);
    assert.equal(v('!Ref AWS::Region', { 'AWS::Region': 'eu-west-1' }), 'eu-west-1');
    assert.ok(v('!Ref NoDefault') instanceof Unknown);
    const ref = v('!Ref Bucket');
    assert.ok(ref instanceof ResourceRef && ref.target === 't.yaml/Bucket' && ref.attribute === undefined);
    assert.deepEqual(v('[a, !Ref AWS::NoValue, b]'), ['a', 'b']);
  });

  it('a Ref to nothing is a broken reference with its line', () => {
    const { value, diagnostics } = evaluate('!Ref Missing');
    assert.ok(value instanceof Unknown);
    assert.equal(diagnostics.items[0]?.code, 'broken-reference');
    assert.equal(diagnostics.items[0]?.loc.line, 19);
  });

  it('GetAtt, long and short form', () => {
    const a = v('!GetAtt Bucket.Arn');
    assert.ok(a instanceof ResourceRef && a.attribute === 'Arn');
    const b = v('{ "Fn::GetAtt": [Bucket, DomainName] }');
    assert.ok(b instanceof ResourceRef && b.attribute === 'DomainName');
    assert.equal(evaluate('!GetAtt Nope.Arn').diagnostics.items[0]?.code, 'broken-reference');
  });

  it('GetAtt long form with a "LogicalId.Attribute" string, split at the first dot', () => {
    const { value, diagnostics } = evaluate('{ "Fn::GetAtt": "Bucket.Arn" }');
    assert.ok(value instanceof ResourceRef && value.logicalId === 'Bucket' && value.attribute === 'Arn');
    assert.deepEqual(diagnostics.items, []);
    const nested = v('{ "Fn::GetAtt": "Bucket.Outputs.Name" }');
    assert.ok(nested instanceof ResourceRef && nested.attribute === 'Outputs.Name');
    for (const broken of ['{ "Fn::GetAtt": "Bucket" }', '{ "Fn::GetAtt": "Nope.Arn" }', '{ "Fn::GetAtt": "Bucket." }']) {
      const r = evaluate(broken);
      assert.ok(r.value instanceof Unknown, broken);
      assert.deepEqual(r.diagnostics.items.map((d) => [d.code, d.loc.line]), [['broken-reference', 19]], broken);
    }
  });

  it('Sub: string form, variable map, resource attributes, escapes', () => {
    assert.equal(v('!Sub "${Env}-app"'), 'dev-app');
    assert.equal(v('!Sub ["${x}-${Env}", { x: !Ref Env }]'), 'dev-dev');
    assert.equal(v('!Sub "${!Literal}"'), '${Literal}');
    const c = v('!Sub "arn:${AWS::Partition}:s3:::${Bucket}/*"');
    assert.ok(c instanceof Composite);
    assert.equal(display(c), 'arn:aws:s3:::${Bucket}/*');
    const att = v('!Sub "${Bucket.Arn}/*"');
    assert.ok(att instanceof Composite && att.parts[0] instanceof ResourceRef && att.parts[0].attribute === 'Arn');
  });

  it('Join, Select, Split', () => {
    assert.equal(v('!Join ["-", [a, !Ref Env]]'), 'a-dev');
    assert.equal(display(v('!Join ["", ["arn:", !GetAtt Bucket.Arn]]')), 'arn:${Bucket.Arn}');
    assert.equal(v('!Select [1, [x, y, z]]'), 'y');
    assert.deepEqual(v('!Split [",", "a,b,c"]'), ['a', 'b', 'c']);
    assert.ok(v('!Split [",", !Ref NoDefault]') instanceof Unknown);
    assert.equal(evaluate('!Select [5, [x]]').diagnostics.items[0]?.code, 'broken-reference');
  });

  it('Select from a list known only at deploy time is unknown, not an error', () => {
    for (const yaml of ['!Select [0, !GetAtt Bucket.DnsEntries]', "!Select ['1', !Split [':', !Select ['0', !GetAtt Bucket.DnsEntries]]]", '!Select [0, !ImportValue shared-subnets]', '!Select [!Ref NoDefault, [a, b]]']) {
      const { value, diagnostics } = evaluate(yaml);
      assert.ok(value instanceof Unknown, yaml);
      assert.deepEqual(diagnostics.items, [], yaml);
    }
    assert.deepEqual(evaluate('!Select [x, [a, b]]').diagnostics.items.map((d) => [d.code, d.loc.line]), [['broken-reference', 19]]);
  });

  it('FindInMap, with and without a default value', () => {
    assert.equal(v('!FindInMap [Regions, !Ref Env, Size]'), 1);
    assert.equal(v('!FindInMap [Regions, prod, Size, { DefaultValue: 7 }]'), 7);
    assert.equal(evaluate('!FindInMap [Regions, prod, Size]').diagnostics.items[0]?.code, 'broken-reference');
    assert.ok(v('!FindInMap [Regions, !Ref NoDefault, Size]') instanceof Unknown);
  });

  it('If, Equals, And, Or, Not and named conditions', () => {
    assert.equal(v('!If [IsDev, small, large]'), 'small');
    assert.equal(v('!If [IsProd, small, large]'), 'large');
    assert.equal(v('!If [IsDev, small, large]', { Env: 'prod' }), 'large');
    assert.ok(v('!If [Unknowable, a, b]') instanceof Unknown);
    assert.equal(v('!And [!Condition IsDev, !Equals [1, 1]]'), true);
    assert.equal(v('!Or [!Condition IsProd, !Equals [a, b]]'), false);
    assert.equal(v('!Not [!Equals [a, b]]'), true);
  });

  it('a condition cycle is reported, not followed', () => {
    const { value, diagnostics } = evaluate('!If [LoopA, a, b]');
    assert.ok(value instanceof Unknown);
    assert.ok(diagnostics.items.some((d) => d.code === 'reference-cycle' && d.message.includes('LoopA → LoopB → LoopA')));
  });

  it('Base64, Cidr, GetAZs, ImportValue', () => {
    assert.equal(v('!Base64 abc'), 'YWJj');
    assert.deepEqual(v('!Cidr ["10.0.0.0/16", 3, 8]'), ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']);
    assert.deepEqual(v('!Cidr ["192.168.0.0/24", 2, 6]'), ['192.168.0.0/26', '192.168.0.64/26']);
    assert.equal(evaluate('!Cidr ["10.0.0.0/30", 4, 8]').diagnostics.items[0]?.code, 'broken-reference');
    assert.ok(v('!GetAZs ""') instanceof Unknown);
    const imported = v('!ImportValue shared-vpc');
    assert.ok(imported instanceof Unknown && imported.reason.includes('shared-vpc'));
  });

  it('unknown functions and tags become unknown, with a diagnostic', () => {
    const fn = evaluate('{ "Fn::Frobnicate": x }');
    assert.ok(fn.value instanceof Unknown);
    assert.equal(fn.diagnostics.items[0]?.code, 'unknown-function');
  });

  it('runaway nesting is bounded', () => {
    const deep = '!Join ["", [' .repeat(80) + 'x' + ']]'.repeat(80);
    const { value, diagnostics } = evaluate(deep);
    assert.ok(value instanceof Unknown || typeof value === 'string');
    assert.ok(diagnostics.items.some((d) => d.code === 'too-deep'));
  });
});
