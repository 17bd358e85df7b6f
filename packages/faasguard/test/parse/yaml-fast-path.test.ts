/**
 * The fast path for YAML (`@stoplight/yaml-ast-parser`) gives exactly the tree the full parser (the `yaml`
 * package's document model) gives, positions, end lines and resolved scalars included, or leaves
 * the text to the full parser. Checked on every YAML file of the fixtures and on the cases where
 * the two parsers' notions of a collection's end differ most: comment lines after its last item.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex } from '../../src/parse/line-index.js';
import { fastYamlTree, foldSingleQuoted } from '../../src/parse/yaml-fast-path.js';
import { parseWithDocumentModel, parseYamlTemplate, SHORT_FORM_TAGS } from '../../src/parse/yaml-template.js';
import type { TNode } from '../../src/parse/tree.js';
import { FIXTURES } from '../helpers/paths.js';
import { RandomYaml, seededRandom } from './random-yaml.js';

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : yamlFiles(p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

/** Whether the fast path answers for the text (rather than leaving it to the full parser). */
function answers(text: string): boolean {
  const lines = new LineIndex(text);
  const wrapTag = (tag: string, value: TNode): TNode => ({ kind: 'map', entries: [{ key: SHORT_FORM_TAGS[tag]!, keyLoc: value.loc, value }], loc: value.loc });
  return fastYamlTree({ text, file: 'f.yaml', lines, shortForms: SHORT_FORM_TAGS, wrapTag, lastLine: (s) => lines.lineNumber(s) }) !== undefined;
}

const CASES: Readonly<Record<string, string>> = {
  'scalars of the core schema': 'a: 1\nb: 0x1F\nc: 0o17\nd: 1.50\ne: .inf\nf: true\ng: ~\nh: null\ni: "1"\nj: 2001-12-14\nk: yes\nl: 1e3\nm: -7\n',
  'quoted, block and multi-line scalars': 'a: "x\\ty"\nb: \'it\'\'s\'\nc: |\n  one\n  two\nd: >-\n  folded\n  text\ne: plain\n  continued\n',
  'short-form tags on scalars and collections': 'a: !Ref X\nb: !GetAtt X.Arn\nc: !Sub\n  - "${A}"\n  - A: !Ref B\nd: !If [c, !Ref A, !Ref "AWS::NoValue"]\n',
  'flow collections over several lines': 'a: [1,\n  2\n  ]\nb: {x: 1, y: [2, 3]}\nc: [ ] # empty\n',
  'keys with no value': 'a:\nb:   \nc: # x\nd:\n  e:\n  f: 1\n',
  'comments deeper than the map after its last value': 'R:\n  A:\n    T: X\n      # deep\n\n      # after a blank line\n  B:\n    T: Y\n',
  'comments at the map\'s indentation, handed outwards': 'R:\n  A:\n    T: X\n    # same\n  # parent\n# root\n  B: 1\n',
  'a deep comment after a shallow one stays with the inner map': 'R:\n  A:\n    T: X\n      # d1\n  # s\n      # d2\n  B: 1\n',
  'comments after a sequence and at the end of the file': 'R:\n  - a:\n      b: 1\n    # c4\n  - 2\n      # deep\n  # same\n',
  'a comment indented under the root at the end': 'A: 1\n  # indented\n',
  'windows line endings': 'A:\r\n  B: 1\r\n  # c\r\nC: 2\r\n',
  'duplicate keys': 'A: 1\nB: 2\nA: 3\n',
  'a flow value continued at its key\'s indentation (YAML 1.1, as SAM CLI reads it)': 'A:\n  R: [\n  x ]\n',
  'comments after an empty value, at any indentation': 'R:\n  A:\n    T:\n  # c\n# d\n  B: 1\n',
  'comments after a block scalar': 'R:\n  A:\n    C: |\n      code\n    # in c\n  # in a\n# top\n  # deep\nD: 1\n',
  'comments after a flow collection, deeper than its sequence': 'A:\n  - {f: 1}\n\n      # deep\n\n  - x\n',
  'a single-quoted scalar over lines that end in blanks, with an empty line': "A: !Sub '{ \"a\": 1, \n    \"b\": 2  \n\n    }'\n",
  'a short-form tag whose value is on the next line': 'A: !Sub\n  - x\nB: !If\n  [c, 1, 2]\n',
};

describe('YAML fast path', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`gives the full parser's tree: ${name}`, () => {
      assert.ok(answers(text), 'the fast path answers');
      assert.deepEqual(parseYamlTemplate(text, 'f.yaml'), parseWithDocumentModel(text, 'f.yaml'));
    });
  }

  it('leaves to the full parser what it does not read: anchors, `!!` tags, unknown tags, two documents, directives, errors, and what the parser reads otherwise', () => {
    const refused = [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: !Foo 1\n',
      'a: 1\n---\nb: 2\n',
      'a: "open\n',
      '%YAML 1.1\n---\na: 1\n',
      // The parser drops a tag whose block scalar starts on the next line, and the last line break of `|+`.
      'A: !Sub\n  |\n    x\n',
      'A: |+\n  x\n\nB: 1\n',
      'A: |2\n   x\n',
      'A: >-1\n  x\n',
      // A byte order mark: the parser drops it and every offset moves
      '\uFEFFA: 1\n',
      // Lines of blanks before a block scalar's first line, blanks ending the lines of a double-quoted scalar
      'A: |\n     \n  x\n',
      'A: "x  \n  y"\n',
      'A:\n- \n- x\n',
      // Comments alone; an escape short of its digits, on which the parser would never return
      '# nothing\n',
      'a: "\\u6"',
      'a: "\\x4',
    ];
    for (const text of refused) {
      assert.equal(answers(text), false, text);
      assert.deepEqual(parseYamlTemplate(text, 'f.yaml'), parseWithDocumentModel(text, 'f.yaml'), text);
    }
  });

  it('gives the full parser\'s tree for every YAML file of the fixtures, and answers for most of them', () => {
    const files = yamlFiles(FIXTURES);
    let answered = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(FIXTURES, file);
      if (answers(text)) answered++;
      assert.deepEqual(parseYamlTemplate(text, rel), parseWithDocumentModel(text, rel), rel);
    }
    assert.ok(files.length > 200, `${files.length} files`);
    assert.ok(answered / files.length > 0.8, `${answered} of ${files.length} answered`);
  });

  it('gives the full parser\'s tree for random documents of what templates are made of', () => {
    let answered = 0;
    const runs = 3000;
    for (let seed = 1; seed <= runs; seed++) {
      const text = new RandomYaml(seededRandom(seed)).document();
      if (answers(text)) answered++;
      assert.deepEqual(parseYamlTemplate(text, 'f.yaml'), parseWithDocumentModel(text, 'f.yaml'), `seed ${seed}:\n${text}`);
    }
    assert.ok(answered / runs > 0.5, `${answered} of ${runs} answered`);
  });

  it('folds a single-quoted value written over lines as YAML 1.2 does', () => {
    assert.equal(foldSingleQuoted('a  \n   b'), 'a b');
    assert.equal(foldSingleQuoted('a \n\n  \n  b'), 'a\n\nb');
    assert.equal(foldSingleQuoted("it''s\r\n  x  "), "it's x  ");
    assert.equal(foldSingleQuoted('a\n  '), 'a ');
  });

  it('leaves to the full parser a text whose tags times lines would make the parser slow, with the same tree', () => {
    const functions = Array.from({ length: 3000 }, (_, i) => `  F${i}:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt R${i}.Arn\n      Env: !Ref P${i}\n`);
    const text = `Resources:\n${functions.join('')}`;
    assert.equal(answers(text), false);
    const small = `Resources:\n${functions.slice(0, 20).join('')}`;
    assert.equal(answers(small), true);
    assert.deepEqual(parseYamlTemplate(small, 'f.yaml'), parseWithDocumentModel(small, 'f.yaml'));
  });
});
