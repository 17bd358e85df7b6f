/**
 * A template of SAM resources whose `Transform` line was lost: CloudFormation rejects it, so a
 * warning says so where the first SAM resource is, and it is read as its author meant it, as SAM
 * (its Globals apply). A template that declares the transform gets no such warning.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadApp } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const BODY = `Globals:
  Function:
    Runtime: nodejs22.x
    Timeout: 15
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Validator:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      CodeUri: src/
`;

describe('a SAM template without its Transform', () => {
  it('is read as SAM, with a warning at its first SAM resource', async () => {
    const { model, diagnostics } = await loadApp(project({ 'template.yaml': `AWSTemplateFormatVersion: 2010-09-09\n${BODY}` }));
    assert.deepEqual(model.stacks.map((s) => s.format), ['sam']);
    assert.deepEqual(model.functions.map((f) => [f.logicalId, f.runtime, f.timeout]), [['Validator', 'nodejs22.x', 15]]);
    const warnings = diagnostics.filter((d) => d.code === 'sam-transform-missing');
    assert.deepEqual(warnings.map((d) => [d.severity, d.loc.file, d.loc.line]), [['warning', 'template.yaml', 9]]);
    assert.match(warnings[0]!.message, /^Validator is an AWS::Serverless::Function, but the template declares no Transform: AWS::Serverless-2016-10-31, so CloudFormation rejects it/);
  });

  it('is not warned about when the template declares the transform', async () => {
    const { diagnostics } = await loadApp(project({ 'template.yaml': `Transform: AWS::Serverless-2016-10-31\n${BODY}` }));
    assert.deepEqual(diagnostics.filter((d) => d.code === 'sam-transform-missing'), []);
  });
});
