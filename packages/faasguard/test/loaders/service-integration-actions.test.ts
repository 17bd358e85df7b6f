/**
 * The action a route's AWS service integration calls, where its URI names none: a query-protocol
 * service called by path (`sqs:path/<account>/<queue>`) takes it from a constant `Action` query
 * parameter or from the form body every request template writes; an HTTP API's first-class
 * integration from its subtype (`SQS-SendMessage`). Templates that disagree name no action.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { AppModel, Route } from '../../src/model/app-model.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { apiRouteWithoutAuth } from '../../src/rules/auth/api-route-without-auth.js';
import { apiWithoutThrottling } from '../../src/rules/dos/api-without-throttling.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

/** A path whose method calls an AWS service by path (`uri`: after `…:apigateway:<region>:`), with `extra` integration properties. */
function servicePath(path: string, method: string, uri: string, extra: string): string {
  return `          ${path}:
            ${method}:
              x-amazon-apigateway-integration:
                type: aws
                httpMethod: POST
                credentials: arn:aws:iam::123456789012:role/api
                uri: !Sub arn:aws:apigateway:\${AWS::Region}:${uri}
${extra}`;
}

function sqsPath(path: string, method: string, extra: string): string {
  return servicePath(path, method, 'sqs:path/\${AWS::AccountId}/\${Jobs.QueueName}', extra);
}

/** A SAM REST API named Api whose Swagger definition has the given paths. */
function swaggerApi(title: string, paths: string): string {
  return `  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionBody:
        swagger: '2.0'
        info: { title: ${title}, version: '1' }
        paths:
${paths}`;
}

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Jobs:
    Type: AWS::SQS::Queue
${swaggerApi('jobs', `${sqsPath('/send', 'post', `                requestTemplates:
                  application/json: Action=SendMessage&MessageBody=$input.body
`)}${sqsPath('/receive', 'get', `                requestParameters:
                  integration.request.querystring.Action: "'ReceiveMessage'"
`)}${sqsPath('/either', 'post', `                requestTemplates:
                  application/json: Action=SendMessage&MessageBody=$input.body
                  text/plain: Action=DeleteMessage&ReceiptHandle=$input.body
`)}`)}  HttpApi:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: jobs
      ProtocolType: HTTP
  SendIntegration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref HttpApi
      IntegrationType: AWS_PROXY
      IntegrationSubtype: SQS-SendMessage
      PayloadFormatVersion: '1.0'
      CredentialsArn: arn:aws:iam::123456789012:role/api
      RequestParameters:
        QueueUrl: !Ref Jobs
        MessageBody: $request.body
  SendRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref HttpApi
      RouteKey: POST /jobs
      Target: !Sub integrations/\${SendIntegration}
`;

let model: AppModel;
let dir: string;

before(async () => {
  dir = project({ 'template.yaml': TEMPLATE });
  ({ model } = await loadApp(dir));
});

function route(path: string): Route {
  const found = model.routes.find((r) => r.path === path);
  assert.ok(found, `route ${path}`);
  return found;
}

describe('the action of a service integration', () => {
  it('is read from the form body of the request templates', () => {
    assert.deepEqual([route('/send').integration?.service, route('/send').integration?.action], ['sqs', 'SendMessage']);
  });

  it('is read from a constant Action query parameter', () => {
    assert.equal(route('/receive').integration?.action, 'ReceiveMessage');
  });

  it('is not named when the request templates name different actions', () => {
    assert.equal(route('/either').integration?.service, 'sqs');
    assert.equal(route('/either').integration?.action, undefined);
  });

  it("is read from an HTTP API integration's subtype", () => {
    assert.deepEqual([route('/jobs').integration?.service, route('/jobs').integration?.action, route('/jobs').integration?.targetId], ['sqs', 'SendMessage', 'template.yaml/Jobs']);
  });

  it('is named in the route finding, with the queue it reaches', async () => {
    const result = await scan(dir, { noCache: true, rules: [apiRouteWithoutAuth] });
    const send = result.findings.find((f) => f.message.startsWith('Route POST /send '));
    assert.equal(send?.message, 'Route POST /send of API Api reaches Jobs through sqs:SendMessage with no authorization: anyone who can reach the API on the internet can call it.');
  });
});

describe('an SNS integration that publishes to the phone number the request gives', () => {
  const snsPath = (path: string, extra: string) => servicePath(path, 'post', 'sns:path//', extra);
  const template = `Transform: AWS::Serverless-2016-10-31
Resources:
${swaggerApi('sms', `${snsPath('/sms', `                requestTemplates:
                  application/json: Action=Publish&PhoneNumber=$util.urlEncode($input.path('$.phone'))&Message=$input.path('$.text')
`)}${snsPath('/query', `                requestParameters:
                  integration.request.querystring.Action: "'Publish'"
                  integration.request.querystring.PhoneNumber: method.request.querystring.to
`)}${snsPath('/fixed', `                requestTemplates:
                  application/json: Action=Publish&PhoneNumber=%2B15555550100&Message=$input.path('$.text')
`)}`)}`;

  it('is read from the request templates or the query parameters, not from a number the template writes', async () => {
    const { model } = await loadApp(project({ 'template.yaml': template }), { noCache: true });
    const sms = (path: string) => model.routes.find((r) => r.path === path)?.integration?.smsToCallerNumber ?? false;
    assert.deepEqual(['/sms', '/query', '/fixed'].map(sms), [true, true, false]);
  });

  it('is said in the route finding as what it is: SMS messages to any number', async () => {
    const result = await scan(project({ 'template.yaml': template }), { noCache: true, rules: [apiRouteWithoutAuth] });
    assert.equal(result.findings.find((f) => f.message.startsWith('Route POST /sms '))?.message, 'Route POST /sms of API Api sends SMS messages, billed per message, to any phone number the caller gives (sns:Publish) with no authorization: anyone who can reach the API on the internet can call it.');
    assert.match(result.findings.find((f) => f.message.startsWith('Route POST /fixed '))?.message ?? '', / calls sns:Publish with no authorization/);
  });

  it('is said by the missing throttling: each request an SMS message', async () => {
    const result = await scan(project({ 'template.yaml': template }), { noCache: true, rules: [apiWithoutThrottling] });
    assert.equal(result.findings.length, 1);
    assert.match(result.findings[0]!.message, /the services its routes call \(sns\), with each request sending an SMS message \(billed per message\) to a number it gives, and starving/);
  });
});
