/**
 * Code fixtures that carry their expectations inline (`// ruleid: …`, `# ok: …`): every annotated
 * line of every code file of `fixtures/code/annotated` is checked against one scan of the folder.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { FIXTURES } from '../helpers/paths.js';
import { annotationMismatches, annotations, scoreAnnotations, totals, type Score } from '../helpers/annotations.js';
import { scanCode } from './helpers.js';

const DIR = path.join(FIXTURES, 'code', 'annotated');
const FILES = codeFiles('src');

/** The code files under `dir` (relative to the fixture), in order; package `__init__` files have nothing to judge. */
function codeFiles(dir: string): string[] {
  return fs.readdirSync(path.join(DIR, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? codeFiles(`${dir}/${e.name}`) : /\.(js|py)$/.test(e.name) && e.name !== '__init__.py' ? [`${dir}/${e.name}`] : []))
    .sort();
}

let result: ScanResult;

describe('annotated code fixtures', () => {
  before(async () => {
    result = await scanCode('annotated');
  });

  for (const file of FILES) {
    it(file, () => {
      const text = fs.readFileSync(path.join(DIR, file), 'utf8');
      assert.ok(annotations(text).length > 0, 'no annotation in the file');
      const findings = result.findings.filter((f) => f.location.file === file).map((f) => ({ rule: f.ruleId, line: f.location.line }));
      assert.deepEqual(annotationMismatches(text, findings), []);
    });
  }

  it('prints recall and precision over every annotated line', (t) => {
    const scores = new Map<string, Score>();
    for (const file of FILES) {
      const findings = result.findings.filter((f) => f.location.file === file).map((f) => ({ rule: f.ruleId, line: f.location.line }));
      scoreAnnotations(fs.readFileSync(path.join(DIR, file), 'utf8'), findings, scores);
    }
    const sum = totals(scores);
    t.diagnostic(`${FILES.length} files, ${sum.tp + sum.fn} vulnerable and ${sum.tn + sum.fp} safe lines: recall ${(100 * sum.recall).toFixed(1)}%, precision ${(100 * sum.precision).toFixed(1)}%`);
    assert.ok(sum.tp > 0);
    assert.deepEqual({ fn: sum.fn, fp: sum.fp }, { fn: 0, fp: 0 });
  });
});
