/**
 * Every sink model row's example, scanned as the handler of a public HTTP API route: the annotated
 * line has a finding of the annotated rule, and no other line has one. Adding a sink is adding a
 * row with its example; this test then checks it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { JAVASCRIPT_SINKS } from '../../src/code/taint/models/javascript-sinks.js';
import { PYTHON_SINKS } from '../../src/code/taint/models/python-sinks.js';
import type { SinkModels } from '../../src/code/taint/models/sink-row.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { scan } from '../../src/scan/scan.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { annotationMismatches, annotations } from '../helpers/annotations.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';
import { CODE_RULE_IDS } from './helpers.js';

const RUNTIME = { javascript: { runtime: 'nodejs20.x', ext: 'js' }, python: { runtime: 'python3.12', ext: 'py' } } as const;

/** One function a row, each with its own code file and an open HTTP API route. */
function project(models: readonly SinkModels[]): Record<string, string> {
  const files: Record<string, string> = {};
  const resources: string[] = [];
  for (const m of models) {
    m.rows.forEach((row, i) => {
      const { runtime, ext } = RUNTIME[m.language];
      const name = `${m.language}${i}`;
      files[`src/${name}.${ext}`] = row.example;
      resources.push(`  F${name}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: ${runtime}\n      Handler: ${name}.handler\n      CodeUri: src/\n      Events:\n        Call:\n          Type: HttpApi\n          Properties:\n            Path: /${name}\n            Method: POST`);
    });
  }
  files['template.yaml'] = `Transform: AWS::Serverless-2016-10-31\nResources:\n${resources.join('\n')}\n`;
  return files;
}

let dir = '';
let result: ScanResult;

describe('sink models: every row\'s example', () => {
  before(async () => {
    dir = tempProject(project([JAVASCRIPT_SINKS, PYTHON_SINKS]));
    result = await scan(dir, { rules: ALL_RULES.filter((r) => CODE_RULE_IDS.includes(r.meta.id)) });
  });
  after(() => removeProject(dir));

  for (const models of [JAVASCRIPT_SINKS, PYTHON_SINKS]) {
    models.rows.forEach((row, i) => {
      const file = `src/${models.language}${i}.${RUNTIME[models.language].ext}`;
      it(`${models.language} ${row.family}: ${row.modules[0]} ${row.members.filter((m) => m).slice(0, 3).join(', ')}`, () => {
        assert.ok(annotations(row.example).some((a) => a.expect === 'finding'), 'the example has no ruleid annotation');
        const findings = result.findings.filter((f) => f.location.file === file).map((f) => ({ rule: f.ruleId, line: f.location.line }));
        assert.deepEqual(annotationMismatches(fs.readFileSync(path.join(dir, file), 'utf8'), findings), [], `${file}:\n${row.example}`);
      });
    });
  }
});
