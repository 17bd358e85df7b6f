/**
 * sam-api-extra-stage: `OpenApiVersion` under `Globals: Api` removes the stage `Stage` of every SAM
 * REST API of the template, the implicit one included; the message says where to set it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { samApiExtraStage } from '../../src/rules/config/sam-api-extra-stage.js';
import { scan } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();
const RULE = { noCache: true, rules: [samApiExtraStage] };

/** A function with one Api event of the given properties, as template lines. */
function pythonFunction(name: string, event: string): string[] {
  return [
    `  ${name}:`,
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Runtime: python3.13',
    '      Handler: index.handler',
    "      InlineCode: 'def handler(event, context): return {}'",
    `      Events: { Call: { Type: Api, Properties: ${event} } }`,
  ];
}

function template(globals: string): string {
  return [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    'Globals:',
    '  Api:',
    globals,
    '    MethodSettings:',
    "      - { HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: 50 }",
    'Resources:',
    ...pythonFunction('Shop', '{ Method: GET, Path: /items }'),
    '  Orders:',
    '    Type: AWS::Serverless::Api',
    '    Properties: { StageName: prod }',
    '',
  ].join('\n');
}

describe('sam-api-extra-stage', () => {
  it('takes OpenApiVersion under Globals: Api for every SAM REST API of the template', async () => {
    const result = await scan(project({ 'template.yaml': template("    OpenApiVersion: '3.0.1'") }), RULE);
    assert.deepEqual(result.findings, []);
  });

  it('without it, reports the implicit and the explicit API, each with the place of its fix', async () => {
    const result = await scan(project({ 'template.yaml': template('    TracingEnabled: true') }), RULE);
    assert.deepEqual(
      result.findings.map((f) => [f.subject?.logicalId, f.location.line, f.message]),
      [
        [
          'ServerlessRestApi',
          15,
          "SAM deploys API ServerlessRestApi at a second stage, Stage, beside Prod, since the API sets no OpenApiVersion. Stage Prod has throttling (50 requests a second for every method) and X-Ray tracing; stage Stage has none, and every route answers there too: calls to …/Stage/ are limited only by the account-wide quota and are not traced. Set OpenApiVersion: '3.0.1' under Globals: Api (SAM makes this API from the functions' Api events) so that SAM deploys only stage Prod.",
        ],
        [
          'Orders',
          16,
          "SAM deploys API Orders at a second stage, Stage, beside prod, since the API sets no OpenApiVersion. Stage prod has throttling (50 requests a second for every method) and X-Ray tracing; stage Stage has none, and every route answers there too: calls to …/Stage/ are limited only by the account-wide quota and are not traced. Set OpenApiVersion: '3.0.1' on the API (or under Globals: Api for every API of the template) so that SAM deploys only stage prod.",
        ],
      ],
    );
  });

  it('names each limit and log setting with the methods it covers, and the authorization that still holds', async () => {
    const orders = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Orders:',
      '    Type: AWS::Serverless::Api',
      '    Properties:',
      '      StageName: prod',
      '      Auth: { DefaultAuthorizer: AWS_IAM }',
      '      MethodSettings:',
      "        - { HttpMethod: POST, ResourcePath: '/orders', ThrottlingRateLimit: 5 }",
      "        - { HttpMethod: GET, ResourcePath: '/orders', LoggingLevel: ERROR }",
      ...pythonFunction('Place', '{ RestApiId: !Ref Orders, Method: POST, Path: /orders }'),
      '',
    ].join('\n');
    const result = await scan(project({ 'template.yaml': orders }), RULE);
    assert.deepEqual(
      result.findings.map((f) => f.message.slice(0, f.message.indexOf(' Set OpenApiVersion'))),
      [
        "SAM deploys API Orders at a second stage, Stage, beside prod, since the API sets no OpenApiVersion. Stage prod has throttling (5 requests a second for POST /orders) and execution logging (ERROR for GET /orders); stage Stage has none, and every route answers there too (the API's authorization applies there as well): calls to …/Stage/ are limited only by the account-wide quota and write no execution log.",
      ],
    );
  });
});
