/**
 * `api-stage-without-access-logs` says what goes unrecorded: everything, or, where execution logging
 * at INFO covers every method, who called; with full request data, the caller's address is there, in
 * pieces.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { apiStageWithoutAccessLogs } from '../../src/rules/monitoring/api-stage-without-access-logs.js';
import { API_GATEWAY_ACCOUNT, ROLE } from '../helpers/api-gateway-account.js';
import { samApiFunction } from '../helpers/sam-api-function.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Quiet:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
  Verbose:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      MethodSettings:
        - HttpMethod: '*'
          ResourcePath: /*
          LoggingLevel: INFO
  OnlyPost:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      MethodSettings:
        - HttpMethod: POST
          ResourcePath: /~1orders
          LoggingLevel: INFO
  Traced:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      MethodSettings:
        - HttpMethod: '*'
          ResourcePath: /*
          LoggingLevel: INFO
          DataTraceEnabled: true
`;

describe('api-stage-without-access-logs messages', () => {
  it("say where the destination of the API SAM makes goes, and name the account's CloudWatch role only where REST and WebSocket APIs need it and no template sets it", async () => {
    const template = `Transform: AWS::Serverless-2016-10-31\nResources:\n${samApiFunction('Rest', undefined, '/rest')}${samApiFunction('Http', undefined, '/http', 'HttpApi')}`;
    const fixes = async (files: Record<string, string>): Promise<string[][]> =>
      (await scan(project(files), { noCache: true, rules: [apiStageWithoutAccessLogs] })).findings.map((f) => [f.subject?.logicalId ?? '', f.message.slice(f.message.indexOf('Configure '))]).sort();
    assert.deepEqual(await fixes({ 'template.yaml': template }), [
      ['ServerlessHttpApi', "Configure an access log destination, in AccessLogSettings under Globals: HttpApi (SAM makes this API from the functions' events)."],
      ['ServerlessRestApi', "Configure an access log destination, in AccessLogSetting under Globals: Api (SAM makes this API from the functions' events)." + ROLE],
    ]);
    assert.deepEqual((await fixes({ 'template.yaml': template + API_GATEWAY_ACCOUNT })).map(([api, fix]) => [api, fix.includes('CloudWatch role')]), [['ServerlessHttpApi', false], ['ServerlessRestApi', false]]);
  });

  it("spell the role for Terraform, and see a Terraform aws_api_gateway_account", async () => {
    const main = `resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = "abc123"
  stage_name    = "prod"
}
`;
    const account = `
resource "aws_api_gateway_account" "this" {
  cloudwatch_role_arn = "arn:aws:iam::123456789012:role/apigw-logs"
}
`;
    const tail = async (text: string): Promise<string[]> => (await scan(project({ 'main.tf': text }), { noCache: true, rules: [apiStageWithoutAccessLogs] })).findings.map((f) => f.message.slice(f.message.indexOf('Configure ')));
    assert.deepEqual(await tail(main), ['Configure an access log destination: an access_log_settings block with the ARN of a CloudWatch Logs log group as destination_arn, and a format. The account must also have a CloudWatch role for API Gateway (aws_api_gateway_account with a cloudwatch_role_arn, once per account and region), which no template here sets: without it the stage update fails.']);
    assert.deepEqual(await tail(main + account), ['Configure an access log destination: an access_log_settings block with the ARN of a CloudWatch Logs log group as destination_arn, and a format.']);
  });

  it("say that INFO execution logs keep routes and statuses but not the caller, and nothing is kept otherwise", async () => {
    const result = await scan(project({ 'template.yaml': TEMPLATE }), { noCache: true, rules: [apiStageWithoutAccessLogs] });
    const byApi = Object.fromEntries(result.findings.map((f) => [f.subject?.logicalId, f.message.split(': ').slice(1).join(': ')]));
    const nothing = 'calls to its routes leave no record of caller, route or result, so abuse goes unseen and cannot be investigated. Configure an access log destination: AccessLogSetting with the ARN of a CloudWatch Logs log group as DestinationArn, and a Format.';
    // A stage that writes execution logs (for one method or all) shows the account has its CloudWatch role: the fix does not ask for it.
    assert.deepEqual(byApi, {
      Quiet: nothing + ROLE,
      Verbose: "its execution logs (INFO) record each request's route and status, but no line says who called (the caller's address or principal), so abuse goes unseen and cannot be investigated. Configure an access log destination: AccessLogSetting with the ARN of a CloudWatch Logs log group as DestinationArn, and a Format.",
      OnlyPost: nothing,
      // Full request data writes the headers, the caller's address among them: not "no line says who called".
      Traced: "its execution logs (INFO, with full request data) hold each request's headers and the caller's address, but spread over lines cut at 1 KB, mixed with request bodies, and no line per request names caller, route and result, so abuse is hard to find and to investigate. Configure an access log destination: AccessLogSetting with the ARN of a CloudWatch Logs log group as DestinationArn, and a Format.",
    });
  });

  it('say that the API is private, or that its routes are mock integrations, at low', async () => {
    const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  Internal:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      EndpointConfiguration: PRIVATE
  Canned:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: canned
  CannedGet:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Canned
      ResourceId: !GetAtt Canned.RootResourceId
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
        Type: MOCK
        RequestTemplates:
          application/json: '{"statusCode": 200}'
  CannedStage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Canned
      StageName: prod
      DeploymentId: !Ref CannedDeployment
  CannedDeployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: CannedGet
    Properties:
      RestApiId: !Ref Canned
`;
    const result = await scan(project({ 'template.yaml': template }), { noCache: true, rules: [apiStageWithoutAccessLogs] });
    assert.deepEqual(result.findings.map((f) => [f.subject?.logicalId, f.severity, f.message.slice(0, f.message.indexOf(': '))]).sort(), [
      ['Canned', 'low', 'Stage prod of API Canned has no access logs (its routes answer with mock integrations, which reach nothing behind the gateway)'],
      ['Internal', 'low', 'Stage prod of private API Internal has no access logs'],
    ]);
  });

  it('name the condition and parameter that leave a written destination off, and judge the stage with the parameter given', async () => {
    const template = `Transform: AWS::Serverless-2016-10-31
Parameters:
  EnableApiAccessLogs:
    Type: String
    Default: 'false'
Conditions:
  LogsOn: !Equals [!Ref EnableApiAccessLogs, 'true']
Resources:
  Search:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      AccessLogSetting: !If
        - LogsOn
        - DestinationArn: !GetAtt Logs.Arn
          Format: '{"requestId":"$context.requestId"}'
        - !Ref AWS::NoValue
  Logs:
    Type: AWS::Logs::LogGroup
    Condition: LogsOn
${API_GATEWAY_ACCOUNT}`;
    const dir = project({ 'template.yaml': template });
    const off = await scan(dir, { noCache: true, rules: [apiStageWithoutAccessLogs] });
    assert.deepEqual(off.findings.map((f) => [f.subject?.logicalId, f.location.line, f.message]), [
      [
        'Search',
        12,
        'Stage prod of API Search has no access logs as deployed (its AccessLogSetting applies only when condition LogsOn holds, false with EnableApiAccessLogs at its default, false): calls to its routes leave no record of caller, route or result, so abuse goes unseen and cannot be investigated. Turn condition LogsOn on where this stage is deployed (it reads EnableApiAccessLogs), or write the access log destination without the condition.',
      ],
    ]);
    const on = await scan(dir, { noCache: true, rules: [apiStageWithoutAccessLogs], params: new Map([['EnableApiAccessLogs', 'true']]) });
    assert.deepEqual(on.findings, []);
  });

  it("say where a Deployment's stage and the Serverless Framework's stage take the destination", async () => {
    const deployment = `Resources:
  Orders:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
  Deploy:
    Type: AWS::ApiGateway::Deployment
    Properties:
      RestApiId: !Ref Orders
      StageName: prod
${API_GATEWAY_ACCOUNT}`;
    const serverless = `service: orders
provider:
  name: aws
  runtime: nodejs20.x
functions:
  list:
    handler: handler.list
    events:
      - http: GET orders
`;
    const fixes = async (files: Record<string, string>): Promise<string[]> =>
      (await scan(project(files), { noCache: true, rules: [apiStageWithoutAccessLogs] })).findings.map((f) => f.message.slice(f.message.indexOf('investigated. ') + 'investigated. '.length));
    assert.deepEqual(await fixes({ 'template.yaml': deployment }), ["Configure an access log destination, in AccessLogSetting of the deployment's StageDescription, which makes this stage."]);
    assert.deepEqual((await fixes({ 'serverless.yml': serverless, 'handler.js': 'exports.list = async () => ({ statusCode: 200 });\n' })), ["Set logs: { restApi: { fullExecutionData: false } } under provider: the framework then writes access logs to a log group of its own, and execution logs at INFO without the requests' and responses' bodies (they are written in full by default)."]);
    const httpApi = serverless.replace('- http: GET orders', '- httpApi: GET /orders');
    assert.deepEqual((await fixes({ 'serverless.yml': httpApi, 'handler.js': 'exports.list = async () => ({ statusCode: 200 });\n' })), ['Set logs: { httpApi: true } under provider: the framework then writes access logs to a log group of its own.']);
    // Written so, the framework's stage has them.
    const logged = httpApi.replace('  runtime: nodejs20.x\n', '  runtime: nodejs20.x\n  logs:\n    httpApi: true\n');
    assert.deepEqual(await fixes({ 'serverless.yml': logged, 'handler.js': 'exports.list = async () => ({ statusCode: 200 });\n' }), []);
  });
});

describe('api-stage-without-access-logs where the functions log each request', () => {
  const template = (handler2: string): string => `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: orders.handler
      CodeUri: src/
      Events:
        List: { Type: HttpApi, Properties: { Path: /orders, Method: GET } }
  Stock:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: ${handler2}.handler
      CodeUri: src/
      Events:
        List: { Type: HttpApi, Properties: { Path: /stock, Method: GET } }
`;
  const LOGS = "exports.handler = async (event) => {\n  console.log(JSON.stringify(event));\n  return { statusCode: 200, body: '[]' };\n};\n";
  const QUIET = "exports.handler = async () => ({ statusCode: 200, body: '[]' });\n";

  it('says what their logs hold and what only access logs would, when every route’s function logs its whole event', async () => {
    const result = await scan(project({ 'template.yaml': template('stock'), 'src/orders.js': LOGS, 'src/stock.js': LOGS }), { noCache: true, rules: [apiStageWithoutAccessLogs] });
    assert.equal(result.findings.length, 1);
    const f = result.findings[0]!;
    assert.match(f.message, /has no access logs: its routes' functions log each request they receive \(the caller's address and the route among it\), but nothing records a call's status or latency, nor the calls API Gateway refuses or throttles before any function runs/);
    assert.deepEqual(f.related.filter((r) => r.message.includes('logs its whole event')).map((r) => [r.loc.file, r.loc.line]), [['src/orders.js', 2]]);
  });

  it('does not count a function that cannot start: its handler file requires the AWS SDK v2, which nothing ships on nodejs20.x', async () => {
    const broken = `const AWS = require('aws-sdk');\n${LOGS}`;
    const scanned = async (files: Record<string, string>): Promise<string> => {
      const result = await scan(project({ 'template.yaml': template('stock'), 'src/orders.js': LOGS, ...files }), { noCache: true, rules: [apiStageWithoutAccessLogs] });
      assert.equal(result.findings.length, 1);
      return result.findings[0]!.message;
    };
    assert.match(await scanned({ 'src/stock.js': broken }), /has no access logs: calls to its routes leave no record of caller, route or result/);
    // Declared, or required only inside the handler (the file still loads), it runs and logs.
    const declared = JSON.stringify({ name: 'api', dependencies: { 'aws-sdk': '2.1692.0' } });
    assert.match(await scanned({ 'src/stock.js': broken, 'src/package.json': declared }), /its routes' functions log each request they receive/);
    // Undeclared in the package.json beside it, but a layer's packages may bring it in.
    const layered = template('stock').replace('Handler: stock.handler', 'Handler: stock.handler\n      Layers: [arn:aws:lambda:us-east-1:123456789012:layer:sdk:2]');
    const withLayer = await scan(project({ 'template.yaml': layered, 'src/orders.js': LOGS, 'src/stock.js': broken, 'src/package.json': '{"name":"api","dependencies":{}}' }), { noCache: true, rules: [apiStageWithoutAccessLogs] });
    assert.match(withLayer.findings[0]!.message, /its routes' functions log each request they receive/);
    const lazy = "exports.handler = async (event) => {\n  console.log(JSON.stringify(event));\n  const AWS = require('aws-sdk');\n  return { statusCode: 200 };\n};\n";
    assert.match(await scanned({ 'src/stock.js': lazy }), /its routes' functions log each request they receive/);
  });

  it('does not count a callback-style handler on nodejs24.x, which that runtime refuses, but counts it on nodejs22.x and behind a wrapper', async () => {
    const callback = "exports.handler = (event, context, callback) => {\n  console.log(JSON.stringify(event));\n  callback(null, { statusCode: 200 });\n};\n";
    const onRuntime = (runtime: string): string => template('stock').replace(/Runtime: nodejs20\.x\n      Handler: stock/, `Runtime: ${runtime}\n      Handler: stock`);
    const message = async (runtime: string, code: string): Promise<string> => {
      const result = await scan(project({ 'template.yaml': onRuntime(runtime), 'src/orders.js': LOGS, 'src/stock.js': code }), { noCache: true, rules: [apiStageWithoutAccessLogs] });
      assert.equal(result.findings.length, 1);
      return result.findings[0]!.message;
    };
    assert.match(await message('nodejs24.x', callback), /has no access logs: calls to its routes leave no record of caller, route or result/);
    assert.match(await message('nodejs22.x', callback), /its routes' functions log each request they receive/);
    // Two parameters, or a default before the third, make no callback handler; a wrapper's result is not judged.
    assert.match(await message('nodejs24.x', callback.replace('(event, context, callback)', '(event, context = {}, callback)')), /its routes' functions log each request they receive/);
    const wrapped = "const wrap = require('./wrap');\nexports.handler = wrap((event, context, callback) => {\n  console.log(JSON.stringify(event));\n  callback(null, { statusCode: 200 });\n});\n";
    assert.match(await message('nodejs24.x', wrapped), /its routes' functions log each request they receive/);
  });

  it('says nothing is recorded when one route’s function does not log its event', async () => {
    const result = await scan(project({ 'template.yaml': template('quiet'), 'src/orders.js': LOGS, 'src/quiet.js': QUIET }), { noCache: true, rules: [apiStageWithoutAccessLogs] });
    assert.equal(result.findings.length, 1);
    assert.match(result.findings[0]!.message, /has no access logs: calls to its routes leave no record of caller, route or result/);
  });
});
