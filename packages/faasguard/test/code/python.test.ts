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

// Which line of each file must and must not be flagged, by which rule, is annotated in the fixture
// (annotated-fixtures.test.ts); these tests check the flows' steps and messages.
describe('python taint analysis', () => {
  before(async () => {
    all = await codeFindings('python-taint');
  });

  it('follows the data into another module with each step', () => {
    const sql = all.find((g) => g.rule === 'sql-injection');
    assert.deepEqual(sql?.steps, ['src/api.py:14', 'src/api.py:14', 'src/api.py:16', 'src/api.py:27', 'src/helpers.py:8']);
    assert.equal(sql?.severity, 'critical');
  });

  it('finds the S3 object key reaching a shell command', () => {
    const thumbs = all.filter((g) => g.subject === 'Thumbnails');
    assert.deepEqual(thumbs.map((g) => [g.rule, g.at, g.steps]), [['command-injection', 'src/thumbs.py:9', ['src/thumbs.py:6', 'src/thumbs.py:7', 'src/thumbs.py:7', 'src/thumbs.py:9']]]);
    assert.match(thumbs[0]!.message, /^Object key of an S3 event from Uploads reaches `subprocess\.check_output`/);
  });
});
