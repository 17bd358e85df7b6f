/**
 * scripts/unjudged-types.mjs: the resources of an app whose type no rule names as what it judges,
 * by type, with the ones that are a trigger's source counted apart.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PACKAGE_ROOT } from '../helpers/paths.js';
import { projectsRemovedAfterTests } from '../helpers/temp-project.js';

const project = projectsRemovedAfterTests();

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Network:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Network, CidrBlock: 10.0.1.0/24 }
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Network, CidrBlock: 10.0.2.0/24 }
  Uploads:
    Type: AWS::S3::Bucket
  Nightly:
    Type: AWS::Events::Rule
    Properties:
      ScheduleExpression: rate(1 day)
      Targets: [{ Id: job, Arn: !GetAtt Job.Arn }]
  Job:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
`;

describe('unjudged-types script', () => {
  it('counts the resources of types no rule judges, most first, and which of them are trigger sources', () => {
    const dir = project({ 'template.yaml': TEMPLATE });
    const out = execFileSync(process.execPath, [path.join(PACKAGE_ROOT, 'scripts', 'unjudged-types.mjs'), dir], { encoding: 'utf8' }).trim().split('\n');
    // The bucket and the function are judged; the VPC, its subnets and the rule are not.
    assert.equal(out[0], '6 resources of 5 types; 4 of 3 types no rule names (1 trigger source among them)');
    assert.deepEqual(out.slice(1).map((l) => l.trim()), ['2  AWS::EC2::Subnet', '1  AWS::EC2::VPC', '1  AWS::Events::Rule (1 trigger source)']);
  });
});
