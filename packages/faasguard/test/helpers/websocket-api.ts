/**
 * A WebSocket API declared resource by resource, for loader and rule tests: the API (`Chat`,
 * routing on `$request.body.action`), indented to sit under `Resources:`.
 */
export const WEBSOCKET_API = `  Chat:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: chat
      ProtocolType: WEBSOCKET
      RouteSelectionExpression: $request.body.action
`;
