/**
 * `api-stage-without-access-logs` says what goes unrecorded: everything, or, where execution logging
 * at INFO covers every method, who called; with full request data, the caller's address is there, in
 * pieces.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { apiStageWithoutAccessLogs } from '../../src/rules/monitoring/api-stage-without-access-logs.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Quiet:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
  Verbose:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      MethodSettings:
        - HttpMethod: '*'
          ResourcePath: /*
          LoggingLevel: INFO
  OnlyPost:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      MethodSettings:
        - HttpMethod: POST
          ResourcePath: /~1orders
          LoggingLevel: INFO
  Traced:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      MethodSettings:
        - HttpMethod: '*'
          ResourcePath: /*
          LoggingLevel: INFO
          DataTraceEnabled: true
`;

describe('api-stage-without-access-logs messages', () => {
  it("say that INFO execution logs keep routes and statuses but not the caller, and nothing is kept otherwise", async () => {
    const result = await scan(project({ 'template.yaml': TEMPLATE }), { noCache: true, rules: [apiStageWithoutAccessLogs] });
    const byApi = Object.fromEntries(result.findings.map((f) => [f.subject?.logicalId, f.message.split(': ').slice(1).join(': ')]));
    const nothing = 'calls to its routes leave no record of caller, route or result, so abuse goes unseen and cannot be investigated. Configure an access log destination.';
    assert.deepEqual(byApi, {
      Quiet: nothing,
      Verbose: "its execution logs (INFO) record each request's route and status, but no line says who called (the caller's address or principal), so abuse goes unseen and cannot be investigated. Configure an access log destination.",
      OnlyPost: nothing,
      // Full request data writes the headers, the caller's address among them: not "no line says who called".
      Traced: "its execution logs (INFO, with full request data) hold each request's headers and the caller's address, but spread over lines cut at 1 KB, mixed with request bodies, and no line per request names caller, route and result, so abuse is hard to find and to investigate. Configure an access log destination.",
    });
  });

  it('say that the API is private, or that its routes are mock integrations, at low', async () => {
    const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  Internal:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      EndpointConfiguration: PRIVATE
  Canned:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: canned
  CannedGet:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Canned
      ResourceId: !GetAtt Canned.RootResourceId
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
        Type: MOCK
        RequestTemplates:
          application/json: '{"statusCode": 200}'
  CannedStage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Canned
      StageName: prod
      DeploymentId: !Ref CannedDeployment
  CannedDeployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: CannedGet
    Properties:
      RestApiId: !Ref Canned
`;
    const result = await scan(project({ 'template.yaml': template }), { noCache: true, rules: [apiStageWithoutAccessLogs] });
    assert.deepEqual(result.findings.map((f) => [f.subject?.logicalId, f.severity, f.message.slice(0, f.message.indexOf(': '))]).sort(), [
      ['Canned', 'low', 'Stage prod of API Canned has no access logs (its routes answer with mock integrations, which reach nothing behind the gateway)'],
      ['Internal', 'low', 'Stage prod of private API Internal has no access logs'],
    ]);
  });
});
