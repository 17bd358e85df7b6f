/**
 * Terraform's `join` keeps a resource's attribute among known parts as CloudFormation's `Fn::Join`
 * does, so that what it names is still read: a WebSocket route whose target is
 * `join("/", ["integrations", <integration>.id])` has that integration. And a REST API whose
 * method's integration is made outside the configuration (a command run at deployment) is not
 * said to reach functions it may not have.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadApp, scan } from '../../src/scan/scan.js';
import { apiRouteWithoutAuth } from '../../src/rules/auth/api-route-without-auth.js';
import { publicRestApiWithoutWaf } from '../../src/rules/dos/public-rest-api-without-waf.js';
import { apiWithoutThrottling } from '../../src/rules/dos/api-without-throttling.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const WEBSOCKET = `resource "aws_apigatewayv2_api" "orders" {
  name                       = "orders"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_sns_topic" "orders" {
  name = "orders"
}

resource "aws_apigatewayv2_integration" "publish" {
  api_id           = aws_apigatewayv2_api.orders.id
  integration_type = "AWS"
  integration_uri  = "arn:aws:apigateway:us-east-1:sns:action/Publish"
}

resource "aws_apigatewayv2_route" "send" {
  api_id    = aws_apigatewayv2_api.orders.id
  route_key = "sendOrder"
  target    = join("/", ["integrations", aws_apigatewayv2_integration.publish.id])
}
`;

const REST_WITHOUT_INTEGRATION = `resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

resource "aws_api_gateway_resource" "proxy" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  parent_id   = aws_api_gateway_rest_api.shop.root_resource_id
  path_part   = "{proxy+}"
}

resource "aws_api_gateway_method" "any" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  resource_id   = aws_api_gateway_resource.proxy.id
  http_method   = "ANY"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "shop" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
}

resource "aws_api_gateway_stage" "prod" {
  deployment_id = aws_api_gateway_deployment.shop.id
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  stage_name    = "prod"
}
`;

describe('Terraform join of a reference', () => {
  it("gives a WebSocket route the integration its target names, and the route says what it calls", async () => {
    const dir = project({ 'main.tf': WEBSOCKET });
    const { model } = await loadApp(dir);
    const route = model.routes.find((r) => r.path === 'sendOrder');
    assert.equal(route?.integration?.kind, 'aws-service');
    assert.equal(route?.integration?.service, 'sns');
    const result = await scan(dir, { noCache: true, rules: [apiRouteWithoutAuth] });
    assert.deepEqual(result.findings.map((f) => f.location.line), [17]);
    const send = result.findings[0];
    assert.match(send?.message ?? '', /^Route sendOrder of API aws_apigatewayv2_api\.orders calls sns:Publish with no authorization/);
  });
});

describe('a REST API whose integration is made outside the configuration', () => {
  it('is said to reach the backends its routes are integrated with, not functions', async () => {
    const dir = project({ 'main.tf': REST_WITHOUT_INTEGRATION });
    const result = await scan(dir, { noCache: true, rules: [publicRestApiWithoutWaf, apiWithoutThrottling] });
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.location.line, f.message]).sort(), [
      ['api-without-throttling', 22, "Stage prod of API aws_api_gateway_rest_api.shop has no throttling and no usage plan limits its callers: anyone on the internet can send requests up to the account-wide quota, passing each request on to the backends its routes are integrated with (set up outside the configuration) and starving the account's other APIs. Set stage rate and burst limits."],
      ['public-rest-api-without-waf', 1, 'REST API aws_api_gateway_rest_api.shop has 1 route anyone can call (ANY /{proxy+}) and no WAF web ACL: floods, scrapers and known attack payloads all reach the backends its routes are integrated with (set up outside the configuration) and are billed. Attach a web ACL with a rate-based rule.'],
    ]);
  });
});
