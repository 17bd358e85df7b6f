/**
 * api-without-throttling judges a WebSocket API's routes by `$connect`: only connections it admitted
 * send messages, so an authorizer there makes every route's callers authenticated ones.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiWithoutThrottling } from '../../src/rules/dos/api-without-throttling.js';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { WEBSOCKET_API } from '../helpers/websocket-api.js';

const project = projectsRemovedAfterTests();

function route(name: string, key: string, authorization: string): string {
  return `  ${name}:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Chat
      RouteKey: ${key}
      AuthorizationType: ${authorization}
${authorization === 'CUSTOM' ? '      AuthorizerId: !Ref Gate\n' : ''}      Target: !Sub integrations/\${Backend}
`;
}

function template(connectAuthorization: string): string {
  return `Resources:
${WEBSOCKET_API}  Gate:
    Type: AWS::ApiGatewayV2::Authorizer
    Properties:
      ApiId: !Ref Chat
      AuthorizerType: REQUEST
      AuthorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:gate/invocations
      IdentitySource: [route.request.querystring.token]
      Name: gate
  Backend:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Chat
      IntegrationType: AWS_PROXY
      IntegrationUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:chat/invocations
${route('Connect', '$connect', connectAuthorization)}${route('Send', 'sendmessage', 'NONE')}  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: !Ref Chat
      StageName: prod
`;
}

describe('api-without-throttling on a WebSocket API', () => {
  it('says its callers are authenticated when $connect has an authorizer, anyone when it has none', async () => {
    const said = async (auth: string) => (await scan(project({ 'template.yaml': template(auth) }), { noCache: true, rules: [apiWithoutThrottling] })).findings.map((f) => [f.severity, f.message.slice(f.message.indexOf(': ') + 2, f.message.indexOf(' can send'))]);
    assert.deepEqual(await said('CUSTOM'), [['low', 'any authenticated caller']]);
    assert.deepEqual(await said('NONE'), [['medium', 'anyone on the internet']]);
  });
});
