import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPalette } from '../../src/report/ansi.js';
import { codeFrame } from '../../src/report/code-frame.js';
import { FrameSource } from '../../src/report/frame-source.js';

const options = { palette: createPalette(false), indent: '' };
const at = (line: number, column: number) => ({ file: 'a.yaml', line, column });
const source = (text: string, redactLine?: (line: string) => string) => new FrameSource(text, redactLine);

describe('code frame', () => {
  it('is empty when the source is unavailable, the line is 0 or past the end', () => {
    assert.deepEqual(codeFrame(undefined, at(1, 1), options), []);
    assert.deepEqual(codeFrame(source('a: 1\n'), at(0, 0), options), []);
    assert.deepEqual(codeFrame(source('a: 1\n'), at(2, 1), options), []);
  });

  it('clips the context at the start of the file and handles CRLF', () => {
    assert.deepEqual(codeFrame(source('a: 1\r\nb: 2\r\nc: 3\r\nd: 4\r\n'), at(1, 4), options), [
      '> 1 | a: 1',
      '  |    ^',
      '  2 | b: 2',
      '  3 | c: 3',
    ].map((l, i) => (i === 1 ? `  ${l}` : l)));
  });

  it('splits lines on LF only, as the parsers count them', () => {
    assert.deepEqual(codeFrame(source('a: 1\rb: 2\nc: 3\n'), at(2, 1), options), ['  1 | a: 1\\x0db: 2', '> 2 | c: 3', '    | ^']);
  });

  it('keeps the caret aligned after a byte-order mark, which columns count', () => {
    assert.deepEqual(codeFrame(source('\uFEFFkey: v\n'), at(1, 2), options), ['> 1 | key: v', '    | ^']);
  });

  it('has no caret line when the column is 0', () => {
    assert.deepEqual(codeFrame(source('a: 1\nb: 2\n'), at(2, 0), options), ['  1 | a: 1', '> 2 | b: 2']);
  });

  it('keeps the caret under the column when the line holds tabs', () => {
    const frame = codeFrame(source('\tkey: v\n'), at(1, 2), options);
    assert.deepEqual(frame, ['> 1 |   key: v', '    |   ^']);
  });

  it('cuts a very long line to a window around the column, after redaction', () => {
    const secret = 'S'.repeat(30);
    const line = `{"a":"${'x'.repeat(300)}","k":"${secret}","z":"${'y'.repeat(300)}"}`;
    const column = line.indexOf('"k"') + 1;
    const seen: string[] = [];
    const redactLine = (l: string): string => {
      seen.push(l);
      return l.replace(secret, '*'.repeat(secret.length));
    };
    const frame = codeFrame(source(line, redactLine), at(1, column), options);
    assert.deepEqual(seen, [line], 'the redactor sees the whole line');
    const [text, caret] = frame;
    assert.ok(text !== undefined && caret !== undefined);
    assert.ok(text.length < 140, text);
    assert.ok(text.startsWith('> 1 | …') && text.endsWith('…'));
    assert.ok(!text.includes('S'));
    assert.equal(text.indexOf('"k"'), caret.indexOf('^'));
  });

  it('shows control characters from the file as visible escapes', () => {
    const [text] = codeFrame(source('a: "\u001b[31mred"\n'), at(1, 1), options);
    assert.equal(text, '> 1 | a: "\\x1b[31mred"');
  });

  it('places the caret on a line longer than one chunk as escaping the whole prefix would', () => {
    const line = `${'\t\u001b x'.repeat(3000)}key: v${'y'.repeat(5000)}`;
    const column = line.indexOf('key') + 1;
    const [text, caret] = codeFrame(source(line), at(1, column), options);
    assert.ok(text !== undefined && caret !== undefined);
    assert.equal(caret.indexOf('^'), text.indexOf('key'));
  });
});
