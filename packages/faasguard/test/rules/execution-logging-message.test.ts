/**
 * `api-stage-without-execution-logging` says what an access log still records of the refusals and
 * failures it names: their error fields, their status codes, or nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { apiStageWithoutExecutionLogging } from '../../src/rules/monitoring/api-stage-without-execution-logging.js';
import { API_GATEWAY_ACCOUNT, ROLE } from '../helpers/api-gateway-account.js';
import { samApiFunction } from '../helpers/sam-api-function.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

function api(name: string, format: string | undefined): string {
  const log = format === undefined ? '' : `      AccessLogSetting:\n        DestinationArn: arn:aws:logs:us-east-1:123456789012:log-group:${name}\n        Format: '${format}'\n`;
  return `  ${name}:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
${log}      Auth:
        DefaultAuthorizer: Gate
        Authorizers:
          Gate:
            FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:gate
`;
}

describe('api-stage-without-execution-logging messages', () => {
  it('say that the refusals leave no record, or only the status codes or error fields the access log writes', async () => {
    const template = `Transform: AWS::Serverless-2016-10-31\nResources:\n${api('Silent', undefined)}${api('Statuses', '{"ip":"$context.identity.sourceIp","status":"$context.status"}')}${api('Errors', '{"status":"$context.status","error":"$context.error.message"}')}`;
    const result = await scan(project({ 'template.yaml': template }), { noCache: true, rules: [apiStageWithoutExecutionLogging] });
    const byApi = Object.fromEntries(result.findings.map((f) => [f.subject?.logicalId, f.message.slice(f.message.indexOf(': ') + 2)]));
    // A stage whose access logs go to a log group shows the account has its CloudWatch role: the fix does not ask for it.
    const steps = "(the authorizer's answer, the request it sent to the integration and what came back). Set LoggingLevel: ERROR for every method.";
    assert.deepEqual(byApi, {
      Silent: 'authorization denials and integration failures leave no record, so an attack that fails against the API goes unseen. Set LoggingLevel: ERROR for every method.' + ROLE,
      // The access log has a line for each request, with its status: a denial is recorded, not why.
      Statuses: `authorization denials and integration failures are recorded only as the access log's status codes, without why each failed or API Gateway's account of each step ${steps}`,
      Errors: `authorization denials and integration failures are recorded only as the access log's error fields, without API Gateway's account of each step ${steps}`,
    });
  });

  it("say where the level of the API SAM makes goes, and leave out the role where a template of the application sets it", async () => {
    const template = `Transform: AWS::Serverless-2016-10-31\nResources:\n${samApiFunction('Orders', undefined, '/orders')}`;
    const fixes = async (text: string): Promise<string[]> => (await scan(project({ 'template.yaml': text }), { noCache: true, rules: [apiStageWithoutExecutionLogging] })).findings.map((f) => f.message.slice(f.message.indexOf('Set ')));
    assert.deepEqual(await fixes(template), ["Set LoggingLevel: ERROR for every method, in MethodSettings under Globals: Api (SAM makes this API from the functions' events)." + ROLE]);
    assert.deepEqual(await fixes(template + API_GATEWAY_ACCOUNT), ["Set LoggingLevel: ERROR for every method, in MethodSettings under Globals: Api (SAM makes this API from the functions' events)."]);
  });

  it("say that a stage a Deployment makes takes its level in the deployment's StageDescription", async () => {
    const template = `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: orders }
  Orders:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: orders }
  List:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Orders
      HttpMethod: GET
      AuthorizationType: NONE
      Integration: { Type: HTTP_PROXY, IntegrationHttpMethod: GET, Uri: 'https://example.com/orders' }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: List
    Properties: { RestApiId: !Ref Api, StageName: prod }
${API_GATEWAY_ACCOUNT}`;
    const result = await scan(project({ 'template.yaml': template }), { noCache: true, rules: [apiStageWithoutExecutionLogging] });
    assert.deepEqual(result.findings.map((f) => f.message.slice(f.message.indexOf('Set '))), ["Set LoggingLevel: ERROR in the deployment's StageDescription, which makes this stage (it applies to every method)."]);
  });
});
