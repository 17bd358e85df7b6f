/**
 * The parser wrapper: tolerant, located errors, locations relative to the scan root.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJs, ts } from '../../src/code/parse-js.js';

describe('parse-js', () => {
  it('parses JavaScript and TypeScript with 1-based locations', () => {
    const js = parseJs('src/a.js', 'const a = 1;\n  exports.handler = a;\n');
    assert.deepEqual(js.errors, []);
    const second = js.ast.statements[1]!;
    assert.deepEqual(js.locOf(second), { file: 'src/a.js', line: 2, column: 3 });
    const ts = parseJs('src/b.ts', 'export const handler = async (e: { body: string }): Promise<void> => {};\n');
    assert.deepEqual(ts.errors, []);
  });

  it('keeps a tree for a file with syntax errors and reports where', () => {
    const bad = parseJs('src/bad.js', 'exports.handler = async (event) => {\n  if ( {\n};\n');
    assert.ok(bad.errors.length >= 1);
    assert.equal(bad.errors[0]!.loc.file, 'src/bad.js');
    assert.ok(bad.errors[0]!.loc.line >= 2);
    assert.ok(bad.ast.statements.length >= 1);
  });

  it('gives the same tree and errors with JSDoc comments left unparsed as with them parsed', () => {
    const text = [
      '/** @param {{ id: string }} event - the request\n * @returns {Promise<object>} */',
      'exports.handler = async (event) => {',
      '  /** @type {import("x").Y} */ const y = event.id;',
      '  /** @see {@link foo} @param {broken */',
      '  return { y, /** @deprecated */ z: 1 };',
      '};',
      'function f( { /** @type {number} */ return 1 +; }',
      '',
    ].join('\n');
    for (const file of ['src/a.js', 'src/a.ts']) {
      const parsed = parseJs(file, text);
      const full = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
      assert.deepEqual(shape(parsed.ast), shape(full), file);
      const fullErrors = (full as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.slice(0, 3).map((d) => parsed.locAt(d.start ?? 0));
      assert.deepEqual(parsed.errors.map((e) => e.loc), fullErrors, file);
      assert.ok(parsed.errors.length > 0, 'the broken function is reported');
    }
  });

  it('does not throw on hostile input', () => {
    for (const text of ['\u0000\u0001', '(((((((((('.repeat(2000), '`${'.repeat(500), 'x'.repeat(100_000)]) assert.doesNotThrow(() => parseJs('src/x.js', text));
  });
});

/** Every node's kind and positions. */
function shape(node: ts.Node): unknown[] {
  const out: unknown[] = [];
  const visit = (n: ts.Node): void => {
    out.push([n.kind, n.pos, n.end]);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}
