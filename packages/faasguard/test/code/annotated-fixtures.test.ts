/**
 * Code fixtures that carry their expectations inline (`// ruleid: …`, `# ok: …`): every annotated
 * line of every code file of each folder below is checked against one scan of the folder. A file
 * without annotations must have no finding of a code rule at all; in `annotated`, every file must
 * carry annotations.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { FIXTURES } from '../helpers/paths.js';
import { annotationMismatches, annotations, scoreAnnotations, totals, type Score } from '../helpers/annotations.js';
import { CODE_RULE_IDS, scanCode } from './helpers.js';

/** Fixture folders under `fixtures/code/` whose code files carry their expectations. */
const FOLDERS = [
  'annotated', 'sanitizers', 'sinks', 'sinks-more', 'sources', 'propagation', 'risks', 'express', 'python-taint', 'wsgi-plugin',
  // Rule fixtures whose code carries its expectations too
  '../rules/hard-coded-credential-check/fail', '../rules/hard-coded-credential-check/pass',
  '../rules/secret-logged/fail', '../rules/secret-logged/pass',
];

/** The code files under `dir` of a fixture, in order; package `__init__` files have nothing to judge. */
function codeFiles(root: string, dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? codeFiles(root, `${dir}/${e.name}`) : /\.(js|mjs|ts|py)$/.test(e.name) && e.name !== '__init__.py' ? [`${dir}/${e.name}`] : []))
    .sort();
}

const scores = new Map<string, Score>();
let judgedFiles = 0;

for (const folder of FOLDERS) {
  const root = path.join(FIXTURES, 'code', folder);
  const files = codeFiles(root, 'src');
  let result: ScanResult;

  describe(`annotated code fixtures: ${folder}`, () => {
    before(async () => {
      result = await scanCode(folder);
    });

    for (const file of files) {
      it(file, () => {
        const text = fs.readFileSync(path.join(root, file), 'utf8');
        const findings = result.findings.filter((f) => f.location.file === file && CODE_RULE_IDS.includes(f.ruleId)).map((f) => ({ rule: f.ruleId, line: f.location.line }));
        if (annotations(text).length === 0) {
          assert.notEqual(folder, 'annotated', 'no annotation in the file');
          assert.deepEqual(findings, [], 'a file without annotations has findings');
          return;
        }
        assert.deepEqual(annotationMismatches(text, findings), []);
        scoreAnnotations(text, findings, scores);
        judgedFiles++;
      });
    }
  });
}

describe('annotated code fixtures: all folders', () => {
  it('prints recall and precision over every annotated line', (t) => {
    const sum = totals(scores);
    t.diagnostic(`${judgedFiles} files, ${sum.tp + sum.fn} vulnerable and ${sum.tn + sum.fp} safe lines: recall ${(100 * sum.recall).toFixed(1)}%, precision ${(100 * sum.precision).toFixed(1)}%`);
    assert.ok(sum.tp > 0);
    assert.deepEqual({ fn: sum.fn, fp: sum.fp }, { fn: 0, fp: 0 });
  });
});
