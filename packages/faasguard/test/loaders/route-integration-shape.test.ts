/**
 * A function integration says what the function's event holds: the proxy event (`aws_proxy`), or a
 * custom integration's (`type: aws`: the body, or what request templates make). An explicit API's
 * own DefinitionBody keeps its integration for an operation a function's Api event also names: SAM
 * writes none into a definition it does not manage, so the route carries the definition's.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadApp } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';
import { functionInvokeUri, lambdaIntegration, samApiDefinition } from '../helpers/sam-api-definition.js';

const project = projectsRemovedAfterTests();

/** An operation's integration with a function of the template, as the definition writes it. */
function integration(type: 'aws' | 'aws_proxy', fn: string): string {
  return lambdaIntegration(type, functionInvokeUri(fn));
}

const TEMPLATE = `${samApiDefinition('swagger')}          /details:
            get:
${integration('aws', 'Details')}          /orders:
            post:
${integration('aws', 'Details')}                requestTemplates:
                  application/json: '{"body": $input.json("$")}'
          /status:
            get:
${integration('aws_proxy', 'Details')}  Details:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Events:
        Read:
          Type: Api
          Properties:
            RestApiId: !Ref Api
            Path: /details
            Method: get
`;

describe('function integrations of REST routes', () => {
  it('say whether the event is the proxy event, the body, or what request templates make; an event route takes the one its definition writes', async () => {
    const { model } = await loadApp(project({ 'template.yaml': TEMPLATE }));
    const shapes = Object.fromEntries(model.routes.map((r) => [`${r.method} ${r.path}`, { proxy: r.integration?.proxy, templates: r.integration?.requestTemplates }]));
    assert.deepEqual(shapes, {
      'GET /details': { proxy: false, templates: false },
      'POST /orders': { proxy: false, templates: true },
      'GET /status': { proxy: true, templates: undefined },
    });
    assert.equal(model.routes.filter((r) => r.path === '/details').length, 1);
  });

  it('drops an event route that an explicit definition does not have: SAM adds none to it, unless MergeDefinitions', async () => {
    const template = (merge: string): string => `${samApiDefinition('openapi', merge)}          /:
            get:
${integration('aws_proxy', 'Root')}  Root:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Events:
        Everything:
          Type: Api
          Properties:
            RestApiId: !Ref Api
            Path: /
            Method: ANY
`;
    const written = await loadApp(project({ 'template.yaml': template('') }));
    assert.deepEqual(written.model.routes.map((r) => `${r.method} ${r.path}`), ['GET /']);
    assert.deepEqual(written.model.triggers.map((t) => t.routeId), ['template.yaml/Api#GET /']);
    assert.deepEqual(written.diagnostics.filter((d) => d.code === 'sam-event-not-deployed').map((d) => d.loc.line), [22]);
    const merged = await loadApp(project({ 'template.yaml': template('      MergeDefinitions: true\n') }));
    assert.deepEqual(merged.model.routes.map((r) => `${r.method} ${r.path}`).sort(), ['ANY /', 'GET /']);
  });

  it('links an integration whose URI names a function of the stack by its FunctionName, and no other', async () => {
    const uri = (name: string): string => `arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${name}/invocations`;
    const template = `${samApiDefinition('openapi')}          /requests:
            post:
${lambdaIntegration('aws', `!Sub '${uri('${AWS::StackName}-Approval:live')}'`)}          /other:
            post:
${lambdaIntegration('aws', `!Sub '${uri('${AWS::StackName}-Elsewhere')}'`)}  Approval:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: !Sub '\${AWS::StackName}-Approval'
      Runtime: python3.13
      Handler: app.handler
      AutoPublishAlias: live
`;
    const { model } = await loadApp(project({ 'template.yaml': template }));
    assert.deepEqual(
      model.routes.map((r) => [`${r.method} ${r.path}`, r.functionId]),
      [
        ['POST /requests', 'template.yaml/Approval'],
        ['POST /other', undefined],
      ],
    );
  });
});
