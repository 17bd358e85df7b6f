/**
 * A SAM API whose template writes its own definition (`DefinitionBody`), for loader and rule tests:
 * the template's opening down to the definition's `paths:`, and an operation's Lambda integration,
 * indented to sit under a path's method (`            get:`).
 */

/** The template's opening; `apiProperties` are more lines of the API's `Properties`. */
export function samApiDefinition(format: 'swagger' | 'openapi', apiProperties = ''): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
${apiProperties}      DefinitionBody:
        ${format === 'swagger' ? "swagger: '2.0'" : 'openapi: 3.0.1'}
        paths:
`;
}

/** The URI of a function of the template, as an integration names it through `${Fn.Arn}`. */
export function functionInvokeUri(fn: string): string {
  return `!Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${fn}.Arn}/invocations`;
}

/** An operation's integration with a Lambda function: `aws_proxy`, or a custom one (`aws`). */
export function lambdaIntegration(type: 'aws' | 'aws_proxy', uri: string): string {
  return `              x-amazon-apigateway-integration:
                type: ${type}
                httpMethod: POST
                uri: ${uri}
`;
}
