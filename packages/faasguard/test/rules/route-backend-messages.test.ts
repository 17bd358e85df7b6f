/**
 * api-without-throttling and public-rest-api-without-waf say what a flood reaches: the integrated
 * functions, or, where no route invokes one, the services its routes call directly and the functions
 * those services trigger.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { apiWithoutThrottling } from '../../src/rules/dos/api-without-throttling.js';
import { publicRestApiWithoutWaf } from '../../src/rules/dos/public-rest-api-without-waf.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const SQS_API = `Transform: AWS::Serverless-2016-10-31
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionBody:
        openapi: '3.0'
        info: {}
        paths:
          /orders:
            post:
              x-amazon-apigateway-integration:
                type: aws
                httpMethod: POST
                uri: !Sub arn:aws:apigateway:\${AWS::Region}:sqs:path/\${AWS::AccountId}/\${Queue.QueueName}
                credentials: arn:aws:iam::123456789012:role/api-sqs
`;

const FUNCTION_API = `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: app.handler
      InlineCode: "exports.handler = async () => ({ statusCode: 204 });"
      Events:
        Post:
          Type: HttpApi
          Properties:
            Path: /orders
            Method: post
`;

describe('messages of flood rules', () => {
  it('name the service a route calls directly', async () => {
    const result = await scan(project({ 'template.yaml': SQS_API }), { noCache: true, rules: [apiWithoutThrottling] });
    assert.equal(result.findings.length, 1);
    assert.match(result.findings[0]!.message, /spending the request quotas \(and the bill\) of the services its routes call \(sqs\) and starving/);
  });

  it('name the function the queue a route writes to triggers, which a flood scales too', async () => {
    const worker = '  Worker:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs22.x\n      Handler: app.handler\n      InlineCode: "exports.handler = async () => {};"\n      Events:\n        Orders:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt Queue.Arn\n';
    const result = await scan(project({ 'template.yaml': SQS_API + worker }), { noCache: true, rules: [apiWithoutThrottling] });
    assert.equal(result.findings.length, 1);
    assert.match(result.findings[0]!.message, /services its routes call \(sqs\), scaling the function they trigger \(Worker, and its bill\) and starving/);
  });

  it('name one HTTP backend of the template as one, and several as several', async () => {
    const one = await scan(project({ 'template.yaml': httpApi(['!Sub http://${Server.PublicDnsName}/orders', '!Sub http://${Server.PublicDnsName}/refunds']) }), { noCache: true, rules: [apiWithoutThrottling, publicRestApiWithoutWaf] });
    assert.deepEqual(one.findings.map((f) => f.message.match(/its HTTP backends?/)?.[0]), ['its HTTP backend', 'its HTTP backend']);
    const two = await scan(project({ 'template.yaml': httpApi(['!Sub http://${Server.PublicDnsName}/orders', 'https://example.com/refunds']) }), { noCache: true, rules: [apiWithoutThrottling, publicRestApiWithoutWaf] });
    assert.deepEqual(two.findings.map((f) => f.message.match(/its HTTP backends?/)?.[0]), ['its HTTP backends', 'its HTTP backends']);
  });

  it('name the service an open REST route calls directly, for the missing web ACL', async () => {
    const result = await scan(project({ 'template.yaml': SQS_API }), { noCache: true, rules: [publicRestApiWithoutWaf] });
    assert.equal(result.findings.length, 1);
    assert.match(result.findings[0]!.message, /all reach the services the routes call \(sqs\) and are billed/);
  });

  it('name the function where the routes invoke one, the functions where they invoke more', async () => {
    const one = await scan(project({ 'template.yaml': FUNCTION_API }), { noCache: true, rules: [apiWithoutThrottling] });
    assert.equal(one.findings.length, 1);
    assert.match(one.findings[0]!.message, /scaling the integrated function \(and its bill\) and starving/);
    const second = '  Refunds:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs22.x\n      Handler: app.handler\n      InlineCode: "exports.handler = async () => ({ statusCode: 204 });"\n      Events:\n        Post:\n          Type: HttpApi\n          Properties:\n            Path: /refunds\n            Method: post\n';
    const two = await scan(project({ 'template.yaml': FUNCTION_API + second }), { noCache: true, rules: [apiWithoutThrottling] });
    assert.equal(two.findings.length, 1);
    assert.match(two.findings[0]!.message, /scaling the integrated functions \(and their bill\) and starving/);
  });

  it('name the function an open REST route invokes, for the missing web ACL', async () => {
    const rest = FUNCTION_API.replace('Type: HttpApi', 'Type: Api');
    const result = await scan(project({ 'template.yaml': rest }), { noCache: true, rules: [publicRestApiWithoutWaf] });
    assert.equal(result.findings.length, 1);
    assert.match(result.findings[0]!.message, /all reach the function and are billed/);
  });
});

/** A REST API whose open GET routes proxy to the URIs given, with the instance a URI may name. */
function httpApi(uris: readonly string[]): string {
  const methods = uris.map((uri, i) => `  Method${i}:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: ${i === 0 ? 'GET' : 'POST'}
      AuthorizationType: NONE
      Integration:
        Type: HTTP_PROXY
        IntegrationHttpMethod: GET
        Uri: ${uri}
`);
  return `Resources:
  Server:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: shop
${methods.join('')}  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: [${uris.map((_, i) => `Method${i}`).join(', ')}]
    Properties:
      RestApiId: !Ref Api
      StageName: prod
`;
}
