/**
 * What the fixture table of `rules.test.ts` does not check: severities chosen per finding, and
 * edge cases of the configuration, monitoring and denial-of-service rules.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { bucketTriggerWithoutPublicAccessBlock } from '../../src/rules/config/bucket-trigger-without-public-access-block.js';
import { openCorsOnAuthenticatedEndpoint } from '../../src/rules/config/open-cors-on-authenticated-endpoint.js';
import { apiWithoutThrottling } from '../../src/rules/dos/api-without-throttling.js';
import { sqsSourceWithoutRedrive } from '../../src/rules/dos/sqs-source-without-redrive.js';
import { publicRestApiWithoutWaf } from '../../src/rules/dos/public-rest-api-without-waf.js';
import { apiStageDataTraceEnabled } from '../../src/rules/monitoring/api-stage-data-trace-enabled.js';
import { apiStageWithoutExecutionLogging } from '../../src/rules/monitoring/api-stage-without-execution-logging.js';
import { functionWithoutTracing } from '../../src/rules/monitoring/function-without-tracing.js';
import type { Rule } from '../../src/rules/rule.js';
import { scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';

async function findings(rule: Rule, fixture: string): Promise<Array<[string | undefined, string]>> {
  const result = await scan(path.join(FIXTURES, 'rules', rule.meta.id, fixture), { rules: [rule] });
  return result.findings.map((f) => [f.subject?.logicalId, f.severity]);
}

describe('severities chosen per finding', () => {
  it('bucket-trigger-without-public-access-block: medium when weakened on a bucket that triggers a function, low when left to S3 defaults or on any other bucket', async () => {
    assert.deepEqual((await findings(bucketTriggerWithoutPublicAccessBlock, 'fail')).sort(), [
      ['Archive', 'low'],
      ['Exports', 'low'],
      ['Imports', 'low'],
      ['Uploads', 'medium'],
    ]);
  });

  it('open-cors-on-authenticated-endpoint: high when credentials are allowed', async () => {
    assert.deepEqual((await findings(openCorsOnAuthenticatedEndpoint, 'fail')).sort(), [
      ['AccountApi', 'low'],
      ['Internal', 'high'],
    ]);
  });

  it('api-without-throttling: medium for open APIs, low when every route authenticates', async () => {
    assert.deepEqual(await findings(apiWithoutThrottling, 'fail'), [
      ['PublicApi', 'medium'],
      ['PartnerApi', 'low'],
    ]);
  });
});

describe('what the findings claim', () => {
  it('sqs-source-without-redrive says the queue deletes an expired message, not that it is lost (the code may keep a copy)', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'sqs-source-without-redrive', 'fail'), { rules: [sqsSourceWithoutRedrive] });
    assert.ok(result.findings.length > 0);
    for (const f of result.findings) {
      assert.match(f.message, /is retried until it expires \(days\), billed every time, and then the queue deletes it\./);
      assert.doesNotMatch(f.message, /lost/);
    }
  });

  it('function-without-tracing promises no downstream services a function may not have', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'function-without-tracing', 'fail'), { rules: [functionWithoutTracing] });
    assert.ok(result.findings.length > 0);
    for (const f of result.findings) assert.match(f.message, /cannot be followed from its caller through the function and on to whatever it calls\./);
  });
});

describe('edge cases', () => {
  it('a usage plan does not cover an API with a route callable without a key', async () => {
    assert.deepEqual(await findings(apiWithoutThrottling, 'edge'), [['MixedApi', 'medium']]);
  });

  it('a web ACL attached through the stage SAM generates protects the API; private APIs are not public', async () => {
    assert.deepEqual(await findings(publicRestApiWithoutWaf, 'edge'), []);
  });
});

describe('Serverless Framework provider.logs.restApi', () => {
  const logsOf = async (fixture: string) => {
    const result = await scan(path.join(FIXTURES, 'serverless-rest-logs', fixture), { rules: [apiStageWithoutExecutionLogging, apiStageDataTraceEnabled] });
    return result.findings.map((f) => [f.ruleId, f.location.line]);
  };

  it('turns on execution logging with full request data by default', async () => {
    assert.deepEqual(await logsOf('defaults'), [['api-stage-data-trace-enabled', 6]]);
  });

  it('keeps the level and data trace it is given', async () => {
    assert.deepEqual(await logsOf('error-level'), []);
  });
});
