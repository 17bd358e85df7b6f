/**
 * A load balancer target group of type `lambda` invokes the function it registers: the group is an
 * `alb` trigger of the function, from CloudFormation and from Terraform (the attachment registers
 * the function). Its exposure is the listeners' to decide: public through an internet-facing one,
 * internal otherwise, never both for the same trigger.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { functionWithoutTracing } from '../../src/rules/monitoring/function-without-tracing.js';
import { loadBalancerApp } from '../helpers/load-balancer-app.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

async function triggers(files: Record<string, string>): Promise<Array<[string, string | undefined, string, number]>> {
  const { model } = await loadApp(project(files));
  return model.triggers.map((t) => [t.kind, t.sourceId, t.functionId, t.loc.line]);
}

describe('load balancer target group triggers', () => {
  it('a lambda target group is an alb trigger of the function it registers, at the target', async () => {
    assert.deepEqual(await triggers({ 'template.yaml': loadBalancerApp('lambda', '!GetAtt Handler.Arn') }), [['alb', 'template.yaml/Targets', 'template.yaml/Handler', 21]]);
  });

  it('a group of instances, or one registering a function the template does not define, triggers nothing', async () => {
    assert.deepEqual(await triggers({ 'template.yaml': loadBalancerApp('instance', 'i-0123456789abcdef0') }), []);
    assert.deepEqual(await triggers({ 'template.yaml': loadBalancerApp('lambda', 'arn:aws:lambda:us-east-1:123456789012:function:elsewhere') }), []);
  });

  it("a Terraform attachment registers the function with the group, at the attachment's target_id", async () => {
    const tf = `resource "aws_lb_target_group" "fn" {
  name        = "fn"
  target_type = "lambda"
}

resource "aws_lb_target_group_attachment" "fn" {
  target_group_arn = aws_lb_target_group.fn.arn
  target_id        = aws_lambda_function.handler.arn
}

resource "aws_lambda_function" "handler" {
  function_name = "handler"
  role          = "arn:aws:iam::123456789012:role/handler"
  runtime       = "nodejs22.x"
  handler       = "index.handler"
  filename      = "handler.zip"
}
`;
    assert.deepEqual(await triggers({ 'main.tf': tf }), [['alb', 'main.tf/aws_lb_target_group.fn', 'main.tf/aws_lambda_function.handler', 8]]);
  });

  it('an internet-facing listener makes the trigger public, with no internal twin; behind an internal one it is internal', async () => {
    const levels = async (scheme: string): Promise<Array<[string, string, boolean]>> => {
      const { model } = await loadApp(project({ 'template.yaml': loadBalancerApp('lambda', '!GetAtt Handler.Arn', scheme) }));
      const trigger = model.triggers[0]!;
      return computeExposure(model).get(trigger.functionId)!.paths.map((p) => [p.level, p.description, p.via === trigger.id]);
    };
    assert.deepEqual(await levels('internet-facing'), [['public', 'anyone on the internet can send requests to listener Listener (port 80) of load balancer Web, which forwards them to Handler', true]]);
    assert.deepEqual(await levels('internal'), [['internal', 'alb events from Targets invoke Handler', true]]);
  });

  it('function-without-tracing says a request abuses a function behind a load balancer', async () => {
    const result = await scan(project({ 'template.yaml': loadBalancerApp('lambda', '!GetAtt Handler.Arn') }), { rules: [functionWithoutTracing] });
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.location.file, f.location.line, f.message.slice(f.message.indexOf(': ') + 2, f.message.indexOf(' cannot'))]), [
      ['function-without-tracing', 'template.yaml', 22, 'a request that abuses it'],
    ]);
  });
});
