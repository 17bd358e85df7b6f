/**
 * Data a queue delivers is the sender's when an open API route's integration writes each request
 * into the queue: an injection in the queue's function is judged at the route's exposure (the
 * family's public severity) and the message names the route. Without the route the queue's
 * messages are the app's own.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { pathTraversal } from '../../src/rules/injection/path-traversal.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const HANDLER = `def handler(event, context):
    for record in event["Records"]:
        with open("/tmp/" + record["body"]) as f:
            print(f.read())
`;

const WORKER = `  Queue:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      CodeUri: src/
      Events:
        Messages:
          Type: SQS
          Properties:
            Queue: !GetAtt Queue.Arn
`;

const API = `  Api:
    Type: AWS::Serverless::HttpApi
    Properties:
      DefinitionBody:
        openapi: '3.0.1'
        info:
          title: orders
        paths:
          /orders:
            post:
              x-amazon-apigateway-integration:
                type: aws_proxy
                integrationSubtype: SQS-SendMessage
                credentials: !GetAtt ApiRole.Arn
                payloadFormatVersion: '1.0'
                requestParameters:
                  MessageBody: $request.body
                  QueueUrl: !Ref Queue
  ApiRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Service: apigateway.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: send
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: sqs:SendMessage
                Resource: !GetAtt Queue.Arn
`;

const template = (resources: string): string => `Transform: AWS::Serverless-2016-10-31\nResources:\n${resources}`;

describe('a queue fed by an API route', () => {
  const fed = tempProject({ 'template.yaml': template(WORKER + API), 'src/app.py': HANDLER });
  const alone = tempProject({ 'template.yaml': template(WORKER), 'src/app.py': HANDLER });
  after(() => {
    removeProject(fed);
    removeProject(alone);
  });

  it('judges the messages at the open route\'s exposure and names the route', async () => {
    const { findings } = await scan(fed, { rules: [pathTraversal] });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.location.file, f.location.line, f.severity]), [['path-traversal', 'src/app.py', 3, 'critical']]);
    assert.match(findings[0]!.message, /^Message body of an SQS message from Queue \(fed by POST \/orders of Api, open to anyone\) reaches/);
  });

  it("takes the messages of a queue nothing outside writes to for the app's own", async () => {
    const { findings } = await scan(alone, { rules: [pathTraversal] });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.location.line, f.severity]), [['path-traversal', 3, 'medium']]);
    assert.match(findings[0]!.message, /^Message body of an SQS message from Queue reaches/);
  });
});
