/**
 * A whole event logged is said as the trigger delivers it: the credentials of a request whose
 * callers must send them, the body and address of an open request (whose callers send none), a
 * Cognito trigger's user attributes, and a migrating user's password.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { eventLogged } from '../../src/rules/code/event-logged.js';
import { logGroupWithoutKmsKey } from '../../src/rules/monitoring/log-group-without-kms-key.js';
import { FIXTURES } from '../helpers/paths.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { restApiWithTokenAuthorizer, samApiWithAuthorizers } from '../helpers/sam-authorizers.js';
import { functionInvokeUri, lambdaIntegration, samApiDefinition } from '../helpers/sam-api-definition.js';
import { WEBSOCKET_API, websocketFunction, websocketRoute } from '../helpers/websocket-api.js';

const project = projectsRemovedAfterTests();

describe('event-logged messages', () => {
  it('say what an open request and a user migration put in the logs', async () => {
    const result = await scan(path.join(FIXTURES, 'rules', 'event-logged', 'fail'), { noCache: true, rules: [eventLogged] });
    assert.deepEqual(result.findings.map((f) => [f.location.file, f.message.split(': ').slice(1).join(': ')]), [
      ['src/app.js', "the request's body, headers and the caller's IP address (personal data that outlives the request) end up in the logs."],
      ['src/decorated.ts', "the request's body, headers and the caller's IP address (personal data that outlives the request) end up in the logs."],
      ['src/env_logged.py', "the request's body, headers and the caller's IP address (personal data that outlives the request) end up in the logs."],
      ['src/middy.js', "the request's body, headers and the caller's IP address (personal data that outlives the request) end up in the logs."],
      ['src/migrate.py', "the user's attributes and password end up in the logs."],
      ['src/orders.py', "the request's body, headers and the caller's IP address (personal data that outlives the request) end up in the logs."],
    ]);
  });

  it("says a WebSocket message's body and the caller's address, not headers, which only $connect passes", async () => {
    const dir = project({
      'template.yaml': `Transform: AWS::Serverless-2016-10-31
Resources:
${WEBSOCKET_API}${websocketRoute('Connect', '$connect', 'OnConnect')}${websocketRoute('Send', 'send', 'OnSend')}${websocketFunction('OnConnect')}${websocketFunction('OnSend')}`,
      'app.js': "exports.handler = async (event) => {\n  console.log(event);\n  return { statusCode: 200 };\n};\n",
    });
    const result = await scan(dir, { noCache: true, rules: [eventLogged] });
    assert.deepEqual(result.findings.map((f) => [f.subject?.logicalId, f.message.split(': ').slice(1).join(': ')]).sort(), [
      ['OnConnect', "the request's body, headers and the caller's IP address (personal data that outlives the request) end up in the logs."],
      ['OnSend', "the message's body and the caller's IP address (personal data that outlives the message) end up in the logs."],
    ]);
  });

  it("says a TOKEN authorizer logs the tokens callers send, and a REQUEST authorizer the headers", async () => {
    const dir = project({
      'template.yaml': `Transform: AWS::Serverless-2016-10-31
Resources:
${samApiWithAuthorizers()}${restApiWithTokenAuthorizer('Raw', 'RawAuth')}  TokenAuth:
    Type: AWS::Serverless::Function
    Properties: { Runtime: nodejs22.x, Handler: app.handler }
  RequestAuth:
    Type: AWS::Serverless::Function
    Properties: { Runtime: nodejs22.x, Handler: app.handler }
  RawAuth:
    Type: AWS::Serverless::Function
    Properties: { Runtime: nodejs22.x, Handler: app.handler }
`,
      'app.js': "exports.handler = async (event) => {\n  console.log(event);\n  return { principalId: 'user' };\n};\n",
    });
    const result = await scan(dir, { noCache: true, rules: [eventLogged] });
    assert.deepEqual(result.findings.map((f) => [f.subject?.logicalId, f.message.split(': ').slice(1).join(': ')]).sort(), [
      ['RawAuth', 'the tokens callers send (authorizationToken) end up in the logs.'],
      ['RequestAuth', 'headers with tokens, cookies and personal data end up in the logs.'],
      ['TokenAuth', 'the tokens callers send (authorizationToken) end up in the logs.'],
    ]);
  });

  it('names tokens and cookies where callers must send them', async () => {
    const dir = project({
      'template.yaml': `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: app.handler
      FunctionUrlConfig:
        AuthType: AWS_IAM
`,
      'app.js': "exports.handler = async (event) => {\n  console.log(event);\n  return { statusCode: 204 };\n};\n",
    });
    const result = await scan(dir, { noCache: true, rules: [eventLogged] });
    assert.deepEqual(result.findings.map((f) => f.message), ['Orders logs its whole event at app.js:2: headers with tokens, cookies and personal data end up in the logs.']);
  });

  it("says a custom integration passes the body alone, and a body-less method's passes nothing to log", async () => {
    const route = (method: string, templates = ''): string => `            ${method}:
${lambdaIntegration('aws', functionInvokeUri('Orders'))}${templates}`;
    const template = (paths: string): string => `${samApiDefinition('swagger')}${paths}  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: app.handler
`;
    const app = "exports.handler = async (event) => {\n  console.log(event);\n  return {};\n};\n";
    const messages = async (paths: string): Promise<string[]> => (await scan(project({ 'template.yaml': template(paths), 'app.js': app }), { noCache: true, rules: [eventLogged] })).findings.map((f) => f.message);
    assert.deepEqual(await messages(`          /orders:\n${route('post')}`), ["Orders logs its whole event at app.js:2: the fields of the request's body (its route's custom integration passes the body alone) end up in the logs."]);
    assert.deepEqual(await messages(`          /orders:\n${route('post', "                requestTemplates:\n                  application/json: '{\"ip\": \"$context.identity.sourceIp\"}'\n")}`), [
      "Orders logs its whole event at app.js:2: the parts of the request its route's request templates take end up in the logs.",
    ]);
    // A GET passes an empty body: nothing a caller sent reaches the event.
    assert.deepEqual(await messages(`          /orders:\n${route('get')}`), []);
  });

  it("takes Powertools' event logging left to POWERTOOLS_LOGGER_LOG_EVENT as written only when the environment turns it on, here and for the log group's key", async () => {
    const findings = async (environment: string): Promise<string[]> => {
      const dir = project({
        'template.yaml': `Transform: AWS::Serverless-2016-10-31
Resources:
  Search:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
${environment}      FunctionUrlConfig:
        AuthType: NONE
  SearchLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub /aws/lambda/\${Search}
      RetentionInDays: 7
`,
        'app.py': 'from aws_lambda_powertools import Logger\n\nlogger = Logger()\n\n\n@logger.inject_lambda_context\ndef handler(event, context):\n    return {"statusCode": 204}\n',
      });
      const result = await scan(dir, { noCache: true, rules: [eventLogged, logGroupWithoutKmsKey] });
      return result.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`).sort();
    };
    assert.deepEqual(await findings('      Environment:\n        Variables:\n          POWERTOOLS_LOGGER_LOG_EVENT: "true"\n'), ['event-logged app.py:6', 'log-group-without-kms-key template.yaml:13']);
    assert.deepEqual(await findings(''), []);
  });
});
