/**
 * Lambda authorizers as entry points: each becomes a trigger of its function (`TOKEN` or
 * `REQUEST`, from SAM, CloudFormation and HTTP APIs), reached by whoever reaches the routes that
 * name it, as if those routes were open; an authorizer no route names is never run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import { loadApp } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { restApiWithTokenAuthorizer, samApiWithAuthorizers } from '../helpers/sam-authorizers.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs22.x
    Handler: app.handler
Resources:
${samApiWithAuthorizers('          Unused:\n            FunctionArn: !GetAtt SpareAuth.Arn\n')}  Items:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        List:
          Type: Api
          Properties: { RestApiId: !Ref Api, Path: /items, Method: get }
        Create:
          Type: Api
          Properties: { RestApiId: !Ref Api, Path: /items, Method: post, Auth: { Authorizer: ByRequest } }
${restApiWithTokenAuthorizer('Private', 'InternalAuth', '      EndpointConfiguration: { Types: [PRIVATE] }\n')}  PrivateMethod:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Private
      ResourceId: !GetAtt Private.RootResourceId
      HttpMethod: GET
      AuthorizationType: CUSTOM
      AuthorizerId: !Ref PrivateAuthorizer
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Items.Arn}/invocations
  TokenAuth:
    Type: AWS::Serverless::Function
  RequestAuth:
    Type: AWS::Serverless::Function
  SpareAuth:
    Type: AWS::Serverless::Function
  InternalAuth:
    Type: AWS::Serverless::Function
`;

describe('Lambda authorizers as entry points', () => {
  it('are triggers of their functions, TOKEN or REQUEST, whatever the format', async () => {
    const { model } = await loadApp(project({ 'template.yaml': TEMPLATE, 'app.js': 'exports.handler = async () => ({});\n' }));
    const kinds = model.triggers.filter((t) => t.kind.startsWith('apigw-authorizer')).map((t) => [t.functionId.split('/')[1], t.kind, t.id.split('/').slice(1).join('/')]).sort();
    assert.deepEqual(kinds, [
      ['InternalAuth', 'apigw-authorizer-token', 'Private#authorizer/PrivateAuthorizer'],
      ['RequestAuth', 'apigw-authorizer-request', 'Api#authorizer/ByRequest'],
      ['SpareAuth', 'apigw-authorizer-token', 'Api#authorizer/Unused'],
      ['TokenAuth', 'apigw-authorizer-token', 'Api#authorizer/ByToken'],
    ]);
  });

  it("are reached by whoever reaches their routes, as if open; a private API's only from its network; an unused one by nobody", async () => {
    const { model } = await loadApp(project({ 'template.yaml': TEMPLATE, 'app.js': 'exports.handler = async () => ({});\n' }));
    const exposure = computeExposure(model);
    const of = (name: string) => exposure.get(`template.yaml/${name}`);
    assert.equal(of('TokenAuth')?.level, 'public');
    assert.equal(of('TokenAuth')?.paths[0]?.description, "anyone on the internet can call GET /items of Api, whose Lambda authorizer ByToken runs TokenAuth to check each request's credentials");
    assert.deepEqual(of('TokenAuth')?.paths[0]?.steps.map((s) => s.loc.line), [14]);
    assert.equal(of('RequestAuth')?.paths[0]?.description, "anyone on the internet can call POST /items of Api, whose Lambda authorizer ByRequest runs RequestAuth to check each request's credentials");
    assert.equal(of('InternalAuth')?.level, 'account');
    assert.deepEqual(of('SpareAuth'), { functionId: 'template.yaml/SpareAuth', level: 'internal', paths: [] });
  });
});
