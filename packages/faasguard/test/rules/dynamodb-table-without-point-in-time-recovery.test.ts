/**
 * What dynamodb-table-without-point-in-time-recovery says of each table: how the setting is off,
 * which functions can delete or overwrite its items (and which cannot), the fix as the source
 * spells it; and the tables it leaves alone.
 */
import { WEBSOCKET_API } from '../helpers/websocket-api.js';
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { dynamodbTableWithoutPointInTimeRecovery } from '../../src/rules/config/dynamodb-table-without-point-in-time-recovery.js';
import { scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();
const RULE = { noCache: true, rules: [dynamodbTableWithoutPointInTimeRecovery] };
const RISK = 'items deleted or overwritten, by a bug or by an attacker who reaches what writes to it, cannot be restored to the second before; only backups made some other way could bring them back.';

async function said(dir: string): Promise<Array<[string, string]>> {
  const result = await scan(dir, RULE);
  return result.findings.map((f) => [f.subject?.logicalId ?? '', f.message]);
}

describe('dynamodb-table-without-point-in-time-recovery', () => {
  it('says how the setting is off, who can delete or overwrite the items, and the fix as the source spells it', async () => {
    assert.deepEqual(await said(path.join(FIXTURES, 'rules', 'dynamodb-table-without-point-in-time-recovery', 'fail')), [
      ['aws_dynamodb_table.carts', `Table aws_dynamodb_table.carts leaves point-in-time recovery off (no point_in_time_recovery block): ${RISK} Set point_in_time_recovery { enabled = true }.`],
      ['aws_dynamodb_table.history', `Table aws_dynamodb_table.history has point-in-time recovery turned off (point_in_time_recovery { enabled = false }): ${RISK} Set point_in_time_recovery { enabled = true }.`],
      ['Orders', `Table Orders leaves point-in-time recovery off (no PointInTimeRecoverySpecification): ${RISK} Function Cleaner can delete its items (dynamodb:BatchWriteItem, dynamodb:DeleteItem) and overwrite them; function Writer can overwrite them. Set PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }.`],
      // Reader reads it and may create backups: neither changes an item.
      ['Audit', `Table Audit has point-in-time recovery turned off (PointInTimeRecoveryEnabled: false): ${RISK} Set PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }.`],
      ['Sessions', `Table Sessions leaves point-in-time recovery off (no PointInTimeRecoverySpecification): ${RISK} Set PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }.`],
      ['Replicated', `Global table Replicated leaves point-in-time recovery off in its replica in us-east-1: ${RISK} Set PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } on each replica.`],
    ]);
  });

  it('leaves alone a table with it on, one whose setting is a parameter, and one an AWS Backup selection names', async () => {
    assert.deepEqual(await said(path.join(FIXTURES, 'rules', 'dynamodb-table-without-point-in-time-recovery', 'pass')), []);
  });

  it('leaves alone a Terraform table whose point_in_time_recovery block enables it', async () => {
    const dir = project({ 'main.tf': 'resource "aws_dynamodb_table" "carts" {\n  name     = "carts"\n  hash_key = "id"\n  attribute {\n    name = "id"\n    type = "S"\n  }\n  point_in_time_recovery {\n    enabled = true\n  }\n}\n' });
    assert.deepEqual(await said(dir), []);
  });

  it('finds writers by the table name a parameter gives both, and by table/*, in the same app only', async () => {
    const table = (name: string) => `    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: ${name}\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]\n      KeySchema: [{ AttributeName: id, KeyType: HASH }]\n`;
    const fn = (statement: string) => `    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.13\n      Handler: app.handler\n      InlineCode: "def handler(e, c): pass"\n      Policies:\n${statement}`;
    const dir = project({
      'shop/template.yaml':
        'Transform: AWS::Serverless-2016-10-31\nParameters:\n  TableName:\n    Type: String\n    Default: Carts\nResources:\n  Carts:\n' + table('!Ref TableName') +
        '  ByName:\n' + fn('        - DynamoDBCrudPolicy: { TableName: !Ref TableName }\n') +
        '  Everything:\n' + fn('        - Statement:\n            - Effect: Allow\n              Action: dynamodb:PutItem\n              Resource: !Sub arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*\n'),
      'other/template.yaml': 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Elsewhere:\n' + fn('        - Statement:\n            - Effect: Allow\n              Action: dynamodb:*\n              Resource: "*"\n'),
    });
    const found = await said(dir);
    assert.equal(found.length, 1);
    assert.match(found[0]![1], / Function ByName can delete its items \(dynamodb:BatchWriteItem, dynamodb:DeleteItem\) and overwrite them; function Everything can overwrite them\. Set /);
  });

  it('names the actions that let a function delete items, and says whether it can overwrite them too', async () => {
    const table = '    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]\n      KeySchema: [{ AttributeName: id, KeyType: HASH }]\n';
    const fn = (policy: string) => `    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.13\n      Handler: app.handler\n      InlineCode: "def handler(e, c): pass"\n      Policies:\n${policy}`;
    const dir = project({
      'template.yaml':
        'Transform: AWS::Serverless-2016-10-31\nResources:\n  Sessions:\n' + table + '  Orders:\n' + table +
        // SAM's write policy sounds like writing only; its BatchWriteItem deletes too.
        '  Recorder:\n' + fn('        - DynamoDBWritePolicy: { TableName: !Ref Sessions }\n') +
        '  Purger:\n' + fn('        - Statement:\n            - Effect: Allow\n              Action: dynamodb:DeleteItem\n              Resource: !GetAtt Orders.Arn\n'),
    });
    const writers = Object.fromEntries((await said(dir)).map(([table, message]) => [table, /\. (Function [^.]*)\. Set/.exec(message)?.[1]]));
    assert.deepEqual(writers, {
      Sessions: 'Function Recorder can delete its items (dynamodb:BatchWriteItem) and overwrite them',
      Orders: 'Function Purger can delete its items (dynamodb:DeleteItem)',
    });
  });

  it('names the API routes whose DynamoDB integration deletes or overwrites items', async () => {
    const method = (name: string, verb: string, action: string) =>
      `  ${name}:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: !Ref Api\n      ResourceId: !GetAtt Api.RootResourceId\n      HttpMethod: ${verb}\n      AuthorizationType: NONE\n      Integration:\n        Type: AWS\n        IntegrationHttpMethod: POST\n        Credentials: arn:aws:iam::123456789012:role/apigw\n        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:dynamodb:action/${action}\n        RequestTemplates:\n          application/json: !Sub '{"TableName": "\${Comments}"}'\n`;
    const dir = project({
      'template.yaml':
        'Resources:\n  Comments:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]\n      KeySchema: [{ AttributeName: id, KeyType: HASH }]\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: comments\n' +
        method('Post', 'POST', 'PutItem') + method('Remove', 'DELETE', 'DeleteItem') + method('List', 'GET', 'Scan'),
    });
    const found = await said(dir);
    assert.equal(found.length, 1);
    assert.match(found[0]![1], / API route DELETE \/ can delete its items; API route POST \/ can overwrite them\. Set /);
  });

  it("does not name a route that keys each item by the request's own id: it writes new items only", async () => {
    const method = (name: string, verb: string, key: string) =>
      `  ${name}:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: !Ref Api\n      ResourceId: !GetAtt Api.RootResourceId\n      HttpMethod: ${verb}\n      AuthorizationType: NONE\n      Integration:\n        Type: AWS\n        IntegrationHttpMethod: POST\n        Credentials: arn:aws:iam::123456789012:role/apigw\n        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:dynamodb:action/UpdateItem\n        RequestTemplates:\n          application/json: !Sub |\n            {"TableName": "\${Comments}", "Key": {"id": {"S": "${key}"}}, "UpdateExpression": "SET #m = :m", "ExpressionAttributeNames": {"#m": "message"}, "ExpressionAttributeValues": {":m": {"S": "$input.path('$.message')"}}}\n`;
    const dir = project({
      'template.yaml':
        'Resources:\n  Comments:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]\n      KeySchema: [{ AttributeName: id, KeyType: HASH }]\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: comments\n' +
        method('Create', 'POST', '$context.requestId') + method('Edit', 'PUT', "$input.params('id')"),
    });
    const result = await scan(dir, RULE);
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.location.file, f.location.line, (f.related ?? []).map((r) => r.message)]), [
      ['dynamodb-table-without-point-in-time-recovery', 'template.yaml', 2, ['route PUT / puts or updates items of Comments']],
    ]);
    assert.match(result.findings[0]!.message, / API route PUT \/ can overwrite its items\. Set /);
  });

  it("does not name a WebSocket route that keys the item by the connection's id: each connection touches only its own", async () => {
    const route = (name: string, key: string, action: string, itemKey: string) => `  ${name}Route:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Chat
      RouteKey: ${key}
      Target: !Sub integrations/\${${name}Integration}
  ${name}Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Chat
      IntegrationType: AWS
      IntegrationMethod: POST
      CredentialsArn: arn:aws:iam::123456789012:role/apigw
      IntegrationUri: !Sub arn:aws:apigateway:\${AWS::Region}:dynamodb:action/${action}
      RequestTemplates:
        \$default: !Sub '{"TableName": "\${Connections}", ${action === 'PutItem' ? '"Item"' : '"Key"'}: {"connectionId": {"S": "${itemKey}"}}}'
`;
    const dir = project({
      'template.yaml':
        'Resources:\n  Connections:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions: [{ AttributeName: connectionId, AttributeType: S }]\n      KeySchema: [{ AttributeName: connectionId, KeyType: HASH }]\n' +
        WEBSOCKET_API + route('Connect', '$connect', 'PutItem', '$context.connectionId') + route('Disconnect', '$disconnect', 'DeleteItem', '$context.connectionId') + route('Kick', 'kick', 'DeleteItem', '$input.body'),
    });
    const result = await scan(dir, RULE);
    assert.deepEqual(result.findings.map((f) => (f.related ?? []).map((r) => r.message)), [['route kick deletes items of Connections']]);
  });

  it('names the AppSync resolvers whose request deletes or overwrites items, read inline or from a local file', async () => {
    const dir = project({
      'template.yaml': APPSYNC_NOTES,
      'resolvers/delete-note.js': DELETE_NOTE_JS,
    });
    const result = await scan(dir, RULE);
    assert.equal(result.findings.length, 1);
    assert.equal(
      result.findings[0]!.message,
      `Table Notes leaves point-in-time recovery off (no PointInTimeRecoverySpecification): ${RISK} Resolver Mutation.deleteNote of GraphQL API NotesApi can delete its items; resolver Mutation.saveNote of GraphQL API NotesApi can overwrite them. Set PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }.`,
    );
    assert.deepEqual(result.findings[0]!.related?.map((r) => [r.loc.line, r.message]), [
      [41, 'resolver Mutation.deleteNote of GraphQL API NotesApi sends DeleteItem to Notes'],
      [31, 'resolver Mutation.saveNote of GraphQL API NotesApi sends PutItem to Notes'],
    ]);
  });

  it('reports a resolver code file that is not there at the line naming it, and judges the table all the same', async () => {
    const result = await scan(project({ 'template.yaml': APPSYNC_NOTES }), RULE);
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'file-not-found').map((d) => [d.severity, d.loc.file, d.loc.line, d.message]), [
      ['warning', 'template.yaml', 51, 'CodeS3Location resolvers/delete-note.js: no such file in the scanned directory; the DynamoDB operations of its request are unknown'],
    ]);
    assert.equal(result.findings.length, 1);
    assert.match(result.findings[0]!.message, / Resolver Mutation\.saveNote of GraphQL API NotesApi can overwrite its items\. Set /);
  });

  it('does not name a resolver that only reads, one whose puts make new keys, or a pipeline resolver', async () => {
    const readsOnly = APPSYNC_NOTES.replace('"operation": "PutItem"', '"operation": "GetItem"').replace('CodeS3Location: resolvers/delete-note.js', 'Code: "export const request = () => ({ operation: \'Scan\' });"');
    const newKeys = APPSYNC_NOTES.replace('"operation": "PutItem",\n          "key": { "id": $util.dynamodb.toDynamoDBJson($ctx.args.id)', '"operation": "PutItem",\n          "key": { "id": $util.dynamodb.toDynamoDBJson($util.autoId())').replace('DataSourceName: !GetAtt NotesSource.Name\n      Runtime:', 'Kind: PIPELINE\n      Runtime:');
    for (const template of [readsOnly, newKeys]) {
      const result = await scan(project({ 'template.yaml': template, 'resolvers/delete-note.js': DELETE_NOTE_JS }), RULE);
      assert.equal(result.findings.length, 1);
      assert.match(result.findings[0]!.message, /bring them back\. Set PointInTimeRecoverySpecification/);
    }
  });

  it("does not name a resolver whose data source's role may not send its operation", async () => {
    const role = '  NotesRole:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: appsync.amazonaws.com }\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: notes\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: [dynamodb:GetItem, dynamodb:PutItem]\n                Resource: !GetAtt Notes.Arn\n';
    const template = APPSYNC_NOTES.replace('ServiceRoleArn: arn:aws:iam::123456789012:role/appsync-notes', 'ServiceRoleArn: !GetAtt NotesRole.Arn') + role;
    const result = await scan(project({ 'template.yaml': template, 'resolvers/delete-note.js': DELETE_NOTE_JS }), RULE);
    assert.equal(result.findings.length, 1);
    assert.match(result.findings[0]!.message, /bring them back\. Resolver Mutation\.saveNote of GraphQL API NotesApi can overwrite its items\. Set /);
  });

  it('names a Terraform AppSync resolver and pipeline function, their code written inline or read by file()', async () => {
    const dir = project({
      'main.tf': TERRAFORM_APPSYNC,
      'functions/archive.js': "export function request(ctx) {\n  return { operation: 'UpdateItem', key: { id: util.dynamodb.toDynamoDB(ctx.args.id) } };\n}\n",
    });
    const result = await scan(dir, RULE);
    assert.equal(result.findings.length, 1);
    assert.match(result.findings[0]!.message, / Resolver Mutation\.deleteNote of GraphQL API aws_appsync_graphql_api\.notes can delete its items; pipeline function archive of GraphQL API aws_appsync_graphql_api\.notes can overwrite them\. Set point_in_time_recovery/);
  });

  it('names the state machines whose tasks delete or overwrite items, the table named by reference or by its name', async () => {
    const machine = (name: string, states: string) => `  ${name}:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: First
        States:
${states}`;
    const task = (state: string, resource: string, table: string, key: string, end = false) => `          ${state}:
            Type: Task
            Resource: arn:aws:states:::${resource}
            Parameters:
              TableName: ${table}
              Item:
                id.$: ${key}
            ${end ? 'End: true' : `Next: ${state}Done`}
${end ? '' : `          ${state}Done:\n            Type: Succeed\n`}`;
    const template = `Transform: AWS::Serverless-2016-10-31
Parameters:
  OrdersName:
    Type: String
    Default: orders
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Ref OrdersName
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
${machine('Cleanup', task('First', 'dynamodb:deleteItem', '!Ref Orders', '$.id', true))}${machine('Importer', task('First', 'dynamodb:putItem', '!Ref OrdersName', '$.id', true))}${machine('Creator', task('First', 'dynamodb:putItem', '!Ref Orders', 'States.UUID()', true))}${machine('Reader', task('First', 'aws-sdk:dynamodb:getItem', '!Ref Orders', '$.id', true))}`;
    const result = await scan(project({ 'template.yaml': template }), RULE);
    assert.equal(result.findings.length, 1);
    assert.match(result.findings[0]!.message, / State machine Cleanup can delete its items; state machine Importer can overwrite them\. Set /);
    assert.deepEqual(result.findings[0]!.related?.map((r) => r.message), ['task First of state machine Cleanup sends DeleteItem to Orders', 'task First of state machine Importer sends PutItem to Orders']);
  });

  it('names the IoT rules that put the messages they select into the table, not one that keys each by its time', async () => {
    const rule = (name: string, action: string, sql: string) => `  ${name}:
    Type: AWS::IoT::TopicRule
    Properties:
      TopicRulePayload:
        Sql: ${sql}
        Actions:
${action}`;
    const template = `Resources:
${NOTES_TABLE}  Readings:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: readings
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
${rule('Telemetry', '          - DynamoDBv2:\n              PutItem:\n                TableName: !Ref Notes\n              RoleArn: arn:aws:iam::123456789012:role/iot\n', "\"SELECT * FROM 'devices/+'\"")}${rule('Timeline', '          - DynamoDB:\n              TableName: readings\n              HashKeyField: id\n              HashKeyValue: ${topic(2)}-${timestamp()}\n              RoleArn: arn:aws:iam::123456789012:role/iot\n', "\"SELECT * FROM 'readings/+'\"")}`;
    const result = await scan(project({ 'template.yaml': template }), RULE);
    assert.deepEqual(result.findings.map((f) => [f.subject?.logicalId, f.message.slice(f.message.indexOf('bring them back.') + 17)]), [
      ['Notes', 'IoT rule Telemetry can overwrite its items. Set PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }.'],
      ['Readings', 'Set PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }.'],
    ]);
    assert.deepEqual(result.findings[0]!.related?.map((r) => r.message), ['IoT rule Telemetry puts each message it selects into Notes']);
  });

  it('names the pipeline functions of a SAM GraphQL API by their key, with the code its CodeUri names', async () => {
    const dir = project({
      'template.yaml': SAM_GRAPHQL,
      'functions/create-note.js': "import { util } from '@aws-appsync/utils';\nimport { put as putItem } from '@aws-appsync/utils/dynamodb';\nexport function request(ctx) {\n  return putItem({ key: { id: ctx.args.id }, item: ctx.args });\n}\n",
    });
    const result = await scan(dir, RULE);
    assert.equal(result.findings.length, 1);
    assert.match(result.findings[0]!.message, / Pipeline function createNote of GraphQL API NotesApi can overwrite its items\. Set /);
    assert.deepEqual(result.findings[0]!.related?.map((r) => [r.loc.line, r.message]), [[21, 'pipeline function createNote of GraphQL API NotesApi sends PutItem to Notes']]);
  });
});

/** An APPSYNC_JS resolver that deletes the item its arguments name. */
const DELETE_NOTE_JS = "import * as ddb from '@aws-appsync/utils/dynamodb';\nexport const request = (ctx) => ddb.remove({ key: { id: ctx.args.id } });\nexport const response = (ctx) => ctx.result;\n";

const NOTES_TABLE = `  Notes:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
`;

const APPSYNC_NOTES = `Resources:
${NOTES_TABLE}  NotesApi:
    Type: AWS::AppSync::GraphQLApi
    Properties:
      Name: notes
      AuthenticationType: API_KEY
  NotesSource:
    Type: AWS::AppSync::DataSource
    Properties:
      ApiId: !GetAtt NotesApi.ApiId
      Name: notes
      Type: AMAZON_DYNAMODB
      ServiceRoleArn: arn:aws:iam::123456789012:role/appsync-notes
      DynamoDBConfig:
        TableName: !Ref Notes
        AwsRegion: !Ref AWS::Region
  ReadNote:
    Type: AWS::AppSync::Resolver
    Properties:
      ApiId: !GetAtt NotesApi.ApiId
      TypeName: Query
      FieldName: getNote
      DataSourceName: !GetAtt NotesSource.Name
      RequestMappingTemplate: '{ "version": "2018-05-29", "operation": "GetItem", "key": { "id": $util.dynamodb.toDynamoDBJson($ctx.args.id) } }'
  SaveNote:
    Type: AWS::AppSync::Resolver
    Properties:
      ApiId: !GetAtt NotesApi.ApiId
      TypeName: Mutation
      FieldName: saveNote
      DataSourceName: !GetAtt NotesSource.Name
      RequestMappingTemplate: |
        { "version": "2018-05-29", "operation": "PutItem",
          "key": { "id": $util.dynamodb.toDynamoDBJson($ctx.args.id) } }
  DeleteNote:
    Type: AWS::AppSync::Resolver
    Properties:
      ApiId: !GetAtt NotesApi.ApiId
      TypeName: Mutation
      FieldName: deleteNote
      DataSourceName: !GetAtt NotesSource.Name
      Runtime:
        Name: APPSYNC_JS
        RuntimeVersion: 1.0.0
      CodeS3Location: resolvers/delete-note.js
`;

const SAM_GRAPHQL = `Transform: AWS::Serverless-2016-10-31
Resources:
${NOTES_TABLE}  NotesApi:
    Type: AWS::Serverless::GraphQLApi
    Properties:
      SchemaInline: "type Query { ping: String }"
      Auth:
        Type: API_KEY
      DataSources:
        DynamoDb:
          NotesTable:
            TableName: !Ref Notes
            TableArn: !GetAtt Notes.Arn
      Functions:
        createNote:
          Runtime: { Name: APPSYNC_JS, Version: 1.0.0 }
          DataSource: NotesTable
          CodeUri: functions/create-note.js
`;

const TERRAFORM_APPSYNC = `resource "aws_dynamodb_table" "notes" {
  name         = "notes"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_appsync_graphql_api" "notes" {
  name                = "notes"
  authentication_type = "API_KEY"
}

resource "aws_appsync_datasource" "notes" {
  api_id = aws_appsync_graphql_api.notes.id
  name   = "notes"
  type   = "AMAZON_DYNAMODB"
  dynamodb_config {
    table_name = aws_dynamodb_table.notes.name
  }
}

resource "aws_appsync_resolver" "delete_note" {
  api_id            = aws_appsync_graphql_api.notes.id
  type              = "Mutation"
  field             = "deleteNote"
  data_source       = aws_appsync_datasource.notes.name
  request_template  = <<EOF
{ "version": "2018-05-29", "operation": "DeleteItem", "key": { "id": $util.dynamodb.toDynamoDBJson($ctx.args.id) } }
EOF
  response_template = "$util.toJson($ctx.result)"
}

resource "aws_appsync_function" "archive" {
  api_id      = aws_appsync_graphql_api.notes.id
  name        = "archive"
  data_source = aws_appsync_datasource.notes.name
  code        = file("functions/archive.js")
  runtime {
    name            = "APPSYNC_JS"
    runtime_version = "1.0.0"
  }
}
`;
