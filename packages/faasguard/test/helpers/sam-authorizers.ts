/**
 * A SAM REST API `Api` whose default Lambda authorizer `ByToken` (TOKEN, SAM's default) runs
 * `TokenAuth`, with a second one, `ByRequest` (REQUEST, on the Authorization header), that runs
 * `RequestAuth`; `more` adds authorizers, written as entries of `Authorizers`. The functions are
 * the caller's to declare.
 */
export function samApiWithAuthorizers(more = ''): string {
  return `  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth:
        DefaultAuthorizer: ByToken
        Authorizers:
          ByToken:
            FunctionArn: !GetAtt TokenAuth.Arn
          ByRequest:
            FunctionArn: !GetAtt RequestAuth.Arn
            FunctionPayloadType: REQUEST
            Identity:
              Headers: [Authorization]
${more}`;
}

/**
 * A REST API `name` declared resource by resource with a TOKEN Lambda authorizer (`<name>Authorizer`,
 * on the Authorization header) that runs `fn`; `apiProperties` adds lines under the API's
 * `Properties` (an `EndpointConfiguration`). Indented to sit under `Resources:`.
 */
export function restApiWithTokenAuthorizer(name: string, fn: string, apiProperties = ''): string {
  return `  ${name}:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: ${name.toLowerCase()}
${apiProperties}  ${name}Authorizer:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref ${name}
      Name: ${name.toLowerCase()}-token
      Type: TOKEN
      IdentitySource: method.request.header.Authorization
      AuthorizerUri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${fn}.Arn}/invocations
`;
}
