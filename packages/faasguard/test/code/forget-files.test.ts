/**
 * Trees let go of after a function (`forgetFilesOfOne` in code/function-code-facts.ts): the files
 * only that function reached go at once, here and in the process's parse cache, and are parsed
 * again when asked for; the files other functions reached too stay.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { forgetFilesOfOne } from '../../src/code/function-code-facts.js';
import { CodeFiles } from '../../src/code/module-graph.js';
import { newContext } from '../../src/code/taint/evaluate.js';
import { loadModule } from '../../src/code/taint/module-env.js';
import type { LambdaFunction } from '../../src/model/app-model.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const dirs: string[] = [];
after(() => dirs.forEach(removeProject));

function project(): string {
  const dir = tempProject({
    'src/a.js': "const { clean } = require('./shared');\nexports.handler = async (event) => clean(event.body);\n",
    'src/b.js': "const { clean } = require('./shared');\nexports.handler = async (event) => clean(event.body) + 1;\n",
    'src/shared.js': 'exports.clean = (text) => text.trim();\n',
  });
  dirs.push(dir);
  return dir;
}

/** Stands for a function: only its identity counts here. */
const fn = (id: string): LambdaFunction => ({ id }) as LambdaFunction;

describe('trees let go of after a function', () => {
  it('parses a forgotten file again, the process cache included', () => {
    const files = new CodeFiles(project());
    const first = files.load('src/a.js');
    assert.equal(files.load('src/a.js'), first, 'kept while not forgotten');
    files.forget('src/a.js');
    assert.equal(files.treeCount, 0);
    const again = files.load('src/a.js');
    assert.ok(again && first);
    assert.notEqual(again, first, 'a new tree, not the one the parse cache held');
    assert.equal(again.text, first.text);
    assert.deepEqual(again.errors, first.errors);
  });

  it('forgets the files only one function reached, with their module records, and keeps the shared ones', () => {
    const files = new CodeFiles(project());
    const ctx = newContext(files);
    for (const file of ['src/a.js', 'src/b.js', 'src/shared.js']) assert.ok(loadModule(ctx, file));
    const [a, b] = [fn('A'), fn('B')];
    const usersOf = new Map([
      ['src/a.js', [a]],
      ['src/b.js', [b]],
      ['src/shared.js', [a, b]],
    ]);
    forgetFilesOfOne(['src/b.js', 'src/shared.js'], usersOf, files, ctx);
    assert.deepEqual([...ctx.modules.keys()].sort(), ['src/a.js', 'src/shared.js']);
    assert.equal(files.treeCount, 2, 'a.js (not in the list) and shared.js stay');
    const shared = ctx.modules.get('src/shared.js')!.parsed;
    assert.equal(files.load('src/shared.js'), shared);
  });
});
