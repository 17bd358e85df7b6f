import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonTemplate } from '../../src/parse/json-template.js';
import { toJs, get } from '../../src/parse/tree.js';
import { parseYamlTemplate, SHORT_FORM_TAGS } from '../../src/parse/yaml-template.js';

describe('YAML templates', () => {
  it('turns every short-form tag into its long form', () => {
    for (const [tag, long] of Object.entries(SHORT_FORM_TAGS)) {
      const scalar = parseYamlTemplate(`A: ${tag} x\n`, 't.yaml');
      assert.deepEqual(toJs(scalar.root!), { A: { [long]: tag === '!GetAtt' ? 'x' : 'x' } }, tag);
      const seq = parseYamlTemplate(`A: ${tag} [x, y]\n`, 't.yaml');
      assert.deepEqual(toJs(seq.root!), { A: { [long]: ['x', 'y'] } }, tag);
      const map = parseYamlTemplate(`A: ${tag}\n  k: v\n`, 't.yaml');
      assert.deepEqual(toJs(map.root!), { A: { [long]: { k: 'v' } } }, tag);
    }
  });

  it('splits the scalar form of !GetAtt', () => {
    const r = parseYamlTemplate('A: !GetAtt Fn.Arn\nB: !GetAtt Res.Outputs.Name\n', 't.yaml');
    assert.deepEqual(toJs(r.root!), { A: { 'Fn::GetAtt': ['Fn', 'Arn'] }, B: { 'Fn::GetAtt': ['Res', 'Outputs.Name'] } });
  });

  it('keeps line and column of keys and values', () => {
    const r = parseYamlTemplate('Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: !Sub "${X}"\n', 't.yaml');
    const resources = get(r.root, 'Resources');
    assert.ok(resources?.kind === 'map');
    assert.deepEqual(resources.entries[0]!.keyLoc, { file: 't.yaml', line: 2, column: 3 });
    const fn = get(resources, 'Fn');
    const handler = get(get(fn, 'Properties'), 'Handler');
    assert.deepEqual([handler?.loc.line, handler?.loc.column], [5, 21], 'a tagged value is located at the value');
  });

  it('knows the last line of each block, past trailing comments and blank lines', () => {
    const text = 'Resources:\n  Fn:\n    Type: X\n    Code: |\n      a\n      b\n    Tags: !Sub\n      - x\n  # trailing\n\nOutputs: {}\n';
    const r = parseYamlTemplate(text, 't.yaml');
    const fn = get(get(r.root, 'Resources'), 'Fn');
    assert.deepEqual([fn?.loc.line, fn?.endLine], [3, 8]);
    assert.equal(get(fn, 'Code')?.endLine, 6, 'a block scalar ends with its last line');
    assert.equal(get(fn, 'Tags')?.endLine, 8, 'a tagged value keeps its extent');
    assert.equal(get(fn, 'Type')?.endLine, 3);
  });

  it('reports syntax errors with their line', () => {
    const r = parseYamlTemplate('Resources:\n  Fn:\n    Type: [unclosed\n', 't.yaml');
    assert.equal(r.root, undefined);
    assert.equal(r.diagnostics[0]?.code, 'yaml-syntax');
    assert.equal(r.diagnostics[0]?.loc.file, 't.yaml');
    assert.ok(r.diagnostics[0]!.loc.line >= 3);
  });

  it('reports an unknown tag and keeps going', () => {
    const r = parseYamlTemplate('A: ok\nB: !Frob x\n', 't.yaml');
    assert.ok(r.root);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.loc.line]), [['unknown-tag', 2]]);
  });

  it('stops an alias bomb', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const r = parseYamlTemplate(levels.join('\n') + '\n', 'bomb.yaml');
    assert.equal(r.root, undefined);
    assert.equal(r.diagnostics[0]?.code, 'input-too-complex');
  });

  it('stops runaway nesting', () => {
    const r = parseYamlTemplate('A: ' + '['.repeat(400) + ']'.repeat(400) + '\n', 'deep.yaml');
    assert.equal(r.root, undefined);
    assert.ok(r.diagnostics.some((d) => d.code === 'input-too-complex' || d.code === 'yaml-syntax'));
  });
});

describe('JSON templates', () => {
  it('keeps positions, the last line of each node, and reports syntax errors with their line', () => {
    const ok = parseJsonTemplate('{\n  "Resources": {\n    "Fn": { "Type": "AWS::Lambda::Function" }\n  }\n}\n', 't.json');
    assert.equal(get(get(ok.root, 'Resources'), 'Fn')?.loc.line, 3);
    assert.deepEqual([get(ok.root, 'Resources')?.endLine, get(get(ok.root, 'Resources'), 'Fn')?.endLine], [4, 3]);
    const bad = parseJsonTemplate('{\n  "Resources": {\n    "Fn": \n  }\n}\n', 't.json');
    assert.equal(bad.root, undefined);
    assert.equal(bad.diagnostics[0]?.code, 'json-syntax');
    assert.equal(bad.diagnostics[0]?.loc.line, 4);
  });
});
