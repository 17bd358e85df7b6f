/**
 * Trigger kinds are the runtime guard's source names (`@faasguard/guard/sources`), or a kind only
 * the scanner has: a kind the scanner reports is a name a guard `allow` list takes, and the two
 * lists cannot drift apart.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SOURCE_NAMES } from '@faasguard/guard/sources';
import { SCANNER_ONLY_TRIGGER_KINDS, SHARED_TRIGGER_KINDS, TRIGGER_KINDS } from '../../src/model/trigger-kind.js';
import { loadApp } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';

const DIR = path.join(FIXTURES, 'trigger-kinds');

describe('trigger kinds', () => {
  it('names each entry point of the fixture with the source name the guard gives it', async () => {
    const { model } = await loadApp(DIR);
    const kinds = model.triggers.map((t) => `${t.id} ${t.kind}`).sort();
    assert.deepEqual(kinds, [
      'sam/template.yaml/Assistant#actionGroup0 bedrock-agent',
      'sam/template.yaml/Delivery#ExtendedS3DestinationConfiguration0 kinesis-firehose',
      'sam/template.yaml/DeviceAuthorizer iot-authorizer',
      'sam/template.yaml/Gateway#authorizer/RequestCheck apigw-authorizer-request',
      'sam/template.yaml/Gateway#authorizer/TokenCheck apigw-authorizer-token',
      'sam/template.yaml/GraphSource appsync-resolver',
      'sam/template.yaml/Handler#Broker mq',
      'sam/template.yaml/Handler#Changes documentdb',
      'sam/template.yaml/Handler#Http apigw-http',
      'sam/template.yaml/Handler#Logs cloudwatch-logs',
      'sam/template.yaml/Handler#Msk kafka-msk',
      'sam/template.yaml/Handler#Nightly eventbridge-scheduled',
      'sam/template.yaml/Handler#OrderPlaced eventbridge',
      'sam/template.yaml/Handler#OwnKafka kafka-self-managed',
      'sam/template.yaml/Handler#Queue sqs',
      'sam/template.yaml/Handler#Rest apigw-rest',
      'sam/template.yaml/Handler#SignUp cognito-user-pool',
      'sam/template.yaml/Handler#Skill alexa',
      'sam/template.yaml/Handler#Stream kinesis-stream',
      'sam/template.yaml/Handler#TableStream dynamodb-stream',
      'sam/template.yaml/Handler#Telemetry iot',
      'sam/template.yaml/Handler#Topic sns',
      'sam/template.yaml/Handler#Uploads s3',
      'sam/template.yaml/HandlerUrl function-url',
      'sam/template.yaml/Inbound#action0 ses',
      'sam/template.yaml/LatticeTargets#target0 vpc-lattice',
      'sam/template.yaml/MskMapping kafka-msk',
      'sam/template.yaml/OddMapping unknown',
      'sam/template.yaml/Repository#trigger0 codecommit',
      'sam/template.yaml/ResizePoint#transformation0 s3-object-lambda',
      'sam/template.yaml/Seed cloudformation-custom-resource',
      'sam/template.yaml/SelfManagedMapping kafka-self-managed',
      'sam/template.yaml/Sftp transfer-identity-provider',
      'sam/template.yaml/SocketsConnect apigw-websocket',
      'sam/template.yaml/Workflow#Handle step-functions',
      'serverless/serverless.yml/HandlerLambdaFunction#alb0 alb',
      'serverless/serverless.yml/HandlerLambdaFunction#alexa2 alexa',
      'serverless/serverless.yml/HandlerLambdaFunction#cloudfront3 cloudfront',
      'serverless/serverless.yml/HandlerLambdaFunction#cognito-user-pool1 cognito-user-pool',
    ]);
  });

  it('reports only source names of the guard, or a kind only the scanner has', async () => {
    const { model } = await loadApp(DIR);
    const known = new Set<string>([...SOURCE_NAMES, ...SCANNER_ONLY_TRIGGER_KINDS]);
    assert.deepEqual([...new Set(model.triggers.map((t) => t.kind))].filter((k) => !known.has(k)), []);
  });

  it('declares every kind the loaders emit, and emits every kind it declares', async () => {
    const { model } = await loadApp(DIR);
    assert.deepEqual([...new Set(model.triggers.map((t) => t.kind))].sort(), [...TRIGGER_KINDS].sort());
  });

  it('shares a name with the guard for every kind but the scanner-only ones', () => {
    const names = new Set<string>(SOURCE_NAMES);
    assert.deepEqual(SHARED_TRIGGER_KINDS.filter((k) => !names.has(k)), []);
    assert.deepEqual(SCANNER_ONLY_TRIGGER_KINDS.filter((k) => names.has(k)), []);
  });
});
