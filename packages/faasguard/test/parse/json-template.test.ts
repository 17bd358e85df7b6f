/**
 * JSON templates into the located tree: where each value starts and ends, repeated keys, syntax
 * errors before the bounds of `PARSE_LIMITS`, and the first value of the text as the root.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonTemplate } from '../../src/parse/json-template.js';
import type { TNode } from '../../src/parse/tree.js';

/** Each node as `kind line:column-endLine`, depth first, with its key. */
function outline(node: TNode | undefined, key = ''): string[] {
  if (!node) return [];
  const here = `${key}${node.kind} ${node.loc.line}:${node.loc.column}-${node.endLine}`;
  if (node.kind === 'map') return [here, ...node.entries.flatMap((e) => [`key ${e.key} ${e.keyLoc.line}:${e.keyLoc.column}`, ...outline(e.value, `${e.key}=`)])];
  if (node.kind === 'seq') return [here, ...node.items.flatMap((item) => outline(item))];
  return [`${here} ${JSON.stringify(node.value)}`];
}

describe('JSON templates', () => {
  it('locates every map, sequence, key and scalar, with the line each ends on', () => {
    const text = '{\n  "Resources": {\n    "Fn": {"Type": "AWS::Lambda::Function",\r\n      "Layers": [1, true,\n null]\n    }\n  }\n}\n';
    const r = parseJsonTemplate(text, 't.json');
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(outline(r.root), [
      'map 1:1-8',
      'key Resources 2:3',
      'Resources=map 2:16-7',
      'key Fn 3:5',
      'Fn=map 3:11-6',
      'key Type 3:12',
      'Type=scalar 3:20-3 "AWS::Lambda::Function"',
      'key Layers 4:7',
      'Layers=seq 4:17-5',
      'scalar 4:18-4 1',
      'scalar 4:21-4 true',
      'scalar 5:2-5 null',
    ]);
    assert.equal(r.root?.loc.file, 't.json');
  });

  it('keeps the last value of a repeated key and reports each repetition, innermost map first', () => {
    const r = parseJsonTemplate('{"A": 1, "B": {"C": 1, "C": 2}, "A": 3}', 't.json');
    assert.deepEqual(outline(r.root), ['map 1:1-1', 'key B 1:10', 'B=map 1:15-1', 'key C 1:24', 'C=scalar 1:29-1 2', 'key A 1:33', 'A=scalar 1:38-1 3']);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.loc.column]), [['duplicate-key', 24], ['duplicate-key', 33]]);
  });

  it('reports syntax errors, even past a bound, and the bound only in text without them', () => {
    const deep = (inner: string): string => `{"A": ${'['.repeat(300)}${inner}${']'.repeat(300)}, "B": {"C": 1, "C": 2}`;
    const syntax = parseJsonTemplate(`${deep('1')}, "D": }`, 't.json');
    assert.deepEqual(syntax.root, undefined);
    assert.deepEqual(syntax.diagnostics.map((d) => [d.code, d.message]), [['json-syntax', 'JSON syntax error: ValueExpected']]);
    const bound = parseJsonTemplate(`${deep('1')}}`, 't.json');
    assert.deepEqual(bound.root, undefined);
    assert.deepEqual(bound.diagnostics.map((d) => [d.code, d.message, d.loc.column]), [['input-too-complex', 'nesting deeper than 256 levels', 7 + 256]]);
  });

  it('takes the first value of the text as the root, and an empty text as no template', () => {
    assert.deepEqual(outline(parseJsonTemplate('  "x"', 't.json').root), ['scalar 1:3-1 "x"']);
    assert.deepEqual(parseJsonTemplate('{} {}', 't.json').diagnostics.map((d) => d.message), ['JSON syntax error: EndOfFileExpected']);
    assert.deepEqual(parseJsonTemplate('', 't.json').diagnostics.map((d) => d.code), ['json-syntax']);
  });
});
