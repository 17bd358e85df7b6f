/**
 * Methods, routes, stages and authorizers that a template adds to an API it does not declare (an
 * import, a parameter, a literal id, a resource a Serverless plugin creates): they are loaded onto
 * one model element per template and reference, instead of being dropped.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadApp, scan } from '../../src/scan/scan.js';
import { apiNamed } from '../helpers/model-lookup.js';
import { lineOf, projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const METHODS = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ApiId:
    Type: String
Resources:
  ImportedGet:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !ImportValue shared-api
      ResourceId: !ImportValue shared-api-root
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
        Type: HTTP_PROXY
        IntegrationHttpMethod: GET
        Uri: https://backend.example.com/
  ImportedStage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !ImportValue shared-api
      DeploymentId: !ImportValue shared-deployment
      StageName: prod
  ParamPost:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref ApiId
      ResourceId: root
      HttpMethod: POST
      AuthorizationType: AWS_IAM
  LiteralDeployment:
    Type: AWS::ApiGateway::Deployment
    Properties:
      RestApiId: abc123
      StageName: dev
  ApiLookup:
    Type: Custom::ApiLookup
    Properties:
      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:lookup
  LookedUpDelete:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !GetAtt ApiLookup.ApiId
      ResourceId: root
      HttpMethod: DELETE
      AuthorizationType: NONE
  Topic:
    Type: AWS::SNS::Topic
  NotAnApi:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Topic
      ResourceId: root
      HttpMethod: PUT
      AuthorizationType: NONE
`;

describe('an API defined elsewhere', () => {
  it('is one element per reference (an import, a parameter, a literal, a custom resource output), named as the template names it, holding the routes and stages the template adds', async () => {
    const { model } = await loadApp(project({ 'template.yaml': METHODS }));
    assert.deepEqual(model.apis.map((a) => [a.logicalId, a.definedElsewhere, a.protocol]).sort(), [
      ['!GetAtt ApiLookup.ApiId', '!GetAtt ApiLookup.ApiId', 'rest'],
      ['!ImportValue shared-api', '!ImportValue shared-api', 'rest'],
      ['!Ref ApiId', '!Ref ApiId', 'rest'],
      ['abc123', 'abc123', 'rest'],
    ]);
    const imported = apiNamed(model, '!ImportValue shared-api');
    // Stages are linked before methods: the stage is the first to name it.
    assert.equal(imported.loc.line, lineOf(METHODS, 'RestApiId: !ImportValue shared-api', 2), 'placed where the first child linked names it');
    assert.deepEqual(imported.stages.map((s) => [s.name, s.resourceLogicalId]), [['prod', 'ImportedStage']]);
    assert.deepEqual(model.routes.map((r) => [r.logicalId, r.apiId, r.method, r.auth.type]).sort(), [
      ['ImportedGet', imported.id, 'GET', 'none'],
      ['LookedUpDelete', apiNamed(model, '!GetAtt ApiLookup.ApiId').id, 'DELETE', 'none'],
      ['ParamPost', apiNamed(model, '!Ref ApiId').id, 'POST', 'iam'],
    ]);
    assert.deepEqual(apiNamed(model, 'abc123').stages.map((s) => s.name), ['dev']);
    assert.equal(model.routes.find((r) => r.logicalId === 'NotAnApi'), undefined, 'a Ref to a resource that is no API is still no route');
  });

  it('is known by its stack: two templates importing the same API make two elements', async () => {
    const other = METHODS.replace(/ParamPost:[\s\S]*$/, '');
    const { model } = await loadApp(project({ 'a/template.yaml': METHODS, 'b/template.yaml': other }));
    const imported = model.apis.filter((a) => a.definedElsewhere === '!ImportValue shared-api');
    assert.deepEqual(imported.map((a) => a.stack).sort(), ['a/template.yaml', 'b/template.yaml']);
    assert.equal(new Set(imported.map((a) => a.id)).size, 2);
  });

  it('is an HTTP API for API Gateway v2 children, and a WebSocket API once a route key says so', async () => {
    const template = `Resources:
  HttpStage:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: !ImportValue http-api
      StageName: $default
  HttpRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !ImportValue http-api
      RouteKey: POST /orders
  SocketStage:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: !ImportValue socket-api
      StageName: prod
  Connect:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !ImportValue socket-api
      RouteKey: $connect
`;
    const { model } = await loadApp(project({ 'template.yaml': template }));
    assert.equal(apiNamed(model, '!ImportValue http-api').protocol, 'http');
    assert.equal(apiNamed(model, '!ImportValue socket-api').protocol, 'websocket');
    assert.deepEqual(model.routes.map((r) => [r.logicalId, r.method, r.path]).sort(), [
      ['Connect', '$CONNECT', '$connect'],
      ['HttpRoute', 'POST', '/orders'],
    ]);
  });

  it("an API of the template itself is not one: its children stay on it", async () => {
    const template = `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
  Get:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      AuthorizationType: NONE
`;
    const { model } = await loadApp(project({ 'template.yaml': template }));
    assert.deepEqual(model.apis.map((a) => [a.logicalId, a.definedElsewhere]), [['Api', undefined]]);
    assert.equal(model.routes[0]?.apiId, 'template.yaml/Api');
  });

  it('a REST API a Serverless plugin creates is named by its logical id, and its open method is reported', async () => {
    const service = `service: notify
provider:
  name: aws
  runtime: python3.12
plugins:
  - serverless-apigateway-service-proxy
resources:
  Resources:
    NotifyResource:
      Type: AWS::ApiGateway::Resource
      Properties:
        RestApiId: !Ref ApiGatewayRestApi
        ParentId: !GetAtt ApiGatewayRestApi.RootResourceId
        PathPart: notify
    NotifyPost:
      Type: AWS::ApiGateway::Method
      Properties:
        HttpMethod: POST
        RestApiId: !Ref ApiGatewayRestApi
        ResourceId: !Ref NotifyResource
        AuthorizationType: NONE
        Integration:
          Type: HTTP_PROXY
          IntegrationHttpMethod: POST
          Uri: https://backend.example.com/notify
`;
    const result = await scan(project({ 'serverless.yml': service }), { noCache: true });
    const open = result.findings.filter((f) => f.ruleId === 'api-route-without-auth');
    assert.deepEqual(open.map((f) => [f.location.file, f.location.line, f.subject?.logicalId]), [['serverless.yml', lineOf(service, 'AuthorizationType: NONE'), 'NotifyPost']]);
    assert.match(open[0]!.message, /^Route POST \/notify of API ApiGatewayRestApi forwards requests to an HTTP backend with no authorization: anyone who can reach the API \(defined outside this template: on the internet unless it is private\) can call it\.$/);
  });
});
