/**
 * Whether a handler never reads its event: its first parameter is a plain name that its body never
 * mentions (a handler that answers the same whatever it is sent). Whatever a request holds then
 * reaches nothing, so checking it first protects nothing. A parameter written as a pattern
 * (`{ body }`), `*args`, a bound method's `self`, or a body that mentions the name anywhere (even in
 * a nested function) counts as reading it.
 */
import ts from '../typescript-lib.cjs';
import type { PyNode } from '../parse-python.js';

export function jsHandlerIgnoresEvent(fn: ts.FunctionLikeDeclaration): boolean {
  if (!fn.body) return false;
  const first = fn.parameters[0];
  // Without parameters the event is still `arguments[0]`.
  if (!first) return !mentionsJs(fn.body, 'arguments');
  return ts.isIdentifier(first.name) && !first.dotDotDotToken && !mentionsJs(fn.body, first.name.text);
}

function mentionsJs(node: ts.Node, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node, depth: number): void => {
    if (found) return;
    // Past this depth the answer is not known: count it as read.
    if ((ts.isIdentifier(n) && n.text === name) || depth > 200) {
      found = true;
      return;
    }
    ts.forEachChild(n, (c) => visit(c, depth + 1));
  };
  visit(node, 0);
  return found;
}

/** `def handler(event, context):` whose body never names `event`; a method (`self` first) is not judged. */
export function pyHandlerIgnoresEvent(def: PyNode, isMethod: boolean): boolean {
  if (isMethod) return false;
  const first = def.childForFieldName('parameters')?.namedChildren[0];
  const body = def.childForFieldName('body');
  if (!first || first.type !== 'identifier' || !body) return false;
  return !mentionsPy(body, first.text, 0);
}

function mentionsPy(node: PyNode, name: string, depth: number): boolean {
  if (node.type === 'identifier') return node.text === name;
  // Past this depth the answer is not known: count it as read.
  if (depth > 200) return true;
  return node.namedChildren.some((c) => c !== null && mentionsPy(c, name, depth + 1));
}
