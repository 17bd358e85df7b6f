/**
 * A function whose reserved concurrency is 0 never runs (every invocation is throttled): the rules
 * about its runs' logs and traces leave it alone until it is switched on.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { functionWithoutLogRetention } from '../../src/rules/monitoring/function-without-log-retention.js';
import { functionWithoutTracing } from '../../src/rules/monitoring/function-without-tracing.js';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

function template(reserved: number): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  Throttled:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      InlineCode: exports.handler = async () => ({})
      ReservedConcurrentExecutions: ${reserved}
`;
}

describe('a function switched off with reserved concurrency 0', () => {
  it('has no finding about the logs and traces of runs it never makes; with 1 it has', async () => {
    const rules = [functionWithoutLogRetention, functionWithoutTracing];
    const found = async (reserved: number): Promise<string[]> => (await scan(project({ 'template.yaml': template(reserved) }), { noCache: true, rules })).findings.map((f) => `${f.ruleId} ${f.location.line}`).sort();
    assert.deepEqual(await found(0), []);
    assert.deepEqual(await found(1), ['function-without-log-retention 3', 'function-without-tracing 3']);
  });
});
