/**
 * A switch or block that a rule reads, written as a literal of the wrong kind, is a template AWS
 * rejects: a warning at its line says the property was not judged, and the scan goes on.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadApp } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `Parameters:
  Exposed:
    Type: String
Resources:
  Broker:
    Type: AWS::AmazonMQ::Broker
    Properties:
      PubliclyAccessible: maybe
      Logs: 42
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: 'TRUE'
      Enabled: [true]
  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: 1
        IgnorePublicAcls: true
        BlockPublicPolicy: !Ref Exposed
  Api:
    Type: AWS::AppSync::GraphQLApi
    Properties:
      Name: chat
      AuthenticationType: API_KEY
      LogConfig: verbose
  Jobs:
    Type: AWS::AmazonMQ::Broker
    Properties:
      PubliclyAccessible: !Ref Exposed
      Logs:
        General: true
  Receive:
    Type: AWS::SES::ReceiptRule
    Properties:
      RuleSetName: inbound
      Rule:
        Actions:
          LambdaAction: { FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:inbox }
  Devices:
    Type: AWS::IoT::Authorizer
    Properties:
      AuthorizerFunctionArn: arn:aws:lambda:us-east-1:123456789012:function:authorize
      SigningDisabled: yes please
  Repository:
    Type: AWS::CodeCommit::Repository
    Properties:
      RepositoryName: app
      Triggers:
        - Name: on-push
          DestinationArn: arn:aws:lambda:us-east-1:123456789012:function:hook
          Events: [all]
`;

describe('properties of the wrong kind', () => {
  it('warns at each literal of the wrong kind, and at none of the right kind or known only at deploy time', async () => {
    const { model, diagnostics } = await loadApp(project({ 'template.yaml': TEMPLATE }));
    const warnings = diagnostics.filter((d) => d.code === 'property-kind').map((d) => [d.severity, d.loc.line, d.message.split(':')[0]]);
    assert.deepEqual(warnings, [
      ['warning', 8, 'PubliclyAccessible of Broker is "maybe", not true or false'],
      ['warning', 9, 'Logs of Broker is 42, not a block of properties'],
      ['warning', 14, 'Enabled of Key is a list, not true or false'],
      ['warning', 19, 'PublicAccessBlockConfiguration.BlockPublicAcls of Uploads is 1, not true or false'],
      ['warning', 27, 'LogConfig of Api is "verbose", not a block of properties'],
      ['warning', 40, 'Rule.Actions of Receive is a block of properties, not a list'],
      ['warning', 45, 'SigningDisabled of Devices is "yes please", not true or false'],
    ]);
    // The scan goes on: every resource is in the model.
    assert.equal(model.resources.length, 8);
  });
});
