/**
 * `iam-action-granted-never-used` leaves out what Lambda's pollers do with the role: an MSK event
 * source on a cluster that authenticates with IAM connects, reads and commits offsets with it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '../../src/scan/scan.js';
import { iamActionGrantedNeverUsed } from '../../src/rules/privilege/iam-action-granted-never-used.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const CLUSTER = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc';

function template(access: string): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  Consumer:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: |
        def handler(event, context):
            return len(event['records'])
      Events:
        Orders:
          Type: MSK
          Properties:
            Stream: ${CLUSTER}
            StartingPosition: LATEST
            Topics: [orders]
${access}      Policies:
        - Statement:
            - Effect: Allow
              Action: [kafka-cluster:Connect, kafka-cluster:ReadData, kafka-cluster:DescribeGroup, kafka-cluster:AlterGroup, kafka-cluster:DescribeTopic, kafka-cluster:DescribeClusterDynamicConfiguration, kafka-cluster:WriteData]
              Resource: '*'
`;
}

async function unused(access: string): Promise<string[]> {
  const result = await scan(project({ 'template.yaml': template(access) }), { noCache: true, rules: [iamActionGrantedNeverUsed] });
  return result.findings.map((f) => f.message.slice(f.message.indexOf('never calls: ') + 'never calls: '.length));
}

describe('iam-action-granted-never-used and Lambda pollers', () => {
  it("counts the MSK poller's actions as used when the cluster authenticates with IAM", async () => {
    assert.deepEqual(await unused(''), ['kafka-cluster:WriteData.']);
  });

  it('not when the event source signs in with a secret', async () => {
    const scram = `            SourceAccessConfigurations:
              - Type: SASL_SCRAM_512_AUTH
                URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:orders
`;
    const [listed] = await unused(scram);
    assert.match(listed ?? '', /^kafka-cluster:AlterGroup, kafka-cluster:Connect, .*kafka-cluster:WriteData\.$/);
  });
});

/** A function that mounts an S3 Files access point, with `memory` and `directRead` as written. */
function s3FilesTemplate(memory: string, directRead: string): string {
  return `Transform: AWS::Serverless-2016-10-31
Resources:
  FileSystem:
    Type: AWS::S3Files::FileSystem
    Properties:
      Bucket: arn:aws:s3:::reports
      RoleArn: arn:aws:iam::123456789012:role/s3files
  AccessPoint:
    Type: AWS::S3Files::AccessPoint
    Properties:
      FileSystemId: !GetAtt FileSystem.FileSystemId
  Reader:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
${memory}      InlineCode: |
        def handler(event, context):
            return open('/mnt/data/report.csv').read()
      FileSystemConfigs:
        - Arn: !GetAtt AccessPoint.AccessPointArn
          LocalMountPath: /mnt/data
${directRead}      Policies:
        - Statement:
            - Effect: Allow
              Action: [s3files:ClientMount, s3files:ClientWrite]
              Resource: '*'
            - Effect: Allow
              Action: [s3:GetObject, s3:GetObjectVersion]
              Resource: arn:aws:s3:::reports/*
`;
}

describe('iam-action-granted-never-used and an S3 Files mount', () => {
  const listed = async (memory: string, directRead: string): Promise<string[]> => {
    const result = await scan(project({ 'template.yaml': s3FilesTemplate(memory, directRead) }), { noCache: true, rules: [iamActionGrantedNeverUsed] });
    return result.findings.map((f) => f.message.slice(f.message.indexOf('never calls: ') + 'never calls: '.length));
  };

  it("counts the mount's actions, and the direct reads of the bucket from 512 MB or when enabled", async () => {
    assert.deepEqual(await listed('      MemorySize: 512\n', ''), []);
    assert.deepEqual(await listed('', '          S3FilesConfig:\n            DirectS3Read: ENABLED\n'), []);
  });

  it('not the direct reads below 512 MB or when disabled', async () => {
    assert.deepEqual(await listed('', ''), ['s3:GetObject, s3:GetObjectVersion.']);
    assert.deepEqual(await listed('      MemorySize: 1024\n', '          S3FilesConfig:\n            DirectS3Read: DISABLED\n'), ['s3:GetObject, s3:GetObjectVersion.']);
  });
});
