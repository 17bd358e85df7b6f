/**
 * The Serverless Framework loader on a service with every kind of event and most provider settings:
 * each compiles to the CloudFormation the framework would generate, and loads into the same model
 * a SAM template would give.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { AppModel, LambdaFunction } from '../../src/model/app-model.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { display } from '../../src/model/value.js';
import { loadApp, scan } from '../../src/scan/scan.js';
import { FIXTURES } from '../helpers/paths.js';
import { removeProject, tempProject } from '../helpers/temp-project.js';

const DIR = path.join(FIXTURES, 'serverless/events-service');
const F = 'serverless.yml';

let model: AppModel;
let diagnostics: Diagnostic[];

function fn(name: string): LambdaFunction {
  const f = model.functions.find((x) => x.logicalId === `${name}LambdaFunction`);
  assert.ok(f, `function ${name}`);
  return f;
}

function triggers(name: string): string[] {
  return model.triggers.filter((t) => t.functionId === `${F}/${name}LambdaFunction`).map((t) => t.kind).sort();
}

before(async () => {
  ({ model, diagnostics } = await loadApp(DIR));
});

describe('Serverless Framework events and provider settings', () => {
  it('applies provider settings to every function', () => {
    const rest = fn('Rest');
    assert.equal(rest.runtime, 'python3.12');
    assert.equal(rest.tracing, 'Active');
    assert.equal(rest.kmsKeyArn, 'arn:aws:kms:us-east-1:111111111111:key/env');
    assert.equal(rest.inVpc, true);
    assert.equal(rest.reservedConcurrency, 5);
    assert.deepEqual(rest.layers, ['arn:aws:lambda:us-east-1:111111111111:layer:shared:3']);
    assert.equal(rest.deadLetterTarget, 'arn:aws:sns:us-east-1:111111111111:dlq');
    assert.equal(rest.asyncConfig?.onFailure, 'arn:aws:sqs:us-east-1:111111111111:failures');
    assert.equal(fn('PrivateUrl').timeout, 900);
  });

  it('compiles http events with every kind of authorization', () => {
    const rest = model.routes.filter((r) => r.apiId === `${F}/ApiGatewayRestApi` && r.method !== 'OPTIONS');
    const auth = Object.fromEntries(rest.map((r) => [`${r.method} ${r.path}`, [r.auth.type, r.auth.apiKeyRequired]]));
    assert.deepEqual(auth, {
      'GET /items': ['none', false],
      'DELETE /items/{id}': ['none', true],
      'GET /profile': ['cognito', false],
      'POST /admin': ['lambda', false],
    });
    const api = model.apis.find((a) => a.logicalId === 'ApiGatewayRestApi')!;
    assert.deepEqual(api.authorizers.map((a) => a.type).sort(), ['cognito', 'lambda']);
    assert.equal(api.resourcePolicy?.statements.length, 1);
    assert.equal(api.stages[0]?.tracing, true);
    assert.ok(api.stages[0]?.accessLogDestination, 'logs.restApi turns access logs on');
    const plan = model.resources.find((r) => r.logicalId === 'ApiGatewayUsagePlan')!;
    assert.deepEqual(plan.properties['Throttle'], { BurstLimit: 20, RateLimit: 10 });
    assert.ok(model.resources.some((r) => r.logicalId === 'ApiGatewayApiKey1'));
  });

  it('compiles httpApi events: the $default route, a JWT authorizer, IAM', () => {
    const routes = model.routes.filter((r) => r.apiId === `${F}/HttpApi`).map((r) => [r.method, r.path, r.auth.type, r.auth.authorizer ?? '']);
    assert.deepEqual(routes, [
      ['ANY', '$default', 'none', ''],
      ['GET', '/me', 'jwt', 'HttpApiAuthorizerJwtAuth'],
      ['POST', '/signed', 'iam', ''],
    ]);
    const api = model.apis.find((a) => a.logicalId === 'HttpApi')!;
    assert.deepEqual(api.authorizers.map((a) => [a.name, a.type]), [['HttpApiAuthorizerJwtAuth', 'jwt']]);
    assert.equal(display((api.cors as { AllowOrigins: string[] }).AllowOrigins), '["*"]');
  });

  it('compiles websocket events with a Lambda authorizer on $connect', () => {
    const ws = model.apis.find((a) => a.logicalId === 'WebsocketsApi')!;
    assert.equal(ws.protocol, 'websocket');
    assert.deepEqual(ws.authorizers.map((a) => [a.type, a.functionId]), [['lambda', `${F}/WsAuthLambdaFunction`]]);
    const connect = model.routes.find((r) => r.path === '$connect')!;
    assert.equal(connect.auth.type, 'lambda');
  });

  it('compiles polled sources into event source mappings', () => {
    assert.deepEqual(triggers('Streams'), ['dynamodb-stream', 'kafka-self-managed', 'kinesis-stream', 'mq']);
    const dynamo = model.triggers.find((t) => t.kind === 'dynamodb-stream')!;
    assert.equal(dynamo.details['MaximumRetryAttempts'], 3);
    assert.equal(dynamo.details['StartingPosition'], 'TRIM_HORIZON');
    assert.ok(model.resources.some((r) => r.logicalId === 'StreamsEventSourceMappingDynamodbOrders'));
    assert.equal(display(fn('Streams').role?.arn), 'arn:aws:iam::111111111111:role/existing');
  });

  it('compiles pushed sources: SNS, schedules, EventBridge, IoT, Cognito, CloudWatch Logs, ALB, Alexa', () => {
    assert.deepEqual(triggers('Notify'), ['alb', 'alexa', 'cloudwatch-logs', 'cognito-user-pool', 'eventbridge', 'eventbridge-scheduled', 'eventbridge-scheduled', 'iot', 'sns', 'sns']);
    const topic = model.triggers.find((t) => t.kind === 'sns' && t.sourceId === `${F}/SNSTopicAlerts`);
    assert.ok(topic, 'a topic name creates the topic');
    assert.ok(model.triggers.some((t) => t.kind === 'sns' && display(t.source) === 'arn:aws:sns:us-east-1:111111111111:external'));
    assert.ok(model.resources.some((r) => r.logicalId === 'NotifyEventsRuleSchedule2'), 'one rule per rate expression');
    assert.ok(model.triggers.some((t) => t.kind === 'cognito-user-pool' && t.sourceId === `${F}/CognitoUserPoolMembers`));
    const alexa = model.triggers.find((t) => t.kind === 'alexa' && t.functionId === `${F}/NotifyLambdaFunction`);
    assert.equal(display(alexa?.source), 'Alexa skill amzn1.ask.skill.x');
    assert.equal(diagnostics.find((d) => d.code === 'unsupported-event'), undefined, 'every event type of the service is known');
  });

  it('takes a declared listener as the source of an alb event', async () => {
    const { model: sls } = await loadApp(path.join(FIXTURES, 'rules/load-balancer-plaintext-listener/fail/sls'));
    const alb = sls.triggers.find((t) => t.kind === 'alb');
    assert.equal(alb?.sourceId, 'serverless.yml/HttpListener');
    // A listener given by its ARN stays text: its load balancer is not in the model.
    assert.equal(model.triggers.find((t) => t.kind === 'alb')?.sourceId, undefined);
  });

  it('scopes the framework\'s invoke permissions to their source', () => {
    const schedule = model.permissions.find((p) => p.logicalId === 'NotifyLambdaPermissionEventsRuleSchedule1')!;
    assert.equal(display(schedule.sourceArn), '${NotifyEventsRuleSchedule1.Arn}');
  });

  it('makes a Function URL with an aws_iam authorizer require IAM', () => {
    assert.equal(fn('PrivateUrl').urls[0]?.authType, 'AWS_IAM');
    assert.ok(!model.permissions.some((p) => p.logicalId === 'PrivateUrlLambdaPermissionFnUrl'));
  });

  it('puts the legacy iamRoleStatements and managed policies on the shared role', () => {
    const role = model.roles.find((r) => r.logicalId === 'IamRoleLambdaExecution')!;
    const actions = role.policies.flatMap((p) => p.document?.statements ?? []).flatMap((s) => s.actions.map(display));
    assert.ok(actions.includes('*'));
    assert.ok(role.policies.some((p) => p.kind === 'aws-managed' && p.name === 'AmazonS3ReadOnlyAccess'));
    assert.ok(role.policies.some((p) => p.name === 'AWSLambdaVPCAccessExecutionRole'), 'functions in a VPC get the VPC access policy');
  });

  it('runs every function with provider.iam.role when it names an existing role', async () => {
    const dir = tempProject({ 'serverless.yml': 'service: s\nprovider:\n  name: aws\n  iam:\n    role: arn:aws:iam::111111111111:role/shared\nfunctions:\n  a:\n    handler: a.main\n' });
    try {
      const app = await loadApp(dir);
      assert.equal(display(app.model.functions[0]?.role?.arn), 'arn:aws:iam::111111111111:role/shared');
      assert.deepEqual(app.model.roles, [], 'no role is generated');
    } finally {
      removeProject(dir);
    }
  });

  it('lets a per-function role inherit the provider statements when asked', async () => {
    const dir = tempProject({
      'serverless.yml': [
        'service: s',
        'plugins: [serverless-iam-roles-per-function]',
        'provider:',
        '  name: aws',
        '  iam:',
        '    role:',
        '      statements:',
        '        - { Effect: Allow, Action: sqs:SendMessage, Resource: "*" }',
        'functions:',
        '  a:',
        '    handler: a.main',
        '    iamRoleStatementsInherit: true',
        '    iamRoleStatements:',
        '      - { Effect: Allow, Action: s3:GetObject, Resource: "*" }',
        '  b:',
        '    handler: b.main',
        '    iamRoleStatements:',
        '      - { Effect: Allow, Action: s3:PutObject, Resource: "*" }',
        '',
      ].join('\n'),
    });
    try {
      const app = await loadApp(dir);
      const actions = (id: string) => app.model.roles.find((r) => r.logicalId === id)!.policies.flatMap((p) => p.document?.statements ?? []).flatMap((st) => st.actions.map(display));
      assert.ok(actions('AIamRoleLambdaExecution').includes('sqs:SendMessage'));
      assert.ok(!actions('BIamRoleLambdaExecution').includes('sqs:SendMessage'));
      assert.ok(!app.model.roles.some((r) => r.logicalId === 'IamRoleLambdaExecution'), 'no function runs with the shared role');
    } finally {
      removeProject(dir);
    }
  });

  it('ignores per-function statements without the plugin, and says so', async () => {
    const dir = tempProject({ 'serverless.yml': 'service: s\nprovider:\n  name: aws\nfunctions:\n  a:\n    handler: a.main\n    iamRoleStatements:\n      - { Effect: Allow, Action: s3:GetObject, Resource: "*" }\n' });
    try {
      const app = await loadApp(dir);
      assert.equal(app.model.functions[0]?.role?.roleId, `${F}/IamRoleLambdaExecution`);
      assert.ok(app.diagnostics.some((d) => d.code === 'serverless-plugin-missing'));
    } finally {
      removeProject(dir);
    }
  });
  it('keeps route paths and keys as text when a variable in them cannot be resolved (found by fuzzing)', async () => {
    const dir = tempProject({
      'serverless.yml': [
        'service: s',
        'provider:',
        '  name: aws',
        '  runtime: nodejs20.x',
        'functions:',
        '  api:',
        '    handler: handler.main',
        '    events:',
        '      - httpApi:',
        '          path: /items/${ssm:/prefix}',
        '          method: get',
        '      - http:',
        '          path: /orders/${ssm:/prefix}',
        '          method: get',
        '      - websocket:',
        '          route: ${ssm:/route}',
        '',
      ].join('\n'),
      'handler.js': 'exports.main = async () => ({});\n',
    });
    try {
      const result = await scan(dir, {});
      assert.deepEqual(result.diagnostics.filter((d) => d.code === 'rule-failed').map((d) => d.message), []);
      const { model } = await loadApp(dir);
      const routes = model.routes.map((r) => [typeof r.method, typeof r.path]);
      assert.equal(routes.length, 3);
      assert.deepEqual(routes, routes.map(() => ['string', 'string']));
      const paths = model.routes.map((r) => r.path).sort();
      assert.match(paths.find((p) => p.startsWith('/items/')) ?? '', /^\/items\/<unknown: .*ssm/);
      assert.match(paths.find((p) => p.startsWith('/orders/')) ?? '', /^\/orders\/<unknown: .*ssm/);
    } finally {
      removeProject(dir);
    }
  });
  it('keeps a WebSocket route key as text when both it and the service name are unresolved (found by fuzzing)', async () => {
    const dir = tempProject({
      'serverless.yml': 'service: ${opt:name}\nprovider:\n  name: aws\n  runtime: nodejs20.x\nfunctions:\n  api:\n    handler: handler.main\n    events:\n      - websocket:\n          route: ${opt:route}\n',
      'handler.js': 'exports.main = async () => ({});\n',
    });
    try {
      const result = await scan(dir, {});
      assert.deepEqual(result.diagnostics.filter((d) => d.code === 'rule-failed').map((d) => d.message), []);
      const { model } = await loadApp(dir);
      assert.equal(model.routes.length, 1);
      const [route] = model.routes;
      assert.match(String(route?.method), /^<unknown: \$\{opt:route\}/i);
      assert.match(String(route?.path), /^<unknown: \$\{opt:route\}/);
      assert.doesNotMatch(`${route?.method} ${route?.path}`, /\u0000/);
    } finally {
      removeProject(dir);
    }
  });
});
