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
