/**
 * How many parameters a function declares as JavaScript counts them (`Function.length`): those
 * before the first with a default value or a rest; TypeScript's `this` parameter is none. The
 * Lambda Node.js 24 runtime reads it to tell a callback-style handler (three or more) from others.
 */
import ts from '../typescript-lib.cjs';

export function declaredParameterCount(node: ts.FunctionLikeDeclaration): number {
  let count = 0;
  for (const p of node.parameters) {
    if (ts.isIdentifier(p.name) && p.name.text === 'this') continue;
    if (p.initializer !== undefined || p.dotDotDotToken !== undefined) break;
    count++;
  }
  return count;
}
