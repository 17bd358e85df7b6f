/**
 * S3 object events that reach a function through EventBridge have their bucket as source
 * (loaders/cloudformation/s3-event-origins.ts): the bucket must send its events to EventBridge, and
 * the rule's pattern names it or names no bucket; in CloudFormation, SAM and Terraform alike.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadApp } from '../../src/scan/scan.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

async function sourcesOf(files: Record<string, string>): Promise<Record<string, string[]>> {
  const { model } = await loadApp(project(files));
  const out: Record<string, string[]> = {};
  for (const t of model.triggers) {
    const fn = t.functionId.split('/').pop()!;
    (out[fn] ??= []).push(`${t.kind} ${t.sourceId?.split('/').pop() ?? '-'}`);
  }
  return out;
}

const BUCKETS = `  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      NotificationConfiguration:
        EventBridgeConfiguration:
          EventBridgeEnabled: true
  Reports:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: acme-reports
      NotificationConfiguration:
        EventBridgeConfiguration:
          EventBridgeEnabled: true
  Quiet:
    Type: AWS::S3::Bucket
`;

const FUNCTION = (name: string, events = ''): string => `  ${name}:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
${events}`;

describe('S3 events through EventBridge', () => {
  it('takes the buckets a pattern names (by reference or name), or every sending bucket when it names none', async () => {
    const template = `Transform: AWS::Serverless-2016-10-31
Resources:
${BUCKETS}${FUNCTION('Named', `      Events:
        Files:
          Type: EventBridgeRule
          Properties:
            Pattern:
              source: [aws.s3]
              detail: { bucket: { name: [!Ref Uploads, acme-reports] } }
`)}${FUNCTION('Any', `      Events:
        Files:
          Type: EventBridgeRule
          Properties:
            Pattern: { source: [aws.s3], detail-type: [Object Created] }
`)}${FUNCTION('Quietly', `      Events:
        Files:
          Type: EventBridgeRule
          Properties:
            Pattern: { source: [aws.s3], detail: { bucket: { name: [!Ref Quiet] } } }
`)}${FUNCTION('Orders', `      Events:
        Placed:
          Type: EventBridgeRule
          Properties:
            Pattern: { source: [shop.orders] }
`)}`;
    assert.deepEqual(await sourcesOf({ 'template.yaml': template }), {
      Named: ['eventbridge Uploads', 'eventbridge Reports'],
      Any: ['eventbridge Uploads', 'eventbridge Reports'],
      // Quiet sends nothing to EventBridge; a SAM event names no source of its own.
      Quietly: ['eventbridge -'],
      Orders: ['eventbridge -'],
    });
  });

  it('reads an AWS::Events::Rule, its pattern written as JSON text too; other rules keep the rule as source', async () => {
    const template = `Transform: AWS::Serverless-2016-10-31
Resources:
${BUCKETS}${FUNCTION('Scanner')}  UploadRule:
    Type: AWS::Events::Rule
    Properties:
      EventPattern: '{"source":["aws.s3"],"detail":{"bucket":{"name":["acme-reports"]}}}'
      Targets: [{ Id: scan, Arn: !GetAtt Scanner.Arn }]
  OrderRule:
    Type: AWS::Events::Rule
    Properties:
      EventPattern: { source: [shop.orders] }
      Targets: [{ Id: scan, Arn: !GetAtt Scanner.Arn }]
`;
    assert.deepEqual(await sourcesOf({ 'template.yaml': template }), { Scanner: ['eventbridge Reports', 'eventbridge OrderRule'] });
  });

  it('reads Terraform: a bucket notification with eventbridge = true, a rule and its target', async () => {
    const tf = `resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket      = aws_s3_bucket.uploads.id
  eventbridge = true
}

resource "aws_cloudwatch_event_rule" "uploaded" {
  event_pattern = jsonencode({
    source = ["aws.s3"]
    detail = { bucket = { name = [aws_s3_bucket.uploads.id] } }
  })
}

resource "aws_cloudwatch_event_target" "scan" {
  rule = aws_cloudwatch_event_rule.uploaded.name
  arn  = aws_lambda_function.scan.arn
}

resource "aws_lambda_function" "scan" {
  function_name = "scan"
  role          = "arn:aws:iam::123456789012:role/scan"
  handler       = "index.handler"
  runtime       = "nodejs22.x"
  filename      = "scan.zip"
}
`;
    assert.deepEqual(await sourcesOf({ 'main.tf': tf }), { 'aws_lambda_function.scan': ['eventbridge aws_s3_bucket.uploads'] });
  });
});
