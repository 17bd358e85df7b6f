/**
 * The import extractor behind the declared-versus-imported rules: every static and literal
 * dynamic form in JavaScript/TypeScript, Python's line forms, and what it must not count.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeLanguage, extractImports, importsEnd } from '../../src/deps/imports.js';
import ts from '../../src/code/typescript-lib.cjs';
import { loadTypeScript } from '../../src/code/load-typescript.js';

const specs = (file: string, text: string): string[] => extractImports(file, text).map((i) => i.specifier);

describe('extractImports: JavaScript and TypeScript', () => {
  it('finds import, export from, require, import = require and import() with a literal', () => {
    const text = [
      "import a from 'alpha';",
      "import type { B } from 'beta';",
      "export * from './local';",
      "const g = require('gamma/sub');",
      "import d = require('delta');",
      "const e = await import('@scope/epsilon');",
      'const dynamic = require(name);',
      "// require('commented')",
      "const s = 'require(\"in-a-string\")';",
    ].join('\n');
    assert.deepEqual(specs('handler.ts', text), ['alpha', 'beta', './local', 'gamma/sub', 'delta', '@scope/epsilon']);
  });

  it('gives 1-based positions of the module name', () => {
    assert.deepEqual(extractImports('a.js', "\nconst x = require('lodash');"), [{ specifier: 'lodash', line: 2, column: 19, moduleTop: true }]);
  });

  it('marks the imports written at the top of the module, which loading the file runs', () => {
    const text = [
      "import a from 'alpha';",
      "const AWS = require('aws-sdk');",
      "require('dotenv').config();",
      "export { x } from 'beta';",
      "import('gamma').then(() => {});",
      'exports.handler = async () => {',
      "  const s3 = require('delta');",
      '};',
      "if (process.env.X) require('epsilon');",
      "const lazy = () => require('zeta');",
    ].join('\n');
    assert.deepEqual(extractImports('handler.js', text).map((i) => `${i.specifier}${i.moduleTop ? ' top' : ''}`), ['alpha top', 'aws-sdk top', 'dotenv top', 'beta top', 'gamma', 'delta', 'epsilon', 'zeta']);
    const python = 'import boto3\nfrom requests import get\ndef handler(e, c):\n    import yaml\n';
    assert.deepEqual(extractImports('app.py', python).map((i) => `${i.specifier}${i.moduleTop ? ' top' : ''}`), ['boto3 top', 'requests top', 'yaml']);
  });

  it('reads a long line only at its start: every import of a one-line bundle, no require deep in minified code', () => {
    const bundle = Array.from({ length: 300 }, (_, i) => `import{a${i}}from"m${i}";`).join('');
    const found = extractImports('bundle.mjs', bundle);
    assert.equal(found.length, 300);
    assert.ok(found.every((i) => i.moduleTop === true));
    const minified = `!function(){${'var q=1;'.repeat(40)}var x=require("late")}();\nconst early = require('early');\nvar ${'a,'.repeat(120)}long = require('long');\n`;
    // Past 200 characters a line is not read up to its require: left unmarked, as an unsure one is.
    assert.deepEqual(extractImports('min.js', minified).map((i) => `${i.specifier}${i.moduleTop ? ' top' : ''}`), ['late', 'early top', 'long']);
  });

  it('judges each try once, however many imports it holds, and finds the block of each', () => {
    const many = ['try:', ...Array.from({ length: 500 }, (_, i) => `    import m${i}`), 'except ImportError:', '    pass', 'def handler(event, context):', '    try:', '        import inner', '    finally:', '        pass', '    import lazy'].join('\n');
    const found = extractImports('app.py', many);
    assert.equal(found.filter((i) => i.optional).length, 500);
    assert.deepEqual(found.slice(500).map((i) => `${i.specifier}${i.optional ? ' optional' : ''}`), ['inner', 'lazy']);
  });

  it('marks the Python imports of a try block whose handler catches a missing module as optional', () => {
    const text = [
      'try:',
      '    import ujson as json',
      'except ImportError:',
      '    import json',
      'try:',
      '    # the fast one',
      '    from lxml import etree',
      'except (ValueError, ModuleNotFoundError):',
      '    etree = None',
      'try:',
      '    import orjson',
      'except ValueError:',
      '    pass',
      'def handler(event, context):',
      '    import yaml',
      '    return yaml',
    ].join('\n');
    assert.deepEqual(extractImports('app.py', text).map((i) => `${i.specifier}${i.optional ? ' optional' : ''}`), ['ujson optional', 'json', 'lxml optional', 'orjson', 'yaml']);
  });

  it('reads no declaration files and no other languages', () => {
    assert.equal(codeLanguage('types.d.ts'), undefined);
    assert.equal(codeLanguage('README.md'), undefined);
    assert.deepEqual(specs('notes.md', "import x from 'x'"), []);
  });
});

/** What the compiler's pre-scan finds reading the whole text: the extractor must find the same. */
function wholeTextImports(text: string): string[] {
  loadTypeScript();
  return ts.preProcessFile(text, true, true).importedFiles.map((ref) => `${ref.fileName}@${ref.pos}`);
}

const found = (text: string): string[] => {
  const lines = text.split('\n');
  return extractImports('handler.ts', text).map((i) => `${i.specifier}@${lines.slice(0, i.line - 1).reduce((n, l) => n + l.length + 1, 0) + i.column - 1}`);
};

describe('extractImports: where the pre-scan stops', () => {
  const body = ['', 'export const handler = async (event) => {', "  const name = event.name ?? 'x';", '  return { statusCode: 200, body: JSON.stringify({ name }) };', '};', ''].join('\n');

  it('stops after the imports at the top of a file, finding what the whole text gives', () => {
    const text = ["import a from 'alpha';", "const b = require('beta');", body].join('\n');
    assert.ok(importsEnd(text) < text.indexOf('handler'), 'the body after the imports is not read');
    assert.deepEqual(found(text), wholeTextImports(text));
    assert.deepEqual(specs('handler.js', text), ['alpha', 'beta']);
  });

  it('reads a module name written on a later line than its import word', () => {
    const cases = [
      "import {\n  a,\n  b,\n} from\n  './split';",
      "const m = require(\n  './next-line'\n);",
      "const m = require( // from 'a comment with a quote\n  './after-comment');",
      "const m = require( /* from ' */\n  './after-block-comment');",
      "const m = require(/*\n  from ' \n*/ './block-comment-over-lines');",
      "const m = require(\n\n\n './after-blank-lines');",
      'const m = await import(`./template`);',
      "const m = await import(\n  `./template-next-line`);",
      "const m = require('./con\\\ntinued');",
      "const m = require( // from 'q\n  './con\\\ntinued-after-comment');",
      "const m = await import(`./template\nover-lines`);",
      "const m = requ\\u0069re('./escaped-word');",
      "const m = require(\n\u00a0'./after-non-ascii-blank');",
      "const m = require( // from 'q\n\u00a0'./non-ascii-blank-after-comment');",
      "const m = await import( // from 'q\n  `./template-after-comment`);",
    ];
    for (const head of cases) {
      const text = head + body;
      assert.deepEqual(found(text), wholeTextImports(text), head);
      assert.ok(found(text).length > 0 || head.includes('escaped'), head);
    }
  });

  it('reads the whole text when there is nothing to cut or the last import is at the end', () => {
    const late = `${body}\nexport { x } from './late';\n`;
    assert.deepEqual(specs('a.js', late), ['./late']);
    assert.equal(importsEnd('const x = 1;\n'), 0);
    assert.deepEqual(specs('a.js', 'const x = 1;\n'), []);
  });
});

describe('extractImports: Python', () => {
  it('finds import lists, from imports (relative ones as written) and literal dynamic imports', () => {
    const text = ['import os, yaml as y', 'from requests.adapters import HTTPAdapter', 'from . import sibling', "mod = importlib.import_module('jwt')", '    import boto3  # inside a function'].join('\n');
    assert.deepEqual(specs('app.py', text), ['os', 'yaml', 'requests.adapters', '.', 'jwt', 'boto3']);
  });

  it('ignores imports in comments and triple-quoted strings', () => {
    const text = ['# import commented', '"""', 'import in_docstring', '"""', 'important = 1', "doc = '''one line''' ; import after_quotes", "'''", 'import in_single', "'''", 'import real', "m = __import__('dyn')"].join('\n');
    assert.deepEqual(specs('app.py', text), ['real', 'dyn']);
  });
});
