/**
 * `Metadata.faasguard.ignore` into the model: each entry with its place, the resource's extent,
 * and a clear diagnostic for a section of the wrong shape.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Resource } from '../../src/model/app-model.js';
import { loadApp } from '../../src/scan/scan.js';
import { lineOf, removeProject, tempProject } from '../helpers/temp-project.js';

const made: string[] = [];
after(() => made.forEach(removeProject));

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Metadata:
      faasguard:
        ignore:
          - rule: event-source-unencrypted
            reason: '  holds job ids only  '
          - rule: iam-wildcard-action
          - reason: no rule here
    Properties:
      VisibilityTimeout: 60
  Plain:
    Type: AWS::SQS::Queue
  Odd:
    Type: AWS::SQS::Queue
    Metadata:
      faasguard:
        ignore: event-source-unencrypted
`;

async function load() {
  const dir = tempProject({ 'template.yaml': TEMPLATE });
  made.push(dir);
  return loadApp(dir);
}

function resource(resources: Resource[], logicalId: string): Resource {
  const r = resources.find((x) => x.logicalId === logicalId);
  assert.ok(r, `resource ${logicalId} is in the model`);
  return r;
}

describe('Metadata faasguard.ignore', () => {
  it('keeps each entry with its rule, trimmed reason and place; an entry without a reason too', async () => {
    const app = await load();
    assert.deepEqual(resource(app.model.resources, 'Jobs').accepted, [
      { rule: 'event-source-unencrypted', reason: 'holds job ids only', loc: { file: 'template.yaml', line: 8, column: 13 } },
      { rule: 'iam-wildcard-action', loc: { file: 'template.yaml', line: 10, column: 13 } },
    ]);
    assert.equal(resource(app.model.resources, 'Plain').accepted, undefined);
  });

  it('knows where each resource ends', async () => {
    const app = await load();
    assert.deepEqual([resource(app.model.resources, 'Jobs').loc.line, resource(app.model.resources, 'Jobs').endLine], [3, lineOf(TEMPLATE, 'VisibilityTimeout')]);
    assert.equal(resource(app.model.resources, 'Plain').endLine, lineOf(TEMPLATE, 'Type: AWS::SQS::Queue', 2));
  });

  it('reports an entry without a rule and a section that is not a list, naming file and line', async () => {
    const app = await load();
    const problems = app.diagnostics.filter((d) => d.code === 'malformed-suppression').map((d) => [d.severity, `${d.loc.file}:${d.loc.line}`, d.message]);
    assert.deepEqual(problems, [
      ['warning', 'template.yaml:11', "an entry of Jobs's Metadata faasguard.ignore names no rule: write it as `faasguard: { ignore: [{ rule: <rule-id>, reason: <why> }] }`"],
      ['warning', 'template.yaml:20', 'Metadata faasguard of Odd has no ignore list: write it as `faasguard: { ignore: [{ rule: <rule-id>, reason: <why> }] }`'],
    ]);
    assert.equal(resource(app.model.resources, 'Odd').accepted, undefined);
  });
});
