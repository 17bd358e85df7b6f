/**
 * A function's declared parameters as JavaScript's `Function.length` counts them: what the Lambda
 * Node.js 24 runtime reads to refuse callback-style handlers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJs, ts } from '../../src/code/parse-js.js';
import { declaredParameterCount } from '../../src/code/taint/declared-parameters.js';

/** The count of the first function written in `code`. */
function counted(file: string, code: string): number {
  const { ast } = parseJs(file, code);
  let found: ts.FunctionLikeDeclaration | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(ast);
  assert.ok(found, code);
  return declaredParameterCount(found);
}

describe('declaredParameterCount', () => {
  it('counts the parameters before the first default or rest, as Function.length does', () => {
    assert.equal(counted('a.js', 'exports.handler = (event, context, callback) => {};'), 3);
    assert.equal(counted('a.js', 'exports.handler = async function (event, context, callback) {};'), 3);
    assert.equal(counted('a.js', 'exports.handler = async (event, context) => {};'), 2);
    assert.equal(counted('a.js', 'exports.handler = (event, context = {}, callback) => {};'), 1);
    assert.equal(counted('a.js', 'exports.handler = (event, ...rest) => {};'), 1);
    assert.equal(counted('a.js', 'exports.handler = ({ body }, [first], cb) => {};'), 3);
  });

  it("does not count TypeScript's this parameter", () => {
    assert.equal(counted('a.ts', 'export function handler(this: void, event: unknown, context: unknown) {}'), 2);
    assert.equal(counted('a.ts', 'export function handler(this: void, event: unknown, context: unknown, cb: () => void) {}'), 3);
  });
});
