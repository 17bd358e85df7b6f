/**
 * Directives in code comments: JavaScript and TypeScript, Python, pip requirements.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeDirectives, isCodeFile } from '../../src/suppress/code-directives.js';

const JS = [
  "const { execSync } = require('node:child_process');", //                                   1
  'exports.handler = async (event) => {', //                                                  2
  '  // faasguard-ignore-next-line command-injection: the key is a UUID checked above', //    3
  '  // (see validate.js)', //                                                                4
  '  execSync(`convert ${event.key}`);', //                                                   5
  '  eval(event.expr); // faasguard-ignore code-injection: expressions come from our own UI', // 6
  "  const s = '// faasguard-ignore xss: in a string';", //                                  7
  '  /* faasguard-ignore-next-line ssrf: fixed host */', //                                   8
  '  await fetch(event.url);', //                                                             9
  '  // faasguard-ignore-next-line sql-injection: nothing below', //                         10
  '', //                                                                                     11
  '};', //                                                                                   12
].join('\n');

describe('code directives', () => {
  it('reads JavaScript comments: next line past comment lines, same line when trailing, block comments', () => {
    const got = codeDirectives('src/app.js', JS).map((d) => ({ at: [d.loc.line, d.loc.column], rules: d.rules, reason: d.reason, covers: [d.scope.startLine, d.scope.endLine], anchor: d.scope.anchor }));
    assert.deepEqual(got, [
      { at: [3, 3], rules: ['command-injection'], reason: 'the key is a UUID checked above', covers: [5, 5], anchor: 'execSync(`convert ${event.key}`);' },
      { at: [6, 21], rules: ['code-injection'], reason: 'expressions come from our own UI', covers: [6, 6], anchor: 'eval(event.expr); // faasguard-ignore code-injection: expressions come from our own UI' },
      { at: [8, 3], rules: ['ssrf'], reason: 'fixed host', covers: [9, 9], anchor: 'await fetch(event.url);' },
      { at: [10, 3], rules: ['sql-injection'], reason: 'nothing below', covers: [11, 11], anchor: '' },
    ]);
  });

  it('reads Python comments, and # in a string is not one', () => {
    const py = [
      'import subprocess', //                                                                     1
      'def handler(event, context):', //                                                          2
      '    # faasguard-ignore-next-line command-injection: runs in a sandbox account', //         3
      "    subprocess.run(event['cmd'], shell=True)", //                                          4
      "    print('# faasguard-ignore event-logged: no')", //                                      5
      "    print(event)  # faasguard-ignore event-logged: the event holds no personal data", //   6
    ].join('\n');
    assert.deepEqual(codeDirectives('src/app.py', py).map((d) => [d.loc.line, d.rules[0], d.scope.startLine]), [
      [3, 'command-injection', 4],
      [6, 'event-logged', 6],
    ]);
  });

  it('reads requirements files and CRLF line ends', () => {
    const req = 'requests==2.31.0\r\nleftpad  # faasguard-ignore python-requirement-unpinned: vendored copy\r\n';
    const [d] = codeDirectives('worker/requirements.txt', req);
    assert.deepEqual([d?.loc.line, d?.scope.startLine, d?.reason], [2, 2, 'vendored copy']);
  });

  it('knows which files hold code comments', () => {
    assert.deepEqual(['a.js', 'a.mjs', 'a.cts', 'a.tsx', 'a.py', 'requirements-dev.txt', 'a.yaml', 'notes.txt', 'a.json'].map(isCodeFile), [true, true, true, true, true, true, false, false, false]);
    assert.deepEqual(codeDirectives('a.yaml', '# faasguard-ignore x: y\nA: 1\n'), []);
  });
});
