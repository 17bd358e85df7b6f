/**
 * public-rest-api-without-waf counts routes, not the places that define them: a method a template
 * writes out and a SAM event that names it again are one route, the method's (SAM adds only the
 * invoke permission to a plain REST API, see `sam-event-on-plain-api.test.ts`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { publicRestApiWithoutWaf } from '../../src/rules/dos/public-rest-api-without-waf.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { samApiFunction } from '../helpers/sam-api-function.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: counter
  Standard:
    Type: AWS::ApiGateway::Resource
    Properties:
      RestApiId: !Ref Api
      ParentId: !GetAtt Api.RootResourceId
      PathPart: standard
  StandardGet:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Standard
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Counter.Arn}/invocations
${samApiFunction('Counter', 'Api', '/standard')}`;

describe('public-rest-api-without-waf', () => {
  it("counts a route written twice once, at the method's place", async () => {
    const result = await scan(project({ 'template.yaml': TEMPLATE }), { noCache: true, rules: [publicRestApiWithoutWaf] });
    assert.equal(result.findings.length, 1);
    assert.match(result.findings[0]!.message, /^REST API Api has 1 route anyone can call \(GET \/standard\) and no WAF web ACL/);
    assert.deepEqual(result.findings[0]!.related?.map((r) => r.loc.line).sort(), [19]);
  });
});
