/**
 * api-request-without-validation names what an unvalidated request reaches, as the model knows it:
 * the function, the resource an AWS service integration acts on (through the action its URI names,
 * or the service when the action is a request parameter, as SQS takes it), or the HTTP backend.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiRequestWithoutValidation } from '../../src/rules/injection/api-request-without-validation.js';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

function method(name: string, path: string, integration: string): string {
  return `  ${name}Resource:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: ${path} }
  ${name}:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref ${name}Resource
      HttpMethod: POST
      AuthorizationType: NONE
      Integration:
${integration}`;
}

const TEMPLATE = `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: intake }
  Jobs:
    Type: AWS::SQS::Queue
${method('Enqueue', 'enqueue', `        Type: AWS
        IntegrationHttpMethod: POST
        Credentials: arn:aws:iam::123456789012:role/apigw
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:sqs:path/\${AWS::AccountId}/\${Jobs.QueueName}
        RequestParameters:
          integration.request.querystring.Action: "'SendMessage'"
`)}${method('Translate', 'translate', `        Type: AWS
        IntegrationHttpMethod: POST
        Credentials: arn:aws:iam::123456789012:role/apigw
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:translate:action/TranslateText
`)}${method('Forward', 'forward', `        Type: HTTP_PROXY
        IntegrationHttpMethod: POST
        Uri: https://backend.example.com/forward
`)}`;

describe('api-request-without-validation names what the requests reach', () => {
  it('a resource through its service, an action without a resource, an HTTP backend', async () => {
    const result = await scan(project({ 'template.yaml': TEMPLATE }), { noCache: true, rules: [apiRequestWithoutValidation] });
    const reached = result.findings.map((f) => [f.message.slice(0, f.message.indexOf(' of API')), /reaches (.*)\. Add/.exec(f.message)?.[1], f.related?.map((r) => r.loc.line)]).sort();
    assert.deepEqual(reached, [
      ['Route POST /enqueue', 'Jobs through sqs:SendMessage', [TEMPLATE.split('\n').indexOf('  Jobs:') + 1]],
      ['Route POST /forward', 'its HTTP backend', []],
      ['Route POST /translate', 'its translate:TranslateText integration', []],
    ]);
  });
});
