/**
 * A SAM `Api` event on a plain `AWS::ApiGateway::RestApi`: SAM adds only the permission, and the
 * template's own method decides the route's authorization. The event's route gives way to the
 * method's; without a method for it, the event's route is kept.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiRouteWithoutAuth } from '../../src/rules/auth/api-route-without-auth.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const template = (authorization: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
  Pool:
    Type: AWS::Cognito::UserPool
  PoolAuthorizer:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Name: pool
      Type: COGNITO_USER_POOLS
      IdentitySource: method.request.header.Authorization
      ProviderARNs:
        - !GetAtt Pool.Arn
  Orders:
    Type: AWS::ApiGateway::Resource
    Properties:
      RestApiId: !Ref Api
      ParentId: !GetAtt Api.RootResourceId
      PathPart: orders
  OrdersGet:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Orders
      HttpMethod: GET
${authorization}      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${List.Arn}/invocations
  List:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      InlineCode: "def handler(event, context):\\n    return {}\\n"
      Events:
        Get:
          Type: Api
          Properties:
            RestApiId: !Ref Api
            Path: /orders
            Method: get
        Post:
          Type: Api
          Properties:
            RestApiId: !Ref Api
            Path: /orders
            Method: post
`;

const COGNITO = '      AuthorizationType: COGNITO_USER_POOLS\n      AuthorizerId: !Ref PoolAuthorizer\n';

describe('a SAM Api event on a plain REST API of the template', () => {
  it("gives way to the template's method, whose authorization holds; an event without a method keeps its route", async () => {
    const { model } = await loadApp(project({ 'template.yaml': template(COGNITO) }), { noCache: true });
    assert.deepEqual(model.routes.map((r) => [r.method, r.path, r.auth.type, r.loc.line]).sort(), [
      ['GET', '/orders', 'cognito', 24],
      ['POST', '/orders', 'none', 49],
    ]);
  });

  it('reports an open method at the method, where the fix goes', async () => {
    const result = await scan(project({ 'template.yaml': template('      AuthorizationType: NONE\n') }), { noCache: true, rules: [apiRouteWithoutAuth] });
    assert.deepEqual(result.findings.map((f) => [f.subject?.logicalId, f.location.line]).sort(), [
      ['List.Post', 48],
      ['OrdersGet', 30],
    ]);
  });
});
