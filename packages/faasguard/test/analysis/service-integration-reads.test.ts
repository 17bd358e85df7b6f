/**
 * A route whose AWS service integration writes into a table whose stream triggers a function passes
 * its callers on to that function; one whose integration only reads the table (`action/Scan`,
 * `action/GetItem`) puts nothing in the stream and is no way in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExposure } from '../../src/analysis/exposure.js';
import { loadApp } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

function method(name: string, verb: string, action: string): string {
  return `  ${name}:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: ${verb}
      AuthorizationType: NONE
      Integration:
        Type: AWS
        IntegrationHttpMethod: POST
        Credentials: arn:aws:iam::123456789012:role/apigw
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:dynamodb:action/${action}
        RequestTemplates:
          application/json: !Sub '{"TableName": "\${Reminders}"}'
`;
}

const TEMPLATE = `Resources:
  Reminders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      StreamSpecification: { StreamViewType: NEW_IMAGE }
  Scheduler:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/scheduler
      Code: { ZipFile: "exports.handler = async () => {};" }
  Stream:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref Scheduler
      EventSourceArn: !GetAtt Reminders.StreamArn
      StartingPosition: LATEST
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: reminders
${method('Create', 'POST', 'PutItem')}${method('List', 'GET', 'Scan')}`;

describe('service integrations that read', () => {
  it('are no way in to the function the source triggers; those that write are', async () => {
    const app = await loadApp(project({ 'template.yaml': TEMPLATE }));
    const e = computeExposure(app.model).get('template.yaml/Scheduler')!;
    assert.equal(e.level, 'public');
    assert.deepEqual(e.paths.filter((p) => p.level === 'public').map((p) => p.description), [
      'anyone on the internet can call POST / of Api (no authorization), whose dynamodb integration writes to Reminders, which invokes Scheduler',
    ]);
  });
});
