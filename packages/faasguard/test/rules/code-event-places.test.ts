/**
 * A code-event rule whose key names a place wider than one event (verbose-error-response: a file's
 * responses) makes one finding, and names the other events of that place among its related
 * locations, so that a reader fixes every one of them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verboseErrorResponse } from '../../src/rules/code/verbose-error-response.js';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = [
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  '  Orders:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Runtime: python3.12',
  '      Handler: app.handler',
  '      CodeUri: src/',
  '      Events:',
  '        Get:',
  '          Type: HttpApi',
  '          Properties: { Path: /orders, Method: GET }',
].join('\n');

function handler(secondReturnsError: boolean): string {
  return [
    'import json',
    '',
    'def handler(event, context):',
    '    try:',
    '        order = load(event)',
    '    except Exception as e:',
    '        return {"statusCode": 500, "body": str(e)}',
    '    try:',
    '        save(order)',
    '    except Exception as e:',
    `        return {"statusCode": 500, "body": ${secondReturnsError ? 'str(e)' : '"could not save"'}}`,
    '    return {"statusCode": 200, "body": json.dumps(order)}',
    '',
    'def load(event):',
    '    return event["queryStringParameters"]',
    '',
    'def save(order):',
    '    return order',
  ].join('\n');
}

describe('code-event rules: one finding per place, every event named', () => {
  it('names the second response that returns the error among the finding’s related locations', async () => {
    const result = await scan(project({ 'template.yaml': TEMPLATE, 'src/app.py': handler(true) }), { rules: [verboseErrorResponse] });
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.location.file, f.location.line]), [['verbose-error-response', 'src/app.py', 7]]);
    const also = result.findings[0]!.related.filter((r) => r.message.startsWith('the same at'));
    assert.deepEqual(also.map((r) => [r.loc.file, r.loc.line, r.message]), [['src/app.py', 11, 'the same at src/app.py:11']]);
  });

  it('adds nothing when the file returns the error once', async () => {
    const result = await scan(project({ 'template.yaml': TEMPLATE, 'src/app.py': handler(false) }), { rules: [verboseErrorResponse] });
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.location.line]), [['verbose-error-response', 7]]);
    assert.deepEqual(result.findings[0]!.related.filter((r) => r.message.startsWith('the same at')), []);
  });
});
