/**
 * Routes are named as a person reads them: `GET /orders`, and a WebSocket route by its key alone
 * (the model repeats the key as the method, which read as "POST post"), as an HTTP API's
 * `$default` route is (not "ANY $default").
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { apiRouteWithoutAuth } from '../../src/rules/auth/api-route-without-auth.js';
import { routeName } from '../../src/model/route-name.js';
import { lineOf, removeProject, tempProject } from '../helpers/temp-project.js';
import { WEBSOCKET_API } from '../helpers/websocket-api.js';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
${WEBSOCKET_API}  Post:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Chat
      RouteKey: post
      AuthorizationType: NONE
  Orders:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: orders
      ProtocolType: HTTP
  ListOrders:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Orders
      RouteKey: GET /orders
`;

describe('route names', () => {
  const dir = tempProject({ 'template.yaml': TEMPLATE });
  after(() => removeProject(dir));

  it('names a WebSocket route by its key and an HTTP route by method and path', async () => {
    const result = await scan(dir, { rules: [apiRouteWithoutAuth] });
    const found = result.findings.map((f) => [f.location.line, f.message.split(' of API ')[0]]);
    assert.deepEqual(found, [
      [lineOf(TEMPLATE, 'AuthorizationType: NONE'), 'Route post'],
      [lineOf(TEMPLATE, 'ListOrders:'), 'Route GET /orders'],
    ]);
  });

  it('keeps the method when it differs from the path', () => {
    assert.equal(routeName({ method: '$CONNECT', path: '$connect' }), '$connect');
    assert.equal(routeName({ method: 'ANY', path: '/{proxy+}' }), 'ANY /{proxy+}');
  });

  it("names an HTTP API's $default route by its key, which takes every method", () => {
    assert.equal(routeName({ method: 'ANY', path: '$default' }), '$default');
  });
});
