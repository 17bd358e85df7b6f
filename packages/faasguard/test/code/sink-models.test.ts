/**
 * Every sink and guard row's example, scanned as the handler of a public HTTP API route (its
 * environment's `TOPIC` a topic with an e-mail subscription): the
 * annotated lines have a finding of the annotated rule (`ok:` lines none), and no other line has
 * one. Adding a sink or a guard is adding a row with its example; this test then checks it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { JAVASCRIPT_SINKS } from '../../src/code/taint/models/javascript-sinks.js';
import { PYTHON_SINKS } from '../../src/code/taint/models/python-sinks.js';
import { GUARDS } from '../../src/code/taint/models/guard-rows.js';
import type { ModelLanguage } from '../../src/code/taint/models/sink-row.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { scan } from '../../src/scan/scan.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { annotationMismatches, annotations } from '../helpers/annotations.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';
import { CODE_RULE_IDS } from './helpers.js';

const RUNTIME = { javascript: { runtime: 'nodejs20.x', ext: 'js' }, python: { runtime: 'python3.12', ext: 'py' } } as const;

/** One model row's example, as the code file of one function. */
interface Example {
  language: ModelLanguage;
  /** Code file name without extension: `javascript3`, `guard-python1` */
  name: string;
  title: string;
  code: string;
}

const EXAMPLES: Example[] = [
  ...[JAVASCRIPT_SINKS, PYTHON_SINKS].flatMap((m) =>
    m.rows.map((row, i) => ({ language: m.language, name: `${m.language}${i}`, title: `${row.family}: ${row.modules[0]} ${row.members.filter((x) => x).slice(0, 3).join(', ')}`, code: row.example })),
  ),
  ...(['javascript', 'python'] as const).flatMap((language) =>
    GUARDS[language].map((row, i) => ({ language, name: `guard-${language}${i}`, title: `guard: ${row.modules[0]} ${row.members.slice(0, 3).join(', ')}`, code: row.example })),
  ),
];

/** One function an example, each with its own code file and an open HTTP API route. */
function project(examples: readonly Example[]): Record<string, string> {
  const files: Record<string, string> = {};
  const resources: string[] = [];
  examples.forEach((e, i) => {
    const { runtime, ext } = RUNTIME[e.language];
    files[`src/${e.name}.${ext}`] = e.code;
    resources.push(`  F${i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: ${runtime}\n      Handler: ${e.name}.handler\n      CodeUri: src/\n      Environment:\n        Variables:\n          TOPIC: !Ref MailTopic\n      Events:\n        Call:\n          Type: HttpApi\n          Properties:\n            Path: /f${i}\n            Method: POST`);
  });
  // The topic the examples publish to: people read it (an e-mail subscription), so publishing is a sink.
  resources.push('  MailTopic:\n    Type: AWS::SNS::Topic\n    Properties:\n      Subscription:\n        - Protocol: email\n          Endpoint: team@example.com');
  files['template.yaml'] = `Transform: AWS::Serverless-2016-10-31\nResources:\n${resources.join('\n')}\n`;
  return files;
}

let dir = '';
let result: ScanResult;

describe('model rows: every sink and guard row\'s example', () => {
  before(async () => {
    dir = tempProject(project(EXAMPLES));
    result = await scan(dir, { rules: ALL_RULES.filter((r) => CODE_RULE_IDS.includes(r.meta.id)) });
  });
  after(() => removeProject(dir));

  for (const e of EXAMPLES) {
    const file = `src/${e.name}.${RUNTIME[e.language].ext}`;
    it(`${e.language} ${e.title}`, () => {
      assert.ok(annotations(e.code).some((a) => a.expect === 'finding'), 'the example has no ruleid annotation');
      const findings = result.findings.filter((f) => f.location.file === file).map((f) => ({ rule: f.ruleId, line: f.location.line }));
      assert.deepEqual(annotationMismatches(fs.readFileSync(path.join(dir, file), 'utf8'), findings), [], `${file}:\n${e.code}`);
    });
  }
});
