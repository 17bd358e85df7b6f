/**
 * api-route-without-auth on a WebSocket API whose `$connect` admits any client: its other routes are
 * reported with the fix where a WebSocket API takes authorization, `$connect`, and point at it.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { apiRouteWithoutAuth } from '../../src/rules/auth/api-route-without-auth.js';
import { FIXTURES } from '../helpers/paths.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { WEBSOCKET_API, websocketFunction, websocketRoute } from '../helpers/websocket-api.js';

describe('api-route-without-auth on a WebSocket API', () => {
  it('tells a route other than $connect to authorize $connect, and relates it', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'api-route-without-auth', 'fail'), { noCache: true, rules: [apiRouteWithoutAuth] });
    const ws = result.findings.filter((f) => f.location.file === 'websocket.yaml');
    const send = ws.find((f) => f.subject?.logicalId === 'ChatSend')!;
    const connect = ws.find((f) => f.subject?.logicalId === 'ChatConnect')!;
    assert.match(send.message, / A WebSocket API takes authorization on \$connect only, which admits any client here: authorize it\.$/);
    assert.deepEqual(send.related?.map((r) => [r.loc.line, r.message]).filter(([, m]) => String(m).startsWith('route')), [[29, 'route $connect, which admits every connection']]);
    assert.doesNotMatch(connect.message, /takes authorization on/);
  });
});

describe('api-route-without-auth on a WebSocket API without $connect, and on a service integration', () => {
  const project = projectsRemovedAfterTests();
  const template = `Resources:
  Chat:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: chat
      ProtocolType: WEBSOCKET
      RouteSelectionExpression: $request.body.action
  Default:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Chat
      RouteKey: $default
      AuthorizationType: NONE
      Target: !Sub integrations/\${Start}
  Start:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Chat
      IntegrationType: AWS
      IntegrationUri: !Sub arn:aws:apigateway:\${AWS::Region}:states:action/StartSyncExecution
      CredentialsArn: arn:aws:iam::123456789012:role/api
      RequestTemplates:
        $default: !Sub '{"stateMachineArn": "\${Machine}", "input": "$util.escapeJavaScript($input.body)"}'
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/machine
      Definition:
        StartAt: Done
        States:
          Done:
            Type: Succeed
`;

  it('names what the route reaches through which action, and says to add $connect with an authorizer', async () => {
    const result = await scan(project({ 'template.yaml': template }), { noCache: true, rules: [apiRouteWithoutAuth] });
    assert.deepEqual(
      result.findings.map((f) => f.message),
      ['Route $default of API Chat reaches Machine through states:StartSyncExecution with no authorization: anyone who can reach the API on the internet can call it. A WebSocket API takes authorization on its $connect route only, and this one declares none: add $connect with an authorizer or IAM authorization.'],
    );
  });
});

describe('api-route-without-auth on a WebSocket API whose $connect is a mock integration', () => {
  const project = projectsRemovedAfterTests();

  it('says the open $connect admits every client to the other routes, and to authorize it', async () => {
    const template = `Transform: AWS::Serverless-2016-10-31
Resources:
${WEBSOCKET_API}  ConnectRoute:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Chat
      RouteKey: $connect
      AuthorizationType: NONE
      Target: !Sub integrations/\${ConnectMock}
  ConnectMock:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Chat
      IntegrationType: MOCK
${websocketRoute('Send', 'send', 'Sender')}${websocketFunction('Sender')}`;
    const result = await scan(project({ 'template.yaml': template, 'app.js': 'exports.handler = async () => ({ statusCode: 200 });\n' }), { noCache: true, rules: [apiRouteWithoutAuth] });
    const connect = result.findings.find((f) => f.subject?.logicalId === 'ConnectRoute');
    assert.deepEqual([connect?.severity, connect?.location.line, connect?.message], [
      'info',
      14,
      'Route $connect of API Chat has no authorization: its mock integration reaches nothing, but a WebSocket API authorizes clients on $connect alone, so anyone who can reach the API on the internet can connect and use its route send. Add an authorizer to $connect.',
    ]);
  });
});

