/**
 * A `data "archive_file"` of one file (`source_file`) packs it at the archive's root: the function
 * whose `filename` is the archive runs the code of that file's folder, in a configuration and in a
 * plan alike, and its handler is found and analysed (as with a `source_dir`).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';

const DIR = path.join(FIXTURES, 'terraform');
const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A copy of a fixture whose archive packs `src/index.js` alone, by `source_file`. */
function packingOneFile(fixture: string, file: string, from: string, to: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faasguard-tf-archive-'));
  made.push(dir);
  fs.cpSync(path.join(DIR, fixture), dir, { recursive: true });
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  assert.ok(text.includes(from), `${fixture}/${file} packs a folder`);
  fs.writeFileSync(path.join(dir, file), text.replace(from, to));
  return dir;
}

describe('archive_file with source_file', () => {
  it("is the file's folder in a configuration: the handler is found and its flow reported", async () => {
    const dir = packingOneFile('url-app', 'main.tf', 'source_dir  = "${path.module}/src"', 'source_file = "${path.module}/src/index.js"');
    const result = await scan(dir, { terraform: true, noCache: true });
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'handler-not-found'), []);
    assert.ok(result.findings.some((f) => f.ruleId === 'command-injection' && f.location.file === 'src/index.js' && f.location.line === 4));
  });

  it("is the file's folder in a plan (terraform show -json) too", async () => {
    const dir = packingOneFile('url-app-plan', 'plan.json', '"source_dir": "./src"', '"source_file": "./src/index.js"');
    const result = await scan(dir, { terraform: true, noCache: true });
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'handler-not-found'), []);
    assert.ok(result.findings.some((f) => f.ruleId === 'command-injection' && f.location.file === 'src/index.js' && f.location.line === 4));
  });
});
