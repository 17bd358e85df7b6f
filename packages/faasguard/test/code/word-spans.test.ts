/**
 * Pruning tree walks by words: the nodes a walk enters, and the escapes that make it walk the whole
 * tree (a name spelled with them is the plain name to the parser, not to a search of the text).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayEscapeIdentifiers, mayEscapeStrings, parseJs, ts } from '../../src/code/parse-js.js';
import { mayHoldAnyWord, wordSpans } from '../../src/code/word-spans.js';
import { nodeText } from '../../src/code/ts-positions.js';

/** The top-level statements a walk pruned by `words` would enter. */
function entered(text: string, words: string[], mayEscape = false): string[] {
  const parsed = parseJs('a.js', text);
  const mayHold = wordSpans(text, words, mayEscape);
  return parsed.ast.statements.filter((s) => mayHold(s)).map((s) => nodeText(s, parsed.ast));
}

describe('word spans', () => {
  it('enters only the nodes whose text holds a word', () => {
    const text = 'const a = 1;\nconst agent = { strictSSL: false };\nf(a);\nx.rejectUnauthorized = 0;\n';
    assert.deepEqual(entered(text, ['strictSSL', 'rejectUnauthorized']), ['const agent = { strictSSL: false };', 'x.rejectUnauthorized = 0;']);
    assert.deepEqual(entered(text, ['absent']), []);
    const parsed = parseJs('a.js', text);
    assert.equal(wordSpans(text, ['absent'], false)(parsed.ast), false);
    assert.equal(wordSpans(text, ['strictSSL'], false)(parsed.ast), true);
  });

  it('finds a word whose characters stand after backslashes that make no escape', () => {
    const text = "const a = 1;\no['strict\\SSL'] = false;\nconst b = { 'reject\\Unauthori\\zed': 0 };\nconst c = '\\d';\n";
    assert.deepEqual(entered(text, ['strictSSL', 'rejectUnauthorized']), ["o['strict\\SSL'] = false;", "const b = { 'reject\\Unauthori\\zed': 0 };"]);
    assert.deepEqual(entered(text, ['strictSSL']), ["o['strict\\SSL'] = false;"]);
  });

  it('tells whether a text holds a word anywhere, however often asked', () => {
    const words = ['aws-sdk', 'dynamoose'];
    for (let i = 0; i < 3; i++) {
      assert.equal(mayHoldAnyWord("x;\nconst A = require('aws-sdk');", words, false), true);
      assert.equal(mayHoldAnyWord("require('aws\\-sdk')", words, false), true);
      assert.equal(mayHoldAnyWord("require('other')", words, false), false);
      assert.equal(mayHoldAnyWord("require('other\\n', '\\d')", words, false), false);
      assert.equal(mayHoldAnyWord("require('dynamo\\o\\se')", words, false), true);
      assert.equal(mayHoldAnyWord("require('other')", words, true), true);
    }
  });

  it('finds a word that starts inside another', () => {
    // `b.x` starts at the `b` of `a\nb`, in the next statement: searched on after the first match, it would be missed.
    assert.deepEqual(entered('k.a\nb.x;\n', ['a\nb', 'b.x']), ['k.a', 'b.x;']);
    assert.deepEqual(entered('k.a\nb.x;\n', ['a\nb']), ['k.a']);
  });

  it('enters every node of a text that may spell the words with escapes', () => {
    const text = "const a = 1;\no['strict\\x53SL'] = false;\n";
    assert.equal(ts.isExpressionStatement(parseJs('a.js', text).ast.statements[1]!), true);
    assert.deepEqual(entered(text, ['strictSSL'], true), ['const a = 1;', "o['strict\\x53SL'] = false;"]);
  });

  it('knows the escapes that spell letters in strings and identifiers', () => {
    for (const escaped of ["'strict\\x53SL'", "'strict\\u0053SL'", "'strict\\123SL'", "'strict\\\nSSL'", "'strict\\\r\nSSL'", 'requ\\u0069re']) {
      assert.equal(mayEscapeStrings(escaped), true, escaped);
    }
    for (const plain of ["'strictSSL'", "'a\\nb'", "'a\\tb'", "/\\d+/", "'\\\\'"]) assert.equal(mayEscapeStrings(plain), false, plain);
    assert.equal(mayEscapeIdentifiers('requ\\u0069re'), true);
    assert.equal(mayEscapeIdentifiers("'strict\\x53SL'"), false);
  });
});
