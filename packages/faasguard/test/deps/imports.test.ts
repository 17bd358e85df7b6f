/**
 * The import extractor behind the declared-versus-imported rules: every static and literal
 * dynamic form in JavaScript/TypeScript, Python's line forms, and what it must not count.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeLanguage, extractImports } from '../../src/deps/imports.js';

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
    assert.deepEqual(extractImports('a.js', "\nconst x = require('lodash');"), [{ specifier: 'lodash', line: 2, column: 19 }]);
  });

  it('reads no declaration files and no other languages', () => {
    assert.equal(codeLanguage('types.d.ts'), undefined);
    assert.equal(codeLanguage('README.md'), undefined);
    assert.deepEqual(specs('notes.md', "import x from 'x'"), []);
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
