/**
 * Python handlers: sources from the event (`event["body"]`, `event.get(…)`, S3 records), every
 * sink family reachable from Python, calls into other modules of the code folder, and the same
 * sanitizers and checks as JavaScript (allow-lists, `int()`, anchored `re.fullmatch`, argument
 * lists without a shell, `shlex.quote`, `os.path.basename`, fixed URL origins).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { codeFindings, type Got } from './helpers.js';

let all: Got[] = [];

describe('python taint analysis', () => {
  before(async () => {
    all = await codeFindings('python-taint');
  });

  it('finds each sink family in a public Python handler', () => {
    assert.deepEqual(all.filter((g) => g.subject === 'Api').map((g) => [g.rule, g.at]).sort(), [
      ['authorization-from-client-input', 'src/api.py:29'],
      ['code-injection', 'src/api.py:19'],
      ['command-injection', 'src/api.py:17'],
      ['command-injection', 'src/api.py:18'],
      ['event-logged', 'src/api.py:28'],
      ['jwt-decoded-without-verification', 'src/api.py:27'],
      ['path-traversal', 'src/api.py:23'],
      ['sql-injection', 'src/helpers.py:7'],
      ['ssrf', 'src/api.py:25'],
      ['unsafe-deserialization', 'src/api.py:20'],
      ['unsafe-deserialization', 'src/api.py:21'],
      ['verbose-error-response', 'src/api.py:34'],
      ['xss', 'src/api.py:30'],
    ]);
  });

  it('follows the data into another module with each step', () => {
    const sql = all.find((g) => g.rule === 'sql-injection');
    assert.deepEqual(sql?.steps, ['src/api.py:14', 'src/api.py:14', 'src/api.py:16', 'src/api.py:22', 'src/helpers.py:7']);
    assert.equal(sql?.severity, 'critical');
  });

  it('finds the S3 object key reaching a shell command', () => {
    const thumbs = all.filter((g) => g.subject === 'Thumbnails');
    assert.deepEqual(thumbs.map((g) => [g.rule, g.at, g.steps]), [['command-injection', 'src/thumbs.py:8', ['src/thumbs.py:6', 'src/thumbs.py:7', 'src/thumbs.py:7', 'src/thumbs.py:8']]]);
    assert.match(thumbs[0]!.message, /^Object key of an S3 event from Uploads reaches `subprocess\.check_output`/);
  });

  it('is silent on sanitized and safe code', () => {
    assert.deepEqual(all.filter((g) => g.subject === 'Safe' || g.subject === 'Configured'), []);
  });
});
