/**
 * The build's cut-down TypeScript (scripts/trim-typescript.mjs), on a small file laid out as the
 * package's lib/typescript.js is: it keeps what the exported names reach, leaves out the tsserver
 * sections, the language service's node objects, what the file does on load for names nothing
 * keeps and the messages nothing names, and stops the build when something kept names a
 * declaration of those sections or reads the messages otherwise than by name.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { buildSync } from 'esbuild';
import { PACKAGE_ROOT } from '../helpers/paths.js';

interface Trimmed {
  contents: string;
  license: string;
}
type Trim = (compilerFile: string, names: string[]) => Trimmed;

const dir = mkdtempSync(path.join(os.tmpdir(), 'faasguard-trim-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A compiler file of the package's layout; `parseBody` is the body of the parser's one function. */
function compilerFile(name: string, parseBody: string): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    [
      '/*! license header */',
      '',
      'var ts = {}; ((module) => {',
      'var __export = (target, all) => { for (var name in all) Object.defineProperty(target, name, { get: all[name], enumerable: true }); };',
      'var __toCommonJS = (mod) => mod;',
      '// src/typescript/typescript.ts',
      'var typescript_exports = {};',
      '__export(typescript_exports, {',
      '  createSourceFile: () => createSourceFile,',
      '  makeIdentifier: () => makeIdentifier,',
      '  createTypeChecker: () => createTypeChecker,',
      '  textChanges: () => ts_textChanges_exports',
      '});',
      'module.exports = __toCommonJS(typescript_exports);',
      '// src/compiler/utilities.ts',
      'function Node(kind) { this.kind = kind; }',
      'function Identifier(kind) { this.kind = kind; this.escapedText = "name"; }',
      'var objectAllocator = { getIdentifierConstructor: () => Identifier, getPrivateIdentifierConstructor: () => Node };',
      'function setObjectAllocator(alloc) { Object.assign(objectAllocator, alloc); }',
      'function idText(node) { return node.escapedText; }',
      'function diag(code, message) { return { code, message }; }',
      'var Diagnostics = {',
      '  Unterminated_string_literal: diag(1002, "Unterminated string literal."),',
      '  Type_0_is_not_assignable: diag(2322, "Type is not assignable.")',
      '};',
      'var nativePerformanceHooks = tryGetPerformanceHooks();',
      'function tryGetPerformanceHooks() { return "the performance module"; }',
      'var unusedTable = makeTable();',
      'function makeTable() { return "an unused table"; }',
      'var sys = (() => ({ getEnvironmentVariable: () => "the file system layer" }))();',
      'if (sys && sys.getEnvironmentVariable) { sys.getEnvironmentVariable("TSC_WATCHFILE"); }',
      'var Unused;',
      '((Unused2) => {',
      '  Unused2.value = "an unused namespace";',
      '})(Unused || (Unused = {}));',
      'var Scanner;',
      '((Scanner2) => {',
      '  function scan(text) { return text.toUpperCase(); }',
      '  Scanner2.scan = scan;',
      '})(Scanner || (Scanner = {}));',
      '// src/compiler/parser.ts',
      `function createSourceFile(text) { ${parseBody} }`,
      'function makeIdentifier() { return new (objectAllocator.getIdentifierConstructor())(80); }',
      '// src/compiler/checker.ts',
      'function createTypeChecker() { return "the checker"; }',
      '// src/services/textChanges.ts',
      'var ts_textChanges_exports = {};',
      '__export(ts_textChanges_exports, { change: () => change });',
      'function change() { return "a change"; }',
      'function registerCodeFix(fix) { return fix; }',
      'registerCodeFix({ fix: () => createTypeChecker() });',
      '// src/services/services.ts',
      'function getServicesObjectAllocator() { return { getIdentifierConstructor: () => function ServiceIdentifier() { this.service = createTypeChecker(); } }; }',
      'setObjectAllocator(getServicesObjectAllocator());',
      '// src/server/session.ts',
      'function serverOnly() { return "tsserver"; }',
      '})({ get exports() { return ts; }, set exports(v) { ts = v; if (typeof module !== "undefined" && module.exports) { module.exports = v; } } })',
      '',
    ].join('\n'),
  );
  return file;
}

async function trim(): Promise<Trim> {
  return ((await import(pathToFileURL(path.join(PACKAGE_ROOT, 'scripts', 'trim-typescript.mjs')).href)) as { trimmedTypeScriptSource: Trim }).trimmedTypeScriptSource;
}

/** The trimmed module bundled as the build bundles it, then loaded. */
function load(trimmed: Trimmed): { text: string; exports: Record<string, (...args: unknown[]) => unknown> } {
  const text = buildSync({ stdin: { contents: trimmed.contents, sourcefile: 'typescript.mjs' }, bundle: true, platform: 'node', format: 'cjs', treeShaking: true, write: false, banner: { js: trimmed.license }, logLevel: 'error' }).outputFiles[0]!.text;
  const module = { exports: {} as Record<string, (...args: unknown[]) => unknown> };
  new Function('module', 'exports', text)(module, module.exports);
  return { text, exports: module.exports };
}

describe('the trimmed TypeScript', () => {
  it('keeps what the names read reach, with the namespaces it uses whole, and leaves the rest out', async () => {
    const trimmed = (await trim())(compilerFile('uses-namespace.js', 'return ts_textChanges_exports.change() + " of " + text;'), ['createSourceFile', 'Node', 'isIdentifier']);
    assert.equal(trimmed.license, '/*! license header */\n');
    const { text, exports } = load(trimmed);
    assert.deepEqual(Object.keys(exports), ['createSourceFile'], 'only the names asked that the package exports');
    assert.equal(exports.createSourceFile!('x'), 'a change of x');
    assert.doesNotMatch(text, /the checker|tsserver/, 'the checker, the code fix that names it and the server are left out');
    assert.match(text, /^\/\*! license header \*\//);
  });

  it('leaves out what the file does on load for names nothing keeps, and the messages nothing names', async () => {
    const body = 'return Scanner.scan(text) + ": " + Diagnostics.Unterminated_string_literal.message + (nativePerformanceHooks ?? "");';
    const trimmed = (await trim())(compilerFile('load-time.js', body), ['createSourceFile']);
    const { text, exports } = load(trimmed);
    assert.equal(exports.createSourceFile!('x'), 'X: Unterminated string literal.', 'the namespace and the message it names work');
    assert.doesNotMatch(text, /an unused table|an unused namespace|the file system layer/, 'unused initializers, namespaces and the environment settings are left out');
    assert.doesNotMatch(text, /the performance module/, "the compiler's timing marks do without Node's performance module");
    assert.doesNotMatch(text, /not assignable/, 'a message nothing names is left out');
  });

  it("gives identifiers the language service's text getter without the service's node objects", async () => {
    const { text, exports } = load((await trim())(compilerFile('identifiers.js', 'return text;'), ['createSourceFile', 'makeIdentifier']));
    const identifier = exports.makeIdentifier!() as { kind: number; text: string; service?: unknown };
    assert.deepEqual([identifier.kind, identifier.text, identifier.service], [80, 'name', undefined]);
    assert.doesNotMatch(text, /the checker|ServiceIdentifier/, "the service's allocator, and the checker it reached, are left out");
  });

  it('stops the build when the compiler opens a namespace twice, which it could not keep whole', async () => {
    const file = compilerFile('namespace-twice.js', 'return Scanner.scan(text);');
    writeFileSync(file, readFileSync(file, 'utf8').replace('// src/compiler/parser.ts', "((Scanner2) => {\n  Scanner2.more = 1;\n})(Scanner || (Scanner = {}));\n// src/compiler/parser.ts"));
    await assert.rejects(async () => (await trim())(file, ['createSourceFile']), /opens its namespace Scanner twice/);
  });

  it('stops the build when the compiler reads its messages otherwise than by name', async () => {
    const file = compilerFile('messages-by-key.js', 'return Object.keys(Diagnostics).join() + text;');
    await assert.rejects(async () => (await trim())(file, ['createSourceFile']), /reads its Diagnostics otherwise than by name/);
  });

  it('stops the build when what is kept names a declaration of a tsserver section', async () => {
    const file = compilerFile('names-server.js', 'return serverOnly() + text;');
    await assert.rejects(async () => (await trim())(file, ['createSourceFile']), /names declarations of the dropped tsserver sections: serverOnly/);
  });

  it('stops the build on a file not laid out as the package is', async () => {
    const file = path.join(dir, 'other.js');
    writeFileSync(file, 'module.exports = {};\n');
    await assert.rejects(async () => (await trim())(file, ['createSourceFile']), /not laid out as the TypeScript 5 package is/);
  });
});
