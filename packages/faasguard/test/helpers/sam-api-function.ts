/**
 * A SAM function (`name`, Python, inline code) that answers GET `path` through an `Api` event (or
 * an `HttpApi` one): of the API SAM makes from events, unless `restApiId` names one. Indented to
 * sit under `Resources:`.
 */
export function samApiFunction(name: string, restApiId?: string, path = '/items', event: 'Api' | 'HttpApi' = 'Api'): string {
  return `  ${name}:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      InlineCode: "def handler(e, c): return {'statusCode': 200}"
      Events:
        Get:
          Type: ${event}
          Properties:
${restApiId ? `            RestApiId: !Ref ${restApiId}\n` : ''}            Path: ${path}
            Method: get
`;
}
