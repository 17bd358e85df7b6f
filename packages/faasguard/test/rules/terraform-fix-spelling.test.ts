/**
 * A finding on a Terraform resource names the fix in Terraform's spelling (`reserved_concurrent_executions`,
 * `xray_tracing_enabled`, `aws_lambda_function_event_invoke_config` …), not CloudFormation's.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { apiStageWithoutTracing } from '../../src/rules/monitoring/api-stage-without-tracing.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

describe('fixes in Terraform spelling', () => {
  it('names the Terraform argument or resource that sets what is missing', async () => {
    const result = await scan(path.join(FIXTURES, 'terraform', 'fix-spelling'), { noCache: true });
    // The fix is the message's last sentence that sets or adds something (the account's CloudWatch role may follow it).
    const fix = (ruleId: string): string | undefined => {
      const sentence = result.findings.find((f) => f.ruleId === ruleId)?.message.split('. ').filter((s) => /^(Set|Add) /.test(s)).pop();
      return sentence === undefined || sentence.endsWith('.') ? sentence : `${sentence}.`;
    };
    assert.deepEqual(
      ['public-function-without-reserved-concurrency', 'async-retries-unbounded', 'async-trigger-without-failure-destination', 'api-stage-without-tracing', 'api-stage-without-execution-logging'].map(fix),
      [
        'Set reserved_concurrent_executions.',
        'Set maximum_retry_attempts and maximum_event_age_in_seconds in an aws_lambda_function_event_invoke_config.',
        'Add a destination_config on_failure in an aws_lambda_function_event_invoke_config.',
        'Set xray_tracing_enabled = true on the stage.',
        'Set logging_level = "ERROR" in an aws_api_gateway_method_settings with method_path "*/*".',
      ],
    );
  });

  it("tells to declare a stage where a deployment's stage_name makes it, which cannot set tracing", async () => {
    const dir = project({
      'main.tf': `resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  resource_id   = aws_api_gateway_rest_api.shop.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "shop" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  stage_name  = "prod"
}
`,
    });
    const result = await scan(dir, { noCache: true, rules: [apiStageWithoutTracing] });
    assert.deepEqual(result.findings.map((f) => [f.location.line, f.message.split('. ').pop()]), [
      [12, "Declare an aws_api_gateway_stage for prod with xray_tracing_enabled = true (the deployment's stage_name cannot set it)."],
    ]);
  });
});
