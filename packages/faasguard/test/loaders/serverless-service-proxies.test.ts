/**
 * The `serverless-apigateway-service-proxy` plugin's routes (`custom.apiGatewayServiceProxies`) are
 * methods of the service's REST API that reach AWS services directly: read with the plugin's
 * defaults (no authorization, an API key only with `private: true`), its logical ids, and its
 * integrations, over which `resources` merges as the framework merges it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppModel } from '../../src/model/app-model.js';
import { apiRouteWithoutAuth } from '../../src/rules/auth/api-route-without-auth.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const SERVICE = `service: intake
provider:
  name: aws
  runtime: nodejs20.x
plugins:
  - serverless-apigateway-service-proxy
custom:
  apiGatewayServiceProxies:
    - sns:
        path: /notify
        method: post
        topicName: !GetAtt [Alerts, TopicName]
    - sqs:
        path: /orders
        method: post
        queueName: !GetAtt [Orders, QueueName]
        private: true
    - kinesis:
        path: /clicks
        method: post
        streamName: !Ref Clicks
        authorizationType: AWS_IAM
    - dynamodb:
        path: /items/{id}
        method: get
        tableName: !Ref Items
        action: GetItem
        hashKey:
          pathParam: id
          attributeType: S
    - s3:
        path: /files/{key}
        method: put
        bucket: !Ref Files
        action: PutObject
        key:
          pathParam: key
resources:
  Resources:
    Alerts:
      Type: AWS::SNS::Topic
    Orders:
      Type: AWS::SQS::Queue
    Clicks:
      Type: AWS::Kinesis::Stream
      Properties:
        ShardCount: 1
    Items:
      Type: AWS::DynamoDB::Table
    Files:
      Type: AWS::S3::Bucket
`;

interface RouteRow {
  route: string;
  auth: string;
  apiKey: boolean;
  reaches: string;
}

function routes(model: AppModel): RouteRow[] {
  return model.routes
    .map((r) => ({
      route: `${r.method} ${r.path}`,
      auth: r.auth.type,
      apiKey: r.auth.apiKeyRequired === true,
      reaches: `${r.integration?.service ?? r.integration?.kind}:${r.integration?.action ?? ''} ${r.integration?.targetId?.split('/').pop() ?? ''}`.trim(),
    }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

describe('serverless-apigateway-service-proxy routes', () => {
  it('are REST methods of the service API with the plugin’s authorization, API key and service integration', async () => {
    const app = await loadApp(project({ 'serverless.yml': SERVICE }));
    assert.deepEqual(routes(app.model), [
      { route: 'GET /items/{id}', auth: 'none', apiKey: false, reaches: 'dynamodb:GetItem Items' },
      { route: 'POST /clicks', auth: 'iam', apiKey: false, reaches: 'kinesis:PutRecord Clicks' },
      { route: 'POST /notify', auth: 'none', apiKey: false, reaches: 'sns:Publish Alerts' },
      { route: 'POST /orders', auth: 'none', apiKey: true, reaches: 'sqs:SendMessage Orders' },
      { route: 'PUT /files/{key}', auth: 'none', apiKey: false, reaches: 's3: Files' },
    ]);
    const api = app.model.apis.find((a) => a.logicalId === 'ApiGatewayRestApi');
    assert.equal(api?.definedElsewhere, undefined);
  });

  it('are reported when open, with the resource they reach, on the line of the proxy', async () => {
    const result = await scan(project({ 'serverless.yml': SERVICE }), { noCache: true, rules: [apiRouteWithoutAuth] });
    const open = result.findings.filter((f) => f.severity !== 'info').map((f) => [f.location.file, f.location.line, f.message.slice(0, f.message.indexOf(' with no authorization'))]);
    assert.deepEqual(open.sort(), [
      ['serverless.yml', 10, 'Route POST /notify of API ApiGatewayRestApi reaches Alerts through sns:Publish'],
      ['serverless.yml', 24, 'Route GET /items/{id} of API ApiGatewayRestApi reaches Items through dynamodb:GetItem'],
      ['serverless.yml', 32, 'Route PUT /files/{key} of API ApiGatewayRestApi calls s3 on Files'],
    ]);
  });

  it('take a method of the same logical id in resources as an override of the plugin’s, merged into it', async () => {
    const overridden = SERVICE.replace('        path: /notify\n', '        path: /\n') + `    Notify:
      Type: AWS::ApiGateway::Resource
      Properties:
        RestApiId: !Ref ApiGatewayRestApi
        ParentId: !GetAtt ApiGatewayRestApi.RootResourceId
        PathPart: notify-status
    ApiGatewayMethodPost:
      Type: AWS::ApiGateway::Method
      Properties:
        ResourceId: !GetAtt Notify.ResourceId
        Integration:
          Uri: !Sub "arn:aws:apigateway:\${AWS::Region}:sns:path/\${AWS::AccountId}/"
`;
    const app = await loadApp(project({ 'serverless.yml': overridden }));
    const notify = routes(app.model).filter((r) => r.reaches.startsWith('sns'));
    // The plugin's request templates stay: the merged method still publishes the body to the topic.
    assert.deepEqual(notify, [{ route: 'POST /notify-status', auth: 'none', apiKey: false, reaches: 'sns:Publish Alerts' }]);
  });

  it('are not read without the plugin', async () => {
    const app = await loadApp(project({ 'serverless.yml': SERVICE.replace('plugins:\n  - serverless-apigateway-service-proxy\n', '') }));
    assert.deepEqual(routes(app.model), []);
  });

  it('get the provider’s stage logs, which the framework sets after deployment, to a log group no template makes', async () => {
    const logged = SERVICE.replace('  runtime: nodejs20.x\n', '  runtime: nodejs20.x\n  logs:\n    restApi: true\n');
    const app = await loadApp(project({ 'serverless.yml': logged }));
    const stage = app.model.apis.find((a) => a.logicalId === 'ApiGatewayRestApi')?.stages[0];
    assert.match(String(stage?.accessLogDestination), /^arn:aws:logs:us-east-1:<unknown: [^>]*AWS::AccountId[^>]*>:log-group:\/aws\/api-gateway\/intake-dev$/);
    assert.equal(app.model.resources.some((r) => r.logicalId === 'ApiGatewayLogGroup'), false);
    // With an http event the framework makes the stage, and its log group, itself.
    const withHttp = await loadApp(project({ 'serverless.yml': `${logged}functions:\n  list:\n    handler: handler.list\n    events:\n      - http: GET list\n`, 'handler.js': 'exports.list = async () => ({});\n' }));
    assert.equal(withHttp.model.resources.some((r) => r.logicalId === 'ApiGatewayLogGroup'), true);
  });

  it('say which proxy entry cannot be read, with its file and line, and read the others', async () => {
    const bad = SERVICE.replace('custom:\n  apiGatewayServiceProxies:\n', 'custom:\n  apiGatewayServiceProxies:\n    - lambda:\n        path: /run\n        method: post\n    - sqs:\n        queueName: !GetAtt [Orders, QueueName]\n');
    const result = await scan(project({ 'serverless.yml': bad }), { noCache: true, rules: [apiRouteWithoutAuth] });
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'malformed-serverless').map((d) => [d.loc?.file, d.loc?.line, d.message]), [
      ['serverless.yml', 9, 'lambda is not a service the serverless-apigateway-service-proxy plugin proxies (kinesis, sqs, s3, sns, dynamodb, eventbridge): this route is not in the model'],
      ['serverless.yml', 12, 'the sqs proxy needs a path and a method (the serverless-apigateway-service-proxy plugin rejects it): this route is not in the model'],
    ]);
    assert.equal(result.findings.filter((f) => f.severity !== 'info').length, 3);
  });
});
