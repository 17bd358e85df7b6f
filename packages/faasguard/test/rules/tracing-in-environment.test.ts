/**
 * `Tracing: Active` indented one level too deep, under a function's `environment`, sets a variable
 * and turns nothing on: `function-without-tracing` says so where it reports the function.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { functionWithoutTracing } from '../../src/rules/monitoring/function-without-tracing.js';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const SERVICE = `service: status
provider:
  name: aws
  runtime: python3.12
functions:
  process:
    handler: handler.main
    environment:
      LOG_LEVEL: INFO
      Tracing: Active
  other:
    handler: handler.main
    environment:
      TRACING_DISABLED: 'true'
`;

describe('function-without-tracing and a tracing setting among the environment variables', () => {
  it('names the variable and its line, and only where it holds a tracing mode', async () => {
    const result = await scan(project({ 'serverless.yml': SERVICE, 'handler.py': 'def main(event, context):\n    return {}\n' }), { noCache: true, rules: [functionWithoutTracing] });
    assert.deepEqual(result.findings.map((f) => [f.location.line, f.message.slice(f.message.indexOf('instrumented). ') + 15)]).sort((a, b) => Number(a[0]) - Number(b[0])), [
      [6, 'Its environment sets Tracing: Active (line 10), a variable that turns nothing on: tracing is a setting of the function, not of its environment. Set tracing: Active on the function (or provider.tracing.lambda: true).'],
      [11, 'Set tracing: Active on the function (or provider.tracing.lambda: true).'],
    ]);
  });
});
