/**
 * Data flow across modules and language features: CommonJS helpers, ESM re-exports, TypeScript
 * imports written with `.js`, destructuring, spreads, arrays, closures and promises, class
 * methods, wrapped handlers (middy), `module.exports = { handler }`, callbacks, and a build output
 * folder whose sources sit in `src/`.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { bySubject, codeFindings, type Got } from './helpers.js';

let all: Got[] = [];

describe('propagation', () => {
  before(async () => {
    all = await codeFindings('propagation');
  });

  it('follows a CommonJS helper module through two summarized calls', () => {
    assert.deepEqual(bySubject(all, 'CjsModulesFunction'), [
      {
        rule: 'command-injection',
        at: 'src/lib/shell.js:11',
        steps: ['src/handlers/cjs.js:4', 'src/handlers/cjs.js:4', 'src/handlers/cjs.js:5', 'src/lib/shell.js:9', 'src/lib/shell.js:4', 'src/lib/shell.js:5', 'src/lib/shell.js:9', 'src/lib/shell.js:11'],
      },
    ]);
  });

  it('follows an ESM re-export (`export { x as handler } from`) and a spread into another module', () => {
    assert.deepEqual(bySubject(all, 'EsmReexportFunction'), [
      { rule: 'sql-injection', at: 'src/lib/db.mjs:8', steps: ['src/lib/impl.mjs:4', 'src/lib/impl.mjs:4', 'src/lib/impl.mjs:5', 'src/lib/db.mjs:6', 'src/lib/db.mjs:8'] },
    ]);
  });

  it('resolves a TypeScript import of `./paths.js` to `paths.ts`, through nested destructuring', () => {
    assert.deepEqual(bySubject(all, 'TsImportFunction'), [
      { rule: 'path-traversal', at: 'src/lib/paths.ts:5', steps: ['src/handlers/typed.ts:8', 'src/handlers/typed.ts:8', 'src/handlers/typed.ts:9', 'src/lib/paths.ts:5'] },
    ]);
  });

  it('follows arrays, closures, promise executors and array callbacks', () => {
    assert.deepEqual(bySubject(all, 'ClosuresFunction'), [
      { rule: 'command-injection', at: 'src/handlers/closures.js:8', steps: ['src/handlers/closures.js:4', 'src/handlers/closures.js:4', 'src/handlers/closures.js:5', 'src/handlers/closures.js:8'] },
    ]);
  });

  it('follows spreads, array join and string methods', () => {
    assert.deepEqual(bySubject(all, 'ObjectsFunction')[0]?.steps, [
      'src/handlers/objects.js:4', 'src/handlers/objects.js:4', 'src/handlers/objects.js:5', 'src/handlers/objects.js:6', 'src/handlers/objects.js:7', 'src/handlers/objects.js:8', 'src/handlers/objects.js:10',
    ]);
  });

  it('calls class methods, unwraps middy, reads module.exports objects and callback responses', () => {
    assert.deepEqual(bySubject(all, 'ClassMethodFunction').map((g) => [g.rule, g.at]), [['code-injection', 'src/handlers/service.js:6']]);
    assert.deepEqual(bySubject(all, 'WrappedFunction').map((g) => [g.rule, g.at]), [['unsafe-deserialization', 'src/handlers/wrapped.js:7']]);
    assert.deepEqual(bySubject(all, 'ModuleExportsObjectFunction').map((g) => [g.rule, g.at]), [['command-injection', 'src/handlers/object-export.js:5']]);
    assert.deepEqual(bySubject(all, 'CallbackFunction').map((g) => [g.rule, g.at]), [['xss', 'src/handlers/callback.js:4']]);
  });

  it('finds TypeScript sources of a build output folder', () => {
    assert.deepEqual(bySubject(all, 'BuiltFunction').map((g) => [g.rule, g.at]), [['command-injection', 'src/handlers/built.ts:5']]);
  });
});
