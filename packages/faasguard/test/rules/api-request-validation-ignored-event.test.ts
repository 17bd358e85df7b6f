/**
 * api-request-without-validation leaves alone a route whose function's handler never reads its
 * event: what a request holds reaches nothing there. A handler that reads it, even only in a nested
 * function or through a pattern, is still judged.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiRequestWithoutValidation } from '../../src/rules/injection/api-request-without-validation.js';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

function fn(name: string, runtime: string, handler: string, path: string): string {
  return `  ${name}:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: ${runtime}
      Handler: ${handler}
      CodeUri: src/
      Events:
        Post:
          Type: Api
          Properties: { Path: ${path}, Method: post }
`;
}

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
${fn('PyFixed', 'python3.13', 'fixed.handler', '/py-fixed')}${fn('PyReads', 'python3.13', 'reads.handler', '/py-reads')}${fn('JsFixed', 'nodejs22.x', 'fixed.handler', '/js-fixed')}${fn('JsNested', 'nodejs22.x', 'nested.handler', '/js-nested')}${fn('JsPattern', 'nodejs22.x', 'pattern.handler', '/js-pattern')}`;

describe('api-request-without-validation and handlers that never read their event', () => {
  it('reports the routes whose handler reads the event, not those whose handler ignores it', async () => {
    const dir = project({
      'template.yaml': TEMPLATE,
      'src/fixed.py': 'import json\n\n\ndef handler(event, context):\n    return {"statusCode": 200, "body": json.dumps({"message": "ok"})}\n',
      'src/reads.py': 'import json\n\n\ndef handler(event, context):\n    return {"statusCode": 200, "body": json.dumps(json.loads(event["body"]))}\n',
      'src/fixed.js': 'exports.handler = async (event) => ({ statusCode: 200, body: "ok" });\n',
      'src/nested.js': 'exports.handler = async (event) => {\n  const read = () => event.body;\n  return { statusCode: 200, body: read() };\n};\n',
      'src/pattern.js': 'exports.handler = async ({ body }) => ({ statusCode: 200, body });\n',
    });
    const result = await scan(dir, { noCache: true, rules: [apiRequestWithoutValidation] });
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.location.file, f.subject?.logicalId ?? '', f.message.slice(0, f.message.indexOf(' of API'))]).sort(), [
      ['api-request-without-validation', 'template.yaml', 'JsNested.Post', 'Route POST /js-nested'],
      ['api-request-without-validation', 'template.yaml', 'JsPattern.Post', 'Route POST /js-pattern'],
      ['api-request-without-validation', 'template.yaml', 'PyReads.Post', 'Route POST /py-reads'],
    ]);
  });

  it('leaves alone a route that starts a state machine whose states never use their input, named by reference or by ARN', async () => {
    const machine = (name: string, states: string) =>
      `  ${name}:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      StateMachineName: ${name}Machine\n      StateMachineType: EXPRESS\n      RoleArn: arn:aws:iam::123456789012:role/sfn\n      Definition:\n        StartAt: First\n        States:\n${states}`;
    const method = (name: string, path: string, target: string) =>
      `  ${name}Resource:\n    Type: AWS::ApiGateway::Resource\n    Properties:\n      RestApiId: !Ref Api\n      ParentId: !GetAtt Api.RootResourceId\n      PathPart: ${path}\n  ${name}:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: !Ref Api\n      ResourceId: !Ref ${name}Resource\n      HttpMethod: POST\n      AuthorizationType: NONE\n      Integration:\n        Type: AWS\n        IntegrationHttpMethod: POST\n        Credentials: arn:aws:iam::123456789012:role/apigw\n        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:states:action/StartSyncExecution\n        RequestTemplates:\n          application/json: !Sub '{"input": "$util.escapeJavaScript($input.json(''$''))", "stateMachineArn": "${target}"}'\n`;
    const template =
      'Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: runs\n' +
      machine('Hello', '          First:\n            Type: Pass\n            Next: Pause\n          Pause:\n            Type: Wait\n            Seconds: 5\n            Next: Done\n          Done:\n            Type: Pass\n            Result: World\n            End: true\n') +
      machine('Worker', '          First:\n            Type: Task\n            Resource: arn:aws:states:::sqs:sendMessage\n            Parameters:\n              QueueUrl: https://sqs.us-east-1.amazonaws.com/123456789012/jobs\n              MessageBody.$: $\n            End: true\n') +
      // One names its machine by reference, the other by the name its ARN gives.
      method('Greet', 'greet', 'arn:aws:states:\${AWS::Region}:\${AWS::AccountId}:stateMachine:HelloMachine') + method('Work', 'work', '\${Worker}');
    const result = await scan(project({ 'template.yaml': template }), { noCache: true, rules: [apiRequestWithoutValidation] });
    assert.deepEqual(result.findings.map((f) => f.message.slice(0, f.message.indexOf(' of API'))), ['Route POST /work']);
    // The finding names what the requests reach: the state machine, through the integration's action.
    assert.equal(result.findings[0]!.message, 'Route POST /work of API Api is open to anyone and API Gateway does not validate its body: every malformed or hostile request reaches Worker through states:StartSyncExecution. Add a request validator and a model.');
    assert.deepEqual(result.findings[0]!.related?.map((r) => [r.loc.line, r.message]), [[template.split('\n').indexOf('  Worker:') + 1, 'Worker through states:StartSyncExecution']]);
  });
});
