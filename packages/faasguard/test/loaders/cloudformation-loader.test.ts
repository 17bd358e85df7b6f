/**
 * Plain CloudFormation templates (no SAM transform) into the AppModel, checked through loadApp.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { AppModel, LambdaFunction } from '../../src/model/app-model.js';
import { Composite, ResourceRef, Unknown } from '../../src/model/value.js';
import { loadApp } from '../../src/scan/scan.js';
import { computeExposure } from '../../src/analysis/exposure.js';
import { lineOf, removeProject, tempProject } from '../helpers/temp-project.js';
import { URL_INVOKE_GRANT } from '../helpers/function-url-grant.js';

const made: string[] = [];
after(() => made.forEach(removeProject));

async function load(files: Record<string, string>, options: Parameters<typeof loadApp>[1] = {}) {
  const dir = tempProject(files);
  made.push(dir);
  return loadApp(dir, options);
}

function fnById(model: AppModel, id: string): LambdaFunction {
  const fn = model.functions.find((f) => f.id === id);
  assert.ok(fn, `function ${id} in the model (have: ${model.functions.map((f) => f.id).join(', ')})`);
  return fn;
}

const LAMBDA = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: logs
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: logs:PutLogEvents
                Resource: '*'
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AmazonS3FullAccess
  ExtraPolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: extra
      Roles:
        - !Ref Role
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: sqs:SendMessage
            Resource: '*'
  Dlq:
    Type: AWS::SQS::Queue
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      MemorySize: 256
      Timeout: 30
      ReservedConcurrentExecutions: 5
      Role: !GetAtt Role.Arn
      TracingConfig:
        Mode: Active
      DeadLetterConfig:
        TargetArn: !GetAtt Dlq.Arn
      Environment:
        Variables:
          TABLE_NAME: orders
          STAGE: prod
      Code:
        ZipFile: |
          exports.handler = async () => 'ok';
`;

describe('CloudFormation loader: AWS::Lambda::Function and IAM', () => {
  it('loads function properties, environment lines, role, tracing, DLQ and inline code', async () => {
    const { model, templates, diagnostics } = await load({ 'template.yaml': LAMBDA });
    assert.deepEqual(templates, ['template.yaml']);
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
    assert.equal(model.stacks[0]?.format, 'cloudformation');
    const fn = fnById(model, 'template.yaml/Fn');
    assert.equal(fn.logicalId, 'Fn');
    assert.equal(fn.loc.line, lineOf(LAMBDA, '  Fn:'));
    assert.equal(fn.runtime, 'nodejs20.x');
    assert.equal(fn.handler, 'index.handler');
    assert.equal(fn.memorySize, 256);
    assert.equal(fn.timeout, 30);
    assert.equal(fn.reservedConcurrency, 5);
    assert.deepEqual(
      fn.environment.map((e) => [e.name, e.value, e.loc.line]),
      [
        ['TABLE_NAME', 'orders', lineOf(LAMBDA, 'TABLE_NAME:')],
        ['STAGE', 'prod', lineOf(LAMBDA, 'STAGE:')],
      ],
    );
    assert.equal(fn.role?.roleId, 'template.yaml/Role');
    assert.equal(fn.role?.loc.line, lineOf(LAMBDA, 'Role: !GetAtt'));
    assert.equal(fn.tracing, 'Active');
    assert.ok(fn.deadLetterTarget instanceof ResourceRef);
    assert.equal(fn.deadLetterTarget.target, 'template.yaml/Dlq');
    assert.equal(fn.code.kind, 'inline');
    assert.match(fn.code.inline ?? '', /exports\.handler/);
    assert.equal(fn.inVpc, false);
  });

  it('loads role policies: inline, AWS managed (with its document) and an AWS::IAM::Policy attached through Roles', async () => {
    const { model } = await load({ 'template.yaml': LAMBDA });
    const role = model.roles.find((r) => r.id === 'template.yaml/Role');
    assert.ok(role);
    assert.equal(role.trust?.statements[0]?.principals[0]?.type, 'Service');
    assert.equal(role.trust?.statements[0]?.principals[0]?.value, 'lambda.amazonaws.com');

    const inline = role.policies.find((p) => p.name === 'logs');
    assert.equal(inline?.kind, 'inline');
    assert.deepEqual(inline?.document?.statements[0]?.actions, ['logs:PutLogEvents']);

    const managed = role.policies.find((p) => p.kind === 'aws-managed');
    assert.ok(managed, 'AWS managed policy attached');
    assert.equal(managed.name, 'AmazonS3FullAccess');
    assert.equal(managed.arn, 'arn:aws:iam::aws:policy/AmazonS3FullAccess');
    assert.equal(managed.loc.line, lineOf(LAMBDA, '- arn:aws:iam::aws:policy/AmazonS3FullAccess'));
    assert.ok(managed.document, 'managed policy document from the policy data');
    assert.ok(
      managed.document.statements.some((s) => s.effect === 'Allow' && s.actions.includes('s3:*')),
      `a statement allows s3:* (got ${JSON.stringify(managed.document.statements.map((s) => s.actions))})`,
    );

    const extra = role.policies.find((p) => p.name === 'extra');
    assert.equal(extra?.kind, 'inline');
    assert.deepEqual(extra?.document?.statements[0]?.actions, ['sqs:SendMessage']);
    assert.equal(extra?.loc.line, lineOf(LAMBDA, '  ExtraPolicy:'));

    const generic = model.resources.find((r) => r.id === 'template.yaml/Role');
    assert.equal(generic?.kind, 'role');
  });
});

const LINKS = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::123456789012:role/external
      Code:
        S3Bucket: artifacts
        S3Key: fn.zip
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        IgnorePublicAcls: true
        BlockPublicPolicy: false
        RestrictPublicBuckets: false
      NotificationConfiguration:
        LambdaConfigurations:
          - Event: s3:ObjectCreated:*
            Function: !GetAtt Fn.Arn
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: '*'
            Action: s3:*
            Resource: '*'
  Permission:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Fn
      Principal: s3.amazonaws.com
      SourceArn: !GetAtt Bucket.Arn
  Url:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !GetAtt Fn.Arn
      AuthType: NONE
  Queue:
    Type: AWS::SQS::Queue
  QueueMapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref Fn
      EventSourceArn: !GetAtt Queue.Arn
      BatchSize: 10
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      StreamSpecification:
        StreamViewType: NEW_IMAGE
  StreamMapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !GetAtt Fn.Arn
      EventSourceArn: !GetAtt Table.StreamArn
      StartingPosition: LATEST
  InvokeConfig:
    Type: AWS::Lambda::EventInvokeConfig
    Properties:
      FunctionName: !Ref Fn
      Qualifier: $LATEST
      MaximumRetryAttempts: 0
      MaximumEventAgeInSeconds: 60
      DestinationConfig:
        OnFailure:
          Destination: !GetAtt Queue.Arn
  Topic:
    Type: AWS::SNS::Topic
  Subscription:
    Type: AWS::SNS::Subscription
    Properties:
      Protocol: lambda
      TopicArn: !Ref Topic
      Endpoint: !GetAtt Fn.Arn
  Nightly:
    Type: AWS::Events::Rule
    Properties:
      ScheduleExpression: rate(1 day)
      Targets:
        - Id: fn
          Arn: !GetAtt Fn.Arn
  OnEvent:
    Type: AWS::Events::Rule
    Properties:
      EventPattern:
        source:
          - aws.ec2
      Targets:
        - Id: fn
          Arn: !GetAtt Fn.Arn
`;

describe('CloudFormation loader: permissions, URLs, event sources, storage and events', () => {
  it('loads code from S3 and an external role ARN', async () => {
    const { model } = await load({ 'template.yaml': LINKS });
    const fn = fnById(model, 'template.yaml/Fn');
    assert.equal(fn.code.kind, 's3');
    assert.equal(fn.role?.roleId, undefined);
    assert.equal(fn.role?.arn, 'arn:aws:iam::123456789012:role/external');
  });

  it('loads AWS::Lambda::Permission', async () => {
    const { model } = await load({ 'template.yaml': LINKS });
    const perm = model.permissions.find((p) => p.id === 'template.yaml/Permission');
    assert.ok(perm);
    assert.equal(perm.functionId, 'template.yaml/Fn');
    assert.equal(perm.principal, 's3.amazonaws.com');
    assert.equal(perm.action, 'lambda:InvokeFunction');
    assert.ok(perm.sourceArn instanceof ResourceRef);
    assert.equal(perm.sourceArn.target, 'template.yaml/Bucket');
    assert.equal(perm.sourceArn.attribute, 'Arn');
    assert.equal(perm.loc.line, lineOf(LINKS, '  Permission:'));
  });

  it('loads AWS::Lambda::Url as one of fn.urls and a function-url trigger', async () => {
    const { model } = await load({ 'template.yaml': LINKS });
    const fn = fnById(model, 'template.yaml/Fn');
    assert.equal(fn.urls[0]?.authType, 'NONE');
    assert.equal(fn.urls[0]?.loc.line, lineOf(LINKS, 'AuthType: NONE'));
    const t = model.triggers.find((x) => x.kind === 'function-url');
    assert.equal(t?.id, 'template.yaml/Url');
    assert.equal(t?.functionId, 'template.yaml/Fn');
    assert.equal(t?.asynchronous, false);
  });

  it('keeps each URL of a function (one per alias) with its own auth, and the exposure follows each', async () => {
    const template = LINKS + URL_INVOKE_GRANT + `  AliasUrl:
    Type: AWS::Lambda::Url
    Properties:
      TargetFunctionArn: !GetAtt Fn.Arn
      Qualifier: live
      AuthType: AWS_IAM
`;
    const { model } = await load({ 'template.yaml': template });
    const fn = fnById(model, 'template.yaml/Fn');
    assert.deepEqual(fn.urls.map((u) => `${u.triggerId} ${String(u.qualifier)} ${String(u.authType)}`), ['template.yaml/Url undefined NONE', 'template.yaml/AliasUrl live AWS_IAM']);
    const paths = computeExposure(model).get(fn.id)?.paths.filter((p) => p.via.endsWith('Url')).map((p) => `${p.via} ${p.level}`);
    assert.deepEqual(paths?.sort(), ['template.yaml/AliasUrl account', 'template.yaml/Url public']);
  });

  it("takes a NONE URL for no way in where no permission grants everyone lambda:InvokeFunction, which AWS requires of a public URL", async () => {
    const { model } = await load({ 'template.yaml': LINKS });
    const fn = fnById(model, 'template.yaml/Fn');
    assert.deepEqual(computeExposure(model).get(fn.id)?.paths.filter((p) => p.via.endsWith('Url')), []);
    const granted = await load({ 'template.yaml': LINKS + URL_INVOKE_GRANT });
    assert.deepEqual(computeExposure(granted.model).get(fn.id)?.paths.filter((p) => p.via.endsWith('Url')).map((p) => p.level), ['public']);
  });

  it('loads event source mappings from an SQS queue and a DynamoDB stream', async () => {
    const { model } = await load({ 'template.yaml': LINKS });
    const sqs = model.triggers.find((x) => x.id === 'template.yaml/QueueMapping');
    assert.equal(sqs?.kind, 'sqs');
    assert.equal(sqs?.functionId, 'template.yaml/Fn');
    assert.equal(sqs?.sourceId, 'template.yaml/Queue');
    assert.equal(sqs?.details['BatchSize'], 10);
    const ddb = model.triggers.find((x) => x.id === 'template.yaml/StreamMapping');
    assert.equal(ddb?.kind, 'dynamodb-stream');
    assert.equal(ddb?.functionId, 'template.yaml/Fn');
    assert.equal(ddb?.sourceId, 'template.yaml/Table');
    assert.equal(ddb?.details['StartingPosition'], 'LATEST');
  });

  it('loads AWS::Lambda::EventInvokeConfig', async () => {
    const { model } = await load({ 'template.yaml': LINKS });
    const cfg = fnById(model, 'template.yaml/Fn').asyncConfig;
    assert.ok(cfg);
    assert.equal(cfg.maxRetryAttempts, 0);
    assert.equal(cfg.maxEventAgeSeconds, 60);
    assert.ok(cfg.onFailure instanceof ResourceRef);
    assert.equal(cfg.onFailure.target, 'template.yaml/Queue');
    assert.equal(cfg.loc.line, lineOf(LINKS, '  InvokeConfig:'));
  });

  it('loads S3 notifications, bucket policy and public access block', async () => {
    const { model } = await load({ 'template.yaml': LINKS });
    const s3 = model.triggers.filter((x) => x.kind === 's3');
    assert.equal(s3.length, 1);
    assert.equal(s3[0]?.sourceId, 'template.yaml/Bucket');
    assert.equal(s3[0]?.functionId, 'template.yaml/Fn');
    assert.equal(s3[0]?.asynchronous, true);
    assert.equal(s3[0]?.loc.line, lineOf(LINKS, '- Event: s3:ObjectCreated:*'));
    const bucket = model.resources.find((r) => r.id === 'template.yaml/Bucket');
    assert.ok(bucket);
    assert.equal(bucket.kind, 'bucket');
    assert.equal(bucket.policies.length, 1);
    assert.equal(bucket.policies[0]?.statements[0]?.effect, 'Deny');
    assert.equal(bucket.policies[0]?.statements[0]?.principals[0]?.type, '*');
    assert.deepEqual(
      { ...bucket.publicAccessBlock, loc: undefined },
      { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false, loc: undefined },
    );
    assert.equal(bucket.publicAccessBlock?.loc.line, lineOf(LINKS, 'BlockPublicAcls'));
  });

  it('loads an SNS subscription and EventBridge schedule / pattern rules', async () => {
    const { model } = await load({ 'template.yaml': LINKS });
    const sns = model.triggers.find((x) => x.kind === 'sns');
    assert.equal(sns?.id, 'template.yaml/Subscription');
    assert.equal(sns?.sourceId, 'template.yaml/Topic');
    assert.equal(sns?.functionId, 'template.yaml/Fn');
    const schedule = model.triggers.find((x) => x.kind === 'eventbridge-scheduled');
    assert.equal(schedule?.sourceId, 'template.yaml/Nightly');
    assert.equal(schedule?.details['schedule'], 'rate(1 day)');
    assert.equal(schedule?.functionId, 'template.yaml/Fn');
    const eb = model.triggers.find((x) => x.kind === 'eventbridge');
    assert.equal(eb?.sourceId, 'template.yaml/OnEvent');
    assert.deepEqual(eb?.details['pattern'], { source: ['aws.ec2'] });
    assert.equal(eb?.functionId, 'template.yaml/Fn');
  });
});

const REST = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Code:
        ZipFile: x
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
  Orders:
    Type: AWS::ApiGateway::Resource
    Properties:
      RestApiId: !Ref Api
      ParentId: !GetAtt Api.RootResourceId
      PathPart: orders
  Order:
    Type: AWS::ApiGateway::Resource
    Properties:
      RestApiId: !Ref Api
      ParentId: !Ref Orders
      PathPart: '{id}'
  UserPool:
    Type: AWS::Cognito::UserPool
  Auth:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Name: cognito
      Type: COGNITO_USER_POOLS
      IdentitySource: method.request.header.Authorization
      ProviderARNs:
        - !GetAtt UserPool.Arn
  GetOrder:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Order
      HttpMethod: get
      AuthorizationType: NONE
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
  DeleteOrder:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Order
      HttpMethod: DELETE
      AuthorizationType: COGNITO_USER_POOLS
      AuthorizerId: !Ref Auth
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
`;

const HTTP = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Code:
        ZipFile: x
  HttpApi:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: items
      ProtocolType: HTTP
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref HttpApi
      IntegrationType: AWS_PROXY
      IntegrationUri: !GetAtt Fn.Arn
      PayloadFormatVersion: '2.0'
  JwtAuth:
    Type: AWS::ApiGatewayV2::Authorizer
    Properties:
      ApiId: !Ref HttpApi
      AuthorizerType: JWT
      Name: jwt
      IdentitySource:
        - $request.header.Authorization
      JwtConfiguration:
        Audience:
          - client
        Issuer: https://issuer.example.com
  GetItems:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref HttpApi
      RouteKey: GET /items
      AuthorizationType: JWT
      AuthorizerId: !Ref JwtAuth
      Target: !Sub integrations/\${Integration}
  PostItems:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref HttpApi
      RouteKey: POST /items
      Target: !Join ['/', [integrations, !Ref Integration]]
`;

describe('CloudFormation loader: API Gateway', () => {
  it('REST API: resource chain paths, methods, auth types and integration functions', async () => {
    const { model } = await load({ 'api.yaml': REST });
    const api = model.apis.find((a) => a.id === 'api.yaml/Api');
    assert.ok(api);
    assert.equal(api.protocol, 'rest');
    assert.equal(api.implicit, false);
    assert.deepEqual(api.authorizers.map((a) => [a.name, a.type]), [['Auth', 'cognito']]);
    assert.equal(api.authorizers[0]?.userPools?.length, 1);

    const get = model.routes.find((r) => r.id === 'api.yaml/GetOrder');
    assert.ok(get);
    assert.equal(get.apiId, 'api.yaml/Api');
    assert.equal(get.path, '/orders/{id}');
    assert.equal(get.method, 'GET');
    assert.equal(get.functionId, 'api.yaml/Fn');
    assert.equal(get.auth.type, 'none');
    assert.equal(get.auth.apiKeyRequired, false);
    assert.equal(get.auth.loc.line, lineOf(REST, 'AuthorizationType: NONE'));

    const del = model.routes.find((r) => r.id === 'api.yaml/DeleteOrder');
    assert.ok(del);
    assert.equal(del.path, '/orders/{id}');
    assert.equal(del.method, 'DELETE');
    assert.equal(del.functionId, 'api.yaml/Fn');
    assert.equal(del.auth.type, 'cognito');
    assert.equal(del.auth.authorizer, 'Auth');

    const apiTriggers = model.triggers.filter((t) => t.kind === 'apigw-rest').map((t) => [t.routeId, t.functionId, t.sourceId]);
    assert.deepEqual(apiTriggers.sort(), [
      ['api.yaml/DeleteOrder', 'api.yaml/Fn', 'api.yaml/Api'],
      ['api.yaml/GetOrder', 'api.yaml/Fn', 'api.yaml/Api'],
    ]);
  });

  it('HTTP API: routes through integrations, JWT authorizer and a route without auth', async () => {
    const { model } = await load({ 'http.yaml': HTTP });
    const api = model.apis.find((a) => a.id === 'http.yaml/HttpApi');
    assert.ok(api);
    assert.equal(api.protocol, 'http');
    assert.deepEqual(api.authorizers.map((a) => [a.name, a.type]), [['JwtAuth', 'jwt']]);

    const getItems = model.routes.find((r) => r.id === 'http.yaml/GetItems');
    assert.ok(getItems);
    assert.equal(getItems.method, 'GET');
    assert.equal(getItems.path, '/items');
    assert.equal(getItems.functionId, 'http.yaml/Fn');
    assert.equal(getItems.auth.type, 'jwt');
    assert.equal(getItems.auth.authorizer, 'JwtAuth');
    assert.equal(getItems.auth.loc.line, lineOf(HTTP, 'AuthorizationType: JWT'));

    const post = model.routes.find((r) => r.id === 'http.yaml/PostItems');
    assert.ok(post);
    assert.equal(post.method, 'POST');
    assert.equal(post.path, '/items');
    assert.equal(post.functionId, 'http.yaml/Fn');
    assert.equal(post.auth.type, 'none');
    assert.equal(post.auth.authorizer, undefined);
    assert.equal(post.auth.loc.line, lineOf(HTTP, '  PostItems:'));
  });
});

const CONDITIONAL = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env:
    Type: String
    Default: dev
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Always:
    Type: AWS::SQS::Queue
  ProdOnly:
    Type: AWS::Lambda::Function
    Condition: IsProd
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Code:
        ZipFile: x
`;

describe('CloudFormation loader: conditions', () => {
  it('leaves out a resource whose condition is false with the parameter default', async () => {
    const { model } = await load({ 'template.yaml': CONDITIONAL });
    assert.deepEqual(model.functions, []);
    assert.deepEqual(model.resources.map((r) => r.logicalId), ['Always']);
    assert.equal(model.stacks[0]?.parameters[0]?.value, 'dev');
  });

  it('keeps it when the parameter is given', async () => {
    const { model } = await load({ 'template.yaml': CONDITIONAL }, { params: new Map([['Env', 'prod']]) });
    assert.deepEqual(model.functions.map((f) => f.id), ['template.yaml/ProdOnly']);
    assert.deepEqual(model.resources.map((r) => r.logicalId).sort(), ['Always', 'ProdOnly']);
    assert.equal(model.stacks[0]?.parameters[0]?.value, 'prod');
  });
});

const SMALL_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Environment:
        Variables:
          MODE: fast
      Code:
        ZipFile: x
`;

const SMALL_JSON = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Fn": {
      "Type": "AWS::Lambda::Function",
      "Properties": {
        "Runtime": "nodejs20.x",
        "Handler": "index.handler",
        "Environment": {
          "Variables": {
            "MODE": "fast"
          }
        },
        "Code": {
          "ZipFile": "x"
        }
      }
    }
  }
}
`;

describe('CloudFormation loader: JSON templates', () => {
  it('loads the same function from JSON as from YAML, with JSON line numbers', async () => {
    const { model, templates } = await load({ 'a.yaml': SMALL_YAML, 'b.json': SMALL_JSON });
    assert.deepEqual(templates, ['a.yaml', 'b.json']);
    const y = fnById(model, 'a.yaml/Fn');
    const j = fnById(model, 'b.json/Fn');
    const strip = (f: LambdaFunction) => ({ ...f, id: '', stack: '', loc: undefined, environment: f.environment.map((e) => ({ ...e, loc: undefined })), code: { ...f.code, loc: undefined } });
    assert.deepEqual(strip(j), strip(y));
    assert.equal(j.loc.file, 'b.json');
    assert.equal(j.loc.line, lineOf(SMALL_JSON, '"Fn":'));
    assert.equal(j.environment[0]?.loc.line, lineOf(SMALL_JSON, '"MODE"'));
    assert.equal(j.runtime, 'nodejs20.x');
    assert.equal(y.loc.line, lineOf(SMALL_YAML, '  Fn:'));
    assert.equal(y.environment[0]?.loc.line, lineOf(SMALL_YAML, 'MODE:'));
  });
});

const INTRINSICS = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Thing:
    Type: AWS::SSM::Parameter
    Properties:
      Joined: !Join ['-', [prefix, !Ref Queue, suffix]]
      Imported: !ImportValue shared-vpc
      Subnets: !Cidr ['10.0.0.0/16', 2, 8]
      Missing: !Ref NotThere
`;

const CYCLE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  A:
    Type: AWS::SQS::Queue
    DependsOn: B
  B:
    Type: AWS::SQS::Queue
    DependsOn: A
`;

describe('CloudFormation loader: intrinsics in a plain template', () => {
  it('evaluates Fn::Join, Fn::ImportValue and Fn::Cidr, and reports a broken Ref with its line', async () => {
    const { model, diagnostics } = await load({ 'template.yaml': INTRINSICS });
    const thing = model.resources.find((r) => r.logicalId === 'Thing');
    assert.ok(thing);
    const joined = thing.properties['Joined'];
    assert.ok(joined instanceof Composite, 'Fn::Join with a Ref is a Composite');
    assert.equal(joined.parts[0], 'prefix-');
    assert.ok(joined.parts[1] instanceof ResourceRef);
    assert.equal(joined.parts[1].target, 'template.yaml/Queue');
    assert.equal(joined.parts[2], '-suffix');
    const imported = thing.properties['Imported'];
    assert.ok(imported instanceof Unknown);
    assert.match(imported.reason, /shared-vpc/);
    assert.deepEqual(thing.properties['Subnets'], ['10.0.0.0/24', '10.0.1.0/24']);
    assert.ok(thing.properties['Missing'] instanceof Unknown);

    const broken = diagnostics.filter((d) => d.code === 'broken-reference');
    assert.ok(broken.length >= 1, 'a broken-reference diagnostic');
    assert.ok(broken.every((d) => d.loc.file === 'template.yaml' && d.loc.line === lineOf(INTRINSICS, 'Missing: !Ref NotThere')));
    assert.match(broken[0]!.message, /NotThere/);
    assert.equal(broken[0]!.severity, 'error');
  });

  it('reports two resources that depend on each other as a reference cycle', async () => {
    const { diagnostics } = await load({ 'template.yaml': CYCLE });
    const cycles = diagnostics.filter((d) => d.code === 'reference-cycle');
    assert.equal(cycles.length, 1);
    assert.equal(cycles[0]?.loc.file, 'template.yaml');
    assert.ok([lineOf(CYCLE, '  A:'), lineOf(CYCLE, '  B:')].includes(cycles[0]!.loc.line));
    assert.match(cycles[0]!.message, /A → B → A|B → A → B/);
  });
});
