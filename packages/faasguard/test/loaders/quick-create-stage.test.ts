/**
 * An HTTP API's quick create (`Target` on the API) makes a `$default` stage no stage resource
 * declares, with no limits and no access logs unless an `AWS::ApiGatewayV2::ApiGatewayManagedOverrides`
 * of the API sets them; its `Route` may set the default route's authorization too.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiRouteWithoutAuth } from '../../src/rules/auth/api-route-without-auth.js';
import { apiWithoutThrottling } from '../../src/rules/dos/api-without-throttling.js';
import { apiStageWithoutAccessLogs } from '../../src/rules/monitoring/api-stage-without-access-logs.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const FUNCTION = [
  '  Handler:',
  '    Type: AWS::Lambda::Function',
  '    Properties: { Runtime: nodejs20.x, Handler: index.handler, Code: { ZipFile: "exports.handler = async () => ({})" }, Role: arn:aws:iam::123456789012:role/r }',
];

function template(...more: string[]): string {
  return [
    'Resources:',
    '  Api:',
    '    Type: AWS::ApiGatewayV2::Api',
    '    Properties:',
    '      Name: shop',
    '      ProtocolType: HTTP',
    '      Target: !GetAtt Handler.Arn',
    ...FUNCTION,
    ...more,
  ].join('\n');
}

const OVERRIDES = [
  '  Overrides:',
  '    Type: AWS::ApiGatewayV2::ApiGatewayManagedOverrides',
  '    Properties:',
  '      ApiId: !Ref Api',
  '      Route:',
  '        AuthorizationType: JWT',
  '        AuthorizerId: !Ref Jwt',
  '      Stage:',
  '        AccessLogSettings:',
  '          DestinationArn: !GetAtt Logs.Arn',
  '          Format: $context.requestId $context.identity.sourceIp $context.routeKey $context.status',
  '        DefaultRouteSettings:',
  '          ThrottlingBurstLimit: 20',
  '          ThrottlingRateLimit: 10',
  '  Jwt:',
  '    Type: AWS::ApiGatewayV2::Authorizer',
  '    Properties:',
  '      ApiId: !Ref Api',
  '      AuthorizerType: JWT',
  '      Name: jwt',
  '      IdentitySource: [$request.header.Authorization]',
  '      JwtConfiguration: { Audience: [shop], Issuer: https://issuer.example.com }',
  '  Logs:',
  '    Type: AWS::Logs::LogGroup',
  '    Properties: { RetentionInDays: 30 }',
];

const RULES = [apiWithoutThrottling, apiStageWithoutAccessLogs, apiRouteWithoutAuth];

describe('quick create', () => {
  it('gives the API its $default stage, with every default, and its open $default route', async () => {
    const { model } = await loadApp(project({ 'template.yaml': template() }));
    const api = model.apis.find((a) => a.logicalId === 'Api')!;
    assert.deepEqual(
      api.stages.map((s) => ({ name: s.name, quickCreate: s.quickCreate, logs: s.accessLogDestination, throttling: s.throttling, line: s.loc.line })),
      [{ name: '$default', quickCreate: true, logs: undefined, throttling: {}, line: 7 }],
    );
    assert.deepEqual(model.routes.map((r) => [r.path, r.auth.type]), [['$default', 'none']]);
  });

  it('reports the stage made without limits or logs, and says where its settings go', async () => {
    const result = await scan(project({ 'template.yaml': template() }), { rules: RULES });
    const found = result.findings.map((f) => [f.ruleId, f.location.file, f.location.line]);
    assert.deepEqual(found, [
      ['api-route-without-auth', 'template.yaml', 7],
      ['api-stage-without-access-logs', 'template.yaml', 7],
      ['api-without-throttling', 'template.yaml', 7],
    ]);
    const throttling = result.findings.find((f) => f.ruleId === 'api-without-throttling')!;
    assert.match(throttling.message, /^Stage \$default of API Api has no throttling: anyone on the internet/);
    assert.match(throttling.message, /Set DefaultRouteSettings rate and burst limits in the Stage of an AWS::ApiGatewayV2::ApiGatewayManagedOverrides for API Api: quick create \(its Target\) makes this stage/);
    const logs = result.findings.find((f) => f.ruleId === 'api-stage-without-access-logs')!;
    assert.match(logs.message, /Set AccessLogSettings \(an access log destination\) in the Stage of an AWS::ApiGatewayV2::ApiGatewayManagedOverrides for API Api/);
  });

  it('takes the overrides: limits, access logs and the route authorization they set', async () => {
    const dir = project({ 'template.yaml': template(...OVERRIDES) });
    const { model } = await loadApp(dir);
    const stage = model.apis.find((a) => a.logicalId === 'Api')!.stages[0]!;
    assert.equal(stage.quickCreate, true);
    assert.deepEqual(stage.throttling, { burstLimit: 20, rateLimit: 10 });
    assert.notEqual(stage.accessLogDestination, undefined);
    assert.deepEqual(model.routes.map((r) => [r.path, r.auth.type, r.auth.authorizer]), [['$default', 'jwt', 'Jwt']]);
    const result = await scan(dir, { rules: RULES });
    assert.deepEqual(result.findings.map((f) => f.ruleId), []);
  });

  it('in Terraform, says to declare the stage instead of quick create, which takes no settings', async () => {
    const dir = project({
      'main.tf': [
        'resource "aws_lambda_function" "handler" {',
        '  function_name = "handler"',
        '  runtime       = "nodejs20.x"',
        '  handler       = "index.handler"',
        '  filename      = "handler.zip"',
        '  role          = "arn:aws:iam::123456789012:role/r"',
        '}',
        '',
        'resource "aws_apigatewayv2_api" "shop" {',
        '  name          = "shop"',
        '  protocol_type = "HTTP"',
        '  target        = aws_lambda_function.handler.arn',
        '}',
      ].join('\n'),
    });
    const result = await scan(dir, { rules: [apiWithoutThrottling] });
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.location.file, f.location.line]), [['api-without-throttling', 'main.tf', 12]]);
    assert.match(result.findings[0]!.message, /Quick create \(target on aws_apigatewayv2_api\.shop\) makes this stage, which takes no settings: declare the integration, the route and an aws_apigatewayv2_stage "\$default" with default_route_settings \{ throttling_rate_limit, throttling_burst_limit \} instead of target\./);
  });

  it('makes no stage for an API without Target', async () => {
    const dir = project({ 'template.yaml': ['Resources:', '  Api:', '    Type: AWS::ApiGatewayV2::Api', '    Properties: { Name: shop, ProtocolType: HTTP }', ...FUNCTION].join('\n') });
    const { model } = await loadApp(dir);
    assert.deepEqual(model.apis.find((a) => a.logicalId === 'Api')!.stages, []);
  });
});
