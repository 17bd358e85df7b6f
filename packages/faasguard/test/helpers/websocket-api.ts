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

/**
 * A route of `Chat` for `key`, with its Lambda proxy integration to `fn`; `auth` adds properties
 * to the route as written (`AuthorizationType: CUSTOM` and an `AuthorizerId`).
 */
export function websocketRoute(name: string, key: string, fn: string, auth: string[] = []): string {
  return `  ${name}Route:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Chat
      RouteKey: ${key}
      Target: !Sub integrations/\${${name}Integration}
${auth.map((line) => `      ${line}\n`).join('')}  ${name}Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Chat
      IntegrationType: AWS_PROXY
      IntegrationUri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${fn}.Arn}/invocations
`;
}

/** A SAM function with its handler in `app.js`. */
export function websocketFunction(name: string): string {
  return `  ${name}:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: app.handler
`;
}

/** A Lambda REQUEST authorizer of `Chat` (`ChatAuthorizer`), run by the function `Authorize`, for `$connect`. */
export const WEBSOCKET_AUTHORIZER = `  ChatAuthorizer:
    Type: AWS::ApiGatewayV2::Authorizer
    Properties:
      ApiId: !Ref Chat
      AuthorizerType: REQUEST
      AuthorizerUri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Authorize.Arn}/invocations
      IdentitySource: [route.request.header.token]
      Name: chat-authorizer
`;
