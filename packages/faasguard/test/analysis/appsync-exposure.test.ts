/**
 * An AppSync GraphQL API invokes the functions that are its Lambda data sources: each is a trigger
 * of kind `appsync-resolver` from the API, and the API's default authorization decides who can
 * send the request (an API key, users or an authorizer: authenticated; IAM: account).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import { loadApp } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  ChatApi:
    Type: AWS::AppSync::GraphQLApi
    Properties:
      Name: chat
      AuthenticationType: API_KEY
  ChatSource:
    Type: AWS::AppSync::DataSource
    Properties:
      ApiId: !GetAtt ChatApi.ApiId
      Name: ChatLambda
      Type: AWS_LAMBDA
      LambdaConfig:
        LambdaFunctionArn: !GetAtt Answer.Arn
  TableSource:
    Type: AWS::AppSync::DataSource
    Properties:
      ApiId: !GetAtt ChatApi.ApiId
      Name: Messages
      Type: AMAZON_DYNAMODB
      DynamoDBConfig:
        TableName: messages
        AwsRegion: us-east-1
  Answer:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      InlineCode: exports.handler = async () => ({});
  Report:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      InlineCode: exports.handler = async () => ({});
  ReportsApi:
    Type: AWS::Serverless::GraphQLApi
    Properties:
      SchemaInline: |
        type Query { report(id: ID!): String }
      Auth:
        Type: AWS_IAM
      DataSources:
        Lambda:
          ReportSource:
            FunctionArn: !GetAtt Report.Arn
`;

const MAIN_TF = `resource "aws_appsync_graphql_api" "chat" {
  name                = "chat"
  authentication_type = "API_KEY"
}

resource "aws_appsync_datasource" "answer" {
  api_id = aws_appsync_graphql_api.chat.id
  name   = "answer"
  type   = "AWS_LAMBDA"
  lambda_config {
    function_arn = aws_lambda_function.answer.arn
  }
}

resource "aws_lambda_function" "answer" {
  function_name = "answer"
  role          = "arn:aws:iam::123456789012:role/answer"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "answer.zip"
}
`;

describe('AppSync data sources as triggers', () => {
  it('make the API a trigger of each Lambda data source, at the level its default authorization admits', async () => {
    const { model } = await loadApp(project({ 'template.yaml': TEMPLATE }));
    const triggers = model.triggers.filter((t) => t.kind === 'appsync-resolver').map((t) => [t.functionId, t.sourceId, t.details['dataSource'], t.loc.line]);
    assert.deepEqual(triggers, [
      ['template.yaml/Answer', 'template.yaml/ChatApi', 'ChatLambda', 16],
      ['template.yaml/Report', 'template.yaml/ReportsApi', 'ReportSource', 47],
    ]);
    const exposure = computeExposure(model);
    assert.equal(exposure.get('template.yaml/Answer')?.level, 'authenticated');
    assert.equal(exposure.get('template.yaml/Report')?.level, 'account');
  });

  it('in Terraform too', async () => {
    const { model } = await loadApp(project({ 'main.tf': MAIN_TF }));
    const triggers = model.triggers.filter((t) => t.kind === 'appsync-resolver').map((t) => [t.functionId, t.sourceId]);
    assert.deepEqual(triggers, [['main.tf/aws_lambda_function.answer', 'main.tf/aws_appsync_graphql_api.chat']]);
    assert.equal(computeExposure(model).get('main.tf/aws_lambda_function.answer')?.level, 'authenticated');
  });
});
