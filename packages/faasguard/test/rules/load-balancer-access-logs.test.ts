/**
 * load-balancer-without-access-logs: Terraform's `access_logs` block is the attribute
 * CloudFormation sets (off unless `enabled = true`, even with a bucket), and a finding names what an
 * internet-facing listener forwards to.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadBalancerWithoutAccessLogs } from '../../src/rules/monitoring/load-balancer-without-access-logs.js';
import { scan } from '../../src/scan/scan.js';
import { loadBalancerApp } from '../helpers/load-balancer-app.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();
const RULE = { noCache: true, terraform: true, rules: [loadBalancerWithoutAccessLogs] };

function terraform(logs: string): string {
  return `resource "aws_lb" "api" {\n  name               = "api"\n  load_balancer_type = "application"\n  subnets            = ["subnet-1", "subnet-2"]\n${logs}}\n`;
}

describe('load-balancer-without-access-logs', () => {
  it('takes a Terraform access_logs block with enabled = true as logs on, and one without it as off', async () => {
    const on = await scan(project({ 'main.tf': terraform('  access_logs {\n    bucket  = "lb-logs"\n    enabled = true\n  }\n') }), RULE);
    assert.deepEqual(on.findings, []);
    const off = await scan(project({ 'main.tf': terraform('  access_logs {\n    bucket  = "lb-logs"\n    enabled = false\n  }\n') }), RULE);
    assert.deepEqual(off.findings.map((f) => [f.ruleId, f.location.file, f.location.line, f.message.slice(0, f.message.indexOf(':'))]), [
      ['load-balancer-without-access-logs', 'main.tf', 5, 'Internet-facing load balancer aws_lb.api writes no access logs (access_logs enabled = false)'],
    ]);
  });

  it('names the function an internet-facing listener forwards to', async () => {
    const template = loadBalancerApp('lambda', '!GetAtt Handler.Arn');
    const result = await scan(project({ 'template.yaml': template }), RULE);
    assert.deepEqual(result.findings.map((f) => f.message), [
      'Internet-facing load balancer Web writes no access logs: requests from the internet to function Handler leave no record of caller address, path, status or the target that served them, so abuse through it goes unseen and cannot be investigated. Set the attributes access_logs.s3.enabled: "true" and access_logs.s3.bucket.',
    ]);
  });
});
