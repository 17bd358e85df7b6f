/**
 * A REST route whose custom integration passes no request through (`PassthroughBehavior: NEVER`
 * with no request template) is answered 415 by API Gateway: nothing behind it is reached, so
 * `api-route-without-auth` reports it at info and says why; with a template it is an open way to
 * the service.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiRouteWithoutAuth } from '../../src/rules/auth/api-route-without-auth.js';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

function template(integrationExtra: string): string {
  return `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: notify }
  Notify:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: notify }
  Topic:
    Type: AWS::SNS::Topic
  Post:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Notify
      HttpMethod: POST
      AuthorizationType: NONE
      Integration:
        Type: AWS
        IntegrationHttpMethod: POST
        Credentials: arn:aws:iam::123456789012:role/apigw-sns
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:sns:action/Publish
        PassthroughBehavior: NEVER
${integrationExtra}`;
}

describe('a REST custom integration that passes no request through', () => {
  it('is reported at info, as reaching nothing; with a request template it is an open way in', async () => {
    const found = async (text: string) => (await scan(project({ 'template.yaml': text }), { noCache: true, rules: [apiRouteWithoutAuth] })).findings.map((f) => [f.severity, f.message]);
    const [[severity, message]] = await found(template(''));
    assert.equal(severity, 'info');
    assert.match(message!, /^Route POST \/notify of API Api has no authorization, but its integration passes no request through \(PassthroughBehavior NEVER with no request template\): API Gateway answers every request 415/);
    const templated = await found(template(`        RequestTemplates:\n          application/json: !Sub "Action=Publish&TopicArn=\${Topic}&Message=$input.body"\n`));
    assert.equal(templated.length, 1);
    assert.notEqual(templated[0]![0], 'info');
  });
});
