/**
 * Node positions read with the compiler's functions (src/code/ts-positions.ts): the same as the
 * language service's node methods gave, on the installed compiler, whose nodes have them.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { loadTypeScript } from '../../src/code/load-typescript.js';
import { parseJs } from '../../src/code/parse-js.js';
import { lineAndCharacter, nodeStart, nodeText } from '../../src/code/ts-positions.js';

const installed = createRequire(import.meta.url)('typescript') as typeof import('typescript');

describe('ts positions', () => {
  it("gives each node's start and text after the comments and whitespace before it, as the node's methods do", () => {
    loadTypeScript();
    const text = '// lead\nconst a = /* c */ f(1);\n\n  /** doc */\nexport function g() { return `x${a}`; }\n';
    const source = installed.createSourceFile('a.js', text, installed.ScriptTarget.Latest, false, installed.ScriptKind.JS);
    const seen: string[] = [];
    const visit = (node: import('typescript').Node): void => {
      assert.equal(nodeStart(node, source), node.getStart(source), installed.SyntaxKind[node.kind]);
      assert.equal(nodeText(node, source), node.getText(source), installed.SyntaxKind[node.kind]);
      seen.push(nodeText(node, source));
      installed.forEachChild(node, visit);
    };
    visit(source);
    assert.ok(seen.includes('f(1)') && seen.includes('export function g() { return `x${a}`; }'), 'calls and declarations start at their first token');
    assert.deepEqual(lineAndCharacter(source, text.indexOf('export')), { line: 4, character: 0 });
  });

  it('places a finding of a parsed file on the line and column of its first token', () => {
    const parsed = parseJs('b.js', '\n\n   /* x */ run(event.body);\n');
    const call = (parsed.ast.statements[0] as import('typescript').ExpressionStatement).expression;
    assert.deepEqual(parsed.locOf(call), { file: 'b.js', line: 3, column: 12 });
  });
});
