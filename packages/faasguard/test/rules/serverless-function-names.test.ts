/**
 * Findings about a Serverless Framework service name its functions by their keys under
 * `functions:` (what the author wrote), not by the logical ids the framework makes of them, and
 * spell the fix in the service's own settings, also for functions written in an included file.
 * The logical id stays the finding's subject, and its fingerprint does not change.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { functionUrlWithoutAuth } from '../../src/rules/auth/function-url-without-auth.js';
import { functionWithoutTracing } from '../../src/rules/monitoring/function-without-tracing.js';
import { functionWithoutLogRetention } from '../../src/rules/monitoring/function-without-log-retention.js';
import { fingerprint } from '../../src/findings/fingerprint.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const SERVICE = {
  'serverless.yml': `service: shop
provider:
  name: aws
  runtime: nodejs22.x
functions: \${file(functions.yml)}
`,
  'functions.yml': `get-order:
  handler: src/orders.get
  url: true
`,
  'src/orders.js': 'exports.get = async () => ({ statusCode: 200 });\n',
};

describe('Serverless Framework function names in findings', () => {
  it('names the function by its key; the subject keeps the logical id and the fingerprint its key', async () => {
    const result = await scan(project(SERVICE), { noCache: true, rules: [functionUrlWithoutAuth] });
    assert.deepEqual(result.findings.map((f) => [f.location.file, f.location.line, f.message]), [['functions.yml', 3, 'Function get-order has a Function URL with AuthType NONE: anyone on the internet can invoke it directly.']]);
    const [finding] = result.findings;
    assert.equal(finding!.subject?.logicalId, 'GetDashorderLambdaFunction');
    assert.equal(finding!.fingerprint, fingerprint('function-url-without-auth', 'functions.yml', ['GetDashorderLambdaFunction']));
  });

  it("spells the service's own settings for a function written in an included file", async () => {
    const result = await scan(project(SERVICE), { noCache: true, rules: [functionWithoutTracing, functionWithoutLogRetention] });
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.location.file, f.location.line, f.message]).sort(), [
      ['function-without-log-retention', 'functions.yml', 1, 'The log group the Serverless Framework makes for function get-order has no retention: its logs are kept forever. Set logRetentionInDays under provider (for every function) or on the function.'],
      ['function-without-tracing', 'functions.yml', 1, 'Function get-order has no active tracing: a request that abuses it cannot be followed through the function (with active tracing, X-Ray records a sample of the invocations, the first each second and 5% of the others, and the calls the code makes join the trace where its AWS SDK client is instrumented). Set tracing: Active on the function (or provider.tracing.lambda: true).'],
    ]);
  });
});
