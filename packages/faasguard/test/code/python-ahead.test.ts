/**
 * Python parsed ahead on the file-scan thread: the tree waits for the `parsePython` call that asks
 * for the same file and text, which gets the same tree it would have parsed; parsing ahead stops
 * when the share of the code analysis arrives, and leaves large files alone.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { afterEach, before, describe, it } from 'node:test';
import { dropParsedAhead, loadPythonParser, parseAhead, parsedAheadFiles, parsePython } from '../../src/code/parse-python.js';
import { parsePythonAhead } from '../../src/code/python-ahead.js';
import { analyzeWorkerShare } from '../../src/code/code-facts-run.js';
import type { DiscoveredFile } from '../../src/discover/discover.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

function discovered(dir: string, rels: readonly string[], size = 100): DiscoveredFile[] {
  return rels.map((rel) => ({ rel, abs: path.join(dir, rel), size }));
}

describe('Python parsed ahead', () => {
  before(async () => assert.ok(await loadPythonParser()));
  afterEach(() => dropParsedAhead());

  it('gives the tree parsed ahead to the one call that asks for the same file and text', () => {
    parseAhead('app.py', 'def handler(event, context):\n    return event\n');
    assert.deepEqual(parsedAheadFiles(), ['app.py']);
    const taken = parsePython('app.py', 'def handler(event, context):\n    return event\n');
    assert.deepEqual(parsedAheadFiles(), []);
    const fresh = parsePython('app.py', 'def handler(event, context):\n    return event\n');
    assert.ok(taken && fresh && taken !== fresh);
    assert.equal(taken.root.toString(), fresh.root.toString());
    taken.dispose();
    fresh.dispose();
  });

  it('parses again when the text asked for is not the text parsed ahead', () => {
    parseAhead('app.py', 'x = 1\n');
    const parsed = parsePython('app.py', 'def changed():\n    pass\n');
    assert.ok(parsed);
    assert.equal(parsed.root.firstNamedChild?.type, 'function_definition');
    assert.deepEqual(parsedAheadFiles(), []);
    parsed.dispose();
  });

  it('parses the Python files found, in order, until the share arrives', async () => {
    const dir = project({ 'a.py': 'a = 1\n', 'b.py': 'b = 2\n', 'c.js': 'const c = 3;\n', 'd.py': 'd = 4\n' });
    await parsePythonAhead(discovered(dir, ['a.py', 'b.py', 'c.js', 'd.py']), () => false);
    assert.deepEqual(parsedAheadFiles(), ['a.py', 'b.py', 'd.py']);
    dropParsedAhead();
    let turns = 0;
    await parsePythonAhead(discovered(dir, ['a.py', 'b.py', 'd.py']), () => ++turns > 1);
    assert.deepEqual(parsedAheadFiles(), ['a.py']);
  });

  it('lets go of the trees nobody asked for once the share is analyzed', async () => {
    parseAhead('tools/unused.py', 'z = 3\n');
    const dir = project({ 'x.txt': 'x' });
    await analyzeWorkerShare({ root: dir, functions: [], triggers: [], python: true, exclusion: {} });
    assert.deepEqual(parsedAheadFiles(), []);
  });

  it('leaves out the packages pip installed', async () => {
    const dir = project({ 'app.py': 'a = 1\n', 'layer/python/requests/api.py': 'b = 2\n', 'layer/python/requests-2.32.dist-info/METADATA': 'x', '.venv/lib/site.py': 'c = 3\n' });
    await parsePythonAhead(discovered(dir, ['app.py', 'layer/python/requests/api.py', 'layer/python/requests-2.32.dist-info/METADATA', '.venv/lib/site.py']), () => false);
    assert.deepEqual(parsedAheadFiles(), ['app.py']);
  });

  it('leaves a large file for when it is asked for', async () => {
    const dir = project({ 'big.py': 'x = 1\n', 'small.py': 'y = 2\n' });
    await parsePythonAhead([...discovered(dir, ['big.py'], 300 * 1024), ...discovered(dir, ['small.py'])], () => false);
    assert.deepEqual(parsedAheadFiles(), ['small.py']);
  });
});
