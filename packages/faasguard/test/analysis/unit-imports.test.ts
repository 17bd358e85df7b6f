/**
 * The imports the dependency analysis reads per code unit (`analysis/dependency-usage.ts`): which
 * files are read, and which count as tests or build files, judged inside the deepest code
 * directory that holds them (a project may sit under a folder named `tests`).
 */
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { readUnitImports } from '../../src/analysis/dependency-usage.js';
import type { CodeUnit } from '../../src/analysis/code-units.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const dir = tempProject({
  'tests/app/handler.py': 'import requests\n',
  'tests/app/tests/test_handler.py': 'import pytest\n',
  'tests/app/inner/main.py': 'import boto3\n',
  'tests/app/inner/tests/test_main.py': 'import moto\n',
  'outside/lib.py': 'import numpy\n',
});
after(() => removeProject(dir));

const unit = (d: string): CodeUnit => ({ dir: d, functions: [], layers: [], runBy: [] });
const file = (rel: string) => ({ rel, abs: path.join(dir, rel), size: statSync(path.join(dir, rel)).size });

describe('imports of the code units', () => {
  it('reads the files inside units only, and marks tests by their place inside the deepest unit', async () => {
    const rels = ['tests/app/handler.py', 'tests/app/tests/test_handler.py', 'tests/app/inner/main.py', 'tests/app/inner/tests/test_main.py', 'outside/lib.py'];
    const got = await readUnitImports([unit('tests/app'), unit('tests/app/inner')], rels.map(file));
    assert.deepEqual([...got.values()].map((f) => [f.file, f.imports.map((i) => i.specifier), f.notDeployedFile ?? false]), [
      ['tests/app/handler.py', ['requests'], false],
      ['tests/app/tests/test_handler.py', ['pytest'], true],
      ['tests/app/inner/main.py', ['boto3'], false],
      ['tests/app/inner/tests/test_main.py', ['moto'], true],
    ]);
  });

  it('takes the imports already read for a file instead of reading it again', async () => {
    const known = new Map([['tests/app/handler.py', [{ specifier: 'given', line: 1, column: 8 }]]]);
    const got = await readUnitImports([unit('tests/app')], [file('tests/app/handler.py'), file('tests/app/tests/test_handler.py')], known);
    assert.deepEqual([...got.values()].map((f) => [f.file, f.imports.map((i) => i.specifier)]), [['tests/app/handler.py', ['given']], ['tests/app/tests/test_handler.py', ['pytest']]]);
  });
});
