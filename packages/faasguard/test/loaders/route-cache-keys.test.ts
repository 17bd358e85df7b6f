/**
 * Whether a REST route's integration names cache keys, as each format writes it: CloudFormation's
 * and Terraform's `CacheKeyParameters` / `cache_key_parameters`, an OpenAPI integration's
 * `cacheKeyParameters`, a SAM event's `RequestParameters` with `Caching: true`; and a stage
 * method setting's time to live.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadApp } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { functionInvokeUri, lambdaIntegration, samApiDefinition } from '../helpers/sam-api-definition.js';

const project = projectsRemovedAfterTests();

async function keyed(files: Record<string, string>): Promise<Array<[string, boolean | undefined]>> {
  const app = await loadApp(project(files));
  return app.model.routes.map((r) => [`${r.method} ${r.path}`, r.cacheKeyed]);
}

const SAM_FUNCTION = (events: string): string => `  Reader:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Events:
${events}`;

const SAM_EVENT = (name: string, path: string, parameters: string): string => `        ${name}:
          Type: Api
          Properties:
            Path: ${path}
            Method: get${parameters}
`;

describe('cache keys of REST routes', () => {
  it("reads a SAM event's request parameters that cache", async () => {
    const template = `Transform: AWS::Serverless-2016-10-31\nResources:\n${SAM_FUNCTION(
      SAM_EVENT('Keyed', '/search', '\n            RequestParameters:\n              - method.request.querystring.q:\n                  Required: true\n                  Caching: true') +
        SAM_EVENT('Named', '/list', '\n            RequestParameters:\n              - method.request.querystring.page') +
        SAM_EVENT('Plain', '/', ''),
    )}`;
    assert.deepEqual(await keyed({ 'template.yaml': template }), [['GET /search', true], ['GET /list', false], ['GET /', false]]);
  });

  it("reads an OpenAPI integration's cacheKeyParameters", async () => {
    const template = `${samApiDefinition('swagger')}          /search:
            get:
${lambdaIntegration('aws_proxy', functionInvokeUri('Reader'))}                cacheKeyParameters: [method.request.querystring.q]
          /list:
            get:
${lambdaIntegration('aws_proxy', functionInvokeUri('Reader'))}${SAM_FUNCTION('        Ping:\n          Type: Schedule\n          Properties:\n            Schedule: rate(1 hour)\n')}`;
    assert.deepEqual(await keyed({ 'template.yaml': template }), [['GET /search', true], ['GET /list', false]]);
  });

  it("reads Terraform's cache_key_parameters and cache_ttl_in_seconds", async () => {
    const tf = `resource "aws_api_gateway_rest_api" "api" {
  name = "cached"
}
resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_rest_api.api.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}
resource "aws_api_gateway_integration" "get" {
  rest_api_id          = aws_api_gateway_rest_api.api.id
  resource_id          = aws_api_gateway_rest_api.api.root_resource_id
  http_method          = aws_api_gateway_method.get.http_method
  type                 = "AWS_PROXY"
  uri                  = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:reader/invocations"
  cache_key_parameters = ["method.request.querystring.q"]
}
resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = aws_api_gateway_rest_api.api.id
  stage_name            = "prod"
  deployment_id         = "abc"
  cache_cluster_enabled = true
}
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    caching_enabled      = true
    cache_ttl_in_seconds = 60
  }
}
`;
    const app = await loadApp(project({ 'main.tf': tf }));
    assert.deepEqual(app.model.routes.map((r) => [`${r.method} ${r.path}`, r.cacheKeyed]), [['GET /', true]]);
    assert.deepEqual(app.model.apis[0]!.stages.map((s) => (s.methodSettings ?? []).map((m) => [m.cachingEnabled, m.cacheTtlInSeconds])), [[[true, 60]]]);
  });
});
