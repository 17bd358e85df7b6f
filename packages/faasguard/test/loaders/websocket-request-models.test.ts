/**
 * A WebSocket route with request models and a model selection expression has its messages
 * validated by API Gateway (a body that does not match the selected model is rejected): the route
 * carries that validation, from a template and from Terraform alike; a route without models none.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadApp } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { WEBSOCKET_API } from '../helpers/websocket-api.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `Resources:
${WEBSOCKET_API}  SendRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Chat
      RouteKey: send
      ModelSelectionExpression: $request.body.action
      RequestModels:
        send: OrderModel
  PingRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Chat
      RouteKey: ping
`;

const TERRAFORM = `resource "aws_apigatewayv2_api" "chat" {
  name                       = "chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_route" "send" {
  api_id                     = aws_apigatewayv2_api.chat.id
  route_key                  = "send"
  model_selection_expression = "$request.body.action"
  request_models = {
    send = "orderModel"
  }
}

resource "aws_apigatewayv2_route" "ping" {
  api_id    = aws_apigatewayv2_api.chat.id
  route_key = "ping"
}
`;

describe('WebSocket request models', () => {
  for (const [source, files, modelsLine] of [
    ['a template', { 'template.yaml': TEMPLATE }, 15],
    ['Terraform', { 'main.tf': TERRAFORM }, 11],
  ] as const) {
    it(`validates the body of a route with models, from ${source}`, async () => {
      const { model } = await loadApp(project(files), { noCache: true });
      const byKey = Object.fromEntries(model.routes.map((r) => [r.path, r.requestValidation]));
      assert.deepEqual(Object.keys(byKey).sort(), ['ping', 'send']);
      assert.deepEqual([byKey['send']?.body, byKey['send']?.parameters, byKey['send']?.loc.line], [true, true, modelsLine]);
      assert.equal(byKey['ping'], undefined);
    });
  }
});
