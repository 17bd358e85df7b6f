/**
 * CloudFormation and SAM templates: resources of the serverless families (SAM, Lambda, API
 * Gateway v1/v2, S3, SQS, SNS, IAM, DynamoDB, EventBridge, nested stacks) with properties shaped
 * like the real ones, where any value may instead be an intrinsic tree, a hostile string or a
 * wrongly typed value; keys may be prototype names. Written as YAML with short-form tags or as
 * JSON, sometimes damaged.
 */
import fc from 'fast-check';
import { applyDamage, damage, hostileKey, hostileString, type Damage } from './hostile-text.js';
import { fn, map, scalar, seq, toJson, toYaml, type Tree } from './yaml-tree.js';

/** Logical ids the resources take, so that references often hit something. */
export const LOGICAL_IDS = ['Fn1', 'Fn2', 'Api', 'Bucket', 'Queue', 'Topic', 'Role', 'Table', 'Perm', 'Url'] as const;
const PARAMETERS = ['Stage', 'Env'] as const;
const CONDITIONS = ['IsProd', 'Never'] as const;
const PSEUDO = ['AWS::Region', 'AWS::AccountId', 'AWS::StackName', 'AWS::Partition', 'AWS::URLSuffix', 'AWS::NoValue', 'AWS::NotificationARNs'] as const;

const RESOURCE_TYPES = [
  'AWS::Serverless::Function',
  'AWS::Serverless::Api',
  'AWS::Serverless::HttpApi',
  'AWS::Serverless::SimpleTable',
  'AWS::Serverless::LayerVersion',
  'AWS::Serverless::StateMachine',
  'AWS::Serverless::Connector',
  'AWS::Serverless::Application',
  'AWS::Lambda::Function',
  'AWS::Lambda::Permission',
  'AWS::Lambda::Url',
  'AWS::Lambda::EventSourceMapping',
  'AWS::Lambda::Alias',
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGateway::Resource',
  'AWS::ApiGateway::Method',
  'AWS::ApiGateway::Authorizer',
  'AWS::ApiGateway::Stage',
  'AWS::ApiGateway::DomainName',
  'AWS::ApiGatewayV2::Api',
  'AWS::ApiGatewayV2::Route',
  'AWS::ApiGatewayV2::Integration',
  'AWS::ApiGatewayV2::Authorizer',
  'AWS::S3::Bucket',
  'AWS::S3::BucketPolicy',
  'AWS::SQS::Queue',
  'AWS::SQS::QueuePolicy',
  'AWS::SNS::Topic',
  'AWS::SNS::Subscription',
  'AWS::SNS::TopicPolicy',
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::DynamoDB::Table',
  'AWS::Events::Rule',
  'AWS::CloudFormation::Stack',
  'Custom::Thing',
] as const;

const INTRINSICS = ['Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::If', 'Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::FindInMap', 'Fn::ImportValue', 'Fn::Base64', 'Fn::Cidr', 'Fn::GetAZs', 'Fn::ToJsonString', 'Fn::Length', 'Condition', 'Fn::Transform'] as const;

const ident = fc.constantFrom(...LOGICAL_IDS, ...PARAMETERS, ...PSEUDO);
const str = (s: string): Tree => scalar(s);

function leaf(): fc.Arbitrary<Tree> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileString.map(str) },
    { weight: 2, arbitrary: fc.constantFrom('*', 'arn:aws:s3:::b/*', 'lambda.amazonaws.com', 'NONE', 'AWS_IAM', 'GET', '/{proxy+}', 'nodejs20.x', 'python3.12', 'app.handler', 's3:GetObject', 'sqs:*').map(str) },
    { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -5, max: 70000 }), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)).map(scalar) },
  );
}

/** An intrinsic tree: well-formed arguments mostly, wrong ones (maps, numbers, nesting) often. */
export function intrinsicTree(): fc.Arbitrary<Tree> {
  const { tree } = fc.letrec<{ tree: Tree; call: Tree }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf(), tie('call'), fc.array(tie('tree'), { maxLength: 3 }).map(seq), fc.array(fc.tuple(hostileKey(['Key', 'Value', 'Name']), tie('tree')), { maxLength: 3 }).map(map)),
    call: fc.oneof(
      { weight: 3, arbitrary: ident.map((id) => fn('Ref', str(id))) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...LOGICAL_IDS), fc.constantFrom('Arn', 'Url', 'FunctionUrl', 'RootResourceId', 'QueueUrl', 'TopicName', 'Outputs.X', 'x')).map(([id, att]) => fn('Fn::GetAtt', seq([str(id), str(att)]))) },
      { weight: 2, arbitrary: fc.array(fc.oneof(hostileString, ident.map((i) => `\${${i}}`), fc.constantFrom('${Fn1.Arn}', '${!x}', '${', '}', '${ }')), { maxLength: 4 }).map((parts) => fn('Fn::Sub', str(parts.join('')))) },
      { weight: 1, arbitrary: fc.tuple(hostileString, fc.array(fc.tuple(hostileKey(['a', 'b', 'Fn1']), tie('tree')), { maxLength: 2 })).map(([s, vars]) => fn('Fn::Sub', seq([str(`x-\${a}-${s}`), map(vars)]))) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...INTRINSICS), tie('tree')).map(([name, arg]) => fn(name, arg)) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...CONDITIONS, 'Missing'), tie('tree'), tie('tree')).map(([c, a, b]) => fn('Fn::If', seq([str(c), a, b]))) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(',', '', '\u001b'), fc.array(tie('tree'), { maxLength: 3 })).map(([d, items]) => fn('Fn::Join', seq([str(d), seq(items)]))) },
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: -1, max: 3 }), tie('tree')).map(([i, list]) => fn('Fn::Select', seq([scalar(i), list]))) },
    ),
  }));
  return tree;
}

/** A value for a property: the plausible one, an intrinsic, or something wrong. */
function value(plausible: fc.Arbitrary<Tree>): fc.Arbitrary<Tree> {
  return fc.oneof({ weight: 5, arbitrary: plausible }, { weight: 2, arbitrary: intrinsicTree() }, { weight: 1, arbitrary: leaf() });
}

const ref = (id: fc.Arbitrary<string> = fc.constantFrom(...LOGICAL_IDS)): fc.Arbitrary<Tree> => id.map((i) => fn('Ref', str(i)));
const arn = fc.constantFrom(...LOGICAL_IDS).map((i) => fn('Fn::GetAtt', seq([str(i), str('Arn')])));

function policyDocument(): fc.Arbitrary<Tree> {
  const statement = fc.record({
    Effect: value(fc.constantFrom('Allow', 'Deny', 'allow').map(str)),
    Action: value(fc.oneof(fc.constantFrom('*', 's3:*', 'lambda:InvokeFunction', 'sqs:SendMessage', 'iam:PassRole', 'dynamodb:Get*', 'sts:AssumeRole').map(str), fc.array(fc.constantFrom('s3:GetObject', 'sns:Publish', 'kms:Decrypt', '*').map(str), { maxLength: 3 }).map(seq))),
    Resource: value(fc.oneof(fc.constant(str('*')), arn, fc.array(arn, { maxLength: 2 }).map(seq))),
    Principal: value(fc.oneof(fc.constant(str('*')), fc.constant(map([['Service', str('lambda.amazonaws.com')]])), fc.constant(map([['AWS', str('*')]])))),
  });
  return fc.array(statement, { maxLength: 3 }).map((statements) => map([['Version', str('2012-10-17')], ['Statement', seq(statements.map((s) => map(Object.entries(s))))]]));
}

function samEvents(): fc.Arbitrary<Tree> {
  const event = fc.tuple(fc.constantFrom('Api', 'HttpApi', 'S3', 'SQS', 'SNS', 'Schedule', 'EventBridgeRule', 'DynamoDB', 'Kinesis', 'CloudWatchEvent', 'Nope'), fc.record({
    Path: value(fc.constantFrom('/', '/items/{id}', '/{proxy+}').map(str)),
    Method: value(fc.constantFrom('get', 'ANY', 'post').map(str)),
    RestApiId: ref(fc.constant('Api')),
    ApiId: ref(fc.constant('Api')),
    Bucket: ref(fc.constant('Bucket')),
    Queue: arn,
    Topic: ref(fc.constant('Topic')),
    Events: value(fc.constant(str('s3:ObjectCreated:*'))),
    Auth: value(fc.constantFrom(map([['Authorizer', str('NONE')]]), map([['ApiKeyRequired', scalar(true)]]))),
    Schedule: value(fc.constant(str('rate(1 minute)'))),
  }, { requiredKeys: [] })).map(([type, props]) => map([['Type', str(type)], ['Properties', map(Object.entries(props))]]));
  return fc.array(fc.tuple(hostileKey(['Get', 'Upload', 'Work']), value(event)), { maxLength: 3 }).map(map);
}

/** Properties by resource type: enough of each to reach the loader's paths for it. */
function properties(type: string): fc.Arbitrary<Tree> {
  const v = value;
  const shapes: Record<string, Record<string, fc.Arbitrary<Tree>>> = {
    function: {
      Handler: v(fc.constantFrom('app.handler', 'index.main', 'src/app.handler', '../x.y', 'app').map(str)),
      Runtime: v(fc.constantFrom('nodejs20.x', 'python3.12', 'nodejs8.10', 'java21', 'provided.al2').map(str)),
      CodeUri: v(fc.constantFrom('src/', './src', 'src/app.py', '.', '../outside', 's3://b/k.zip', 'missing/').map(str)),
      InlineCode: v(hostileString.map((s) => str(`exports.handler = async (e) => { return ${JSON.stringify(s)}; };`))),
      Events: samEvents(),
      Policies: v(fc.oneof(fc.constant(str('AdministratorAccess')), fc.array(fc.oneof(fc.constant(str('AmazonS3FullAccess')), fc.constant(map([['S3ReadPolicy', map([['BucketName', fn('Ref', str('Bucket'))]])]])), policyDocument()), { maxLength: 3 }).map(seq))),
      Role: v(arn),
      Environment: v(fc.array(fc.tuple(hostileKey(['TABLE', 'SECRET', 'API_KEY']), v(leaf())), { maxLength: 3 }).map((vars) => map([['Variables', map(vars)]]))),
      FunctionUrlConfig: v(fc.constantFrom('NONE', 'AWS_IAM', 'bad').map((a) => map([['AuthType', str(a)]]))),
      Layers: v(fc.array(ref(), { maxLength: 2 }).map(seq)),
    },
    api: {
      StageName: v(fc.constant(str('prod'))),
      Auth: v(fc.constant(map([['DefaultAuthorizer', str('Missing')], ['Authorizers', map([['Missing', map([['FunctionArn', fn('Fn::GetAtt', seq([str('Fn1'), str('Arn')]))]])]])]]))),
      DefinitionBody: v(fc.array(fc.tuple(hostileKey(['/a', '/{id}']), fc.constant(map([['get', map([['x-amazon-apigateway-integration', map([['uri', fn('Fn::Sub', str('arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn1.Arn}/invocations'))], ['type', str('aws_proxy')]])]])]]))), { maxLength: 2 }).map((paths) => map([['openapi', str('3.0.1')], ['paths', map(paths)]]))),
      Body: v(leaf()),
      Name: v(leaf()),
      ProtocolType: v(fc.constantFrom('HTTP', 'WEBSOCKET').map(str)),
    },
    iam: {
      AssumeRolePolicyDocument: policyDocument(),
      PolicyDocument: policyDocument(),
      Policies: v(fc.array(fc.tuple(hostileString, policyDocument()).map(([n, d]) => map([['PolicyName', str(n)], ['PolicyDocument', d]])), { maxLength: 2 }).map(seq)),
      ManagedPolicyArns: v(fc.array(fc.constantFrom('arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/Nope').map(str), { maxLength: 2 }).map(seq)),
      Roles: v(fc.array(ref(fc.constant('Role')), { maxLength: 2 }).map(seq)),
      Bucket: ref(fc.constant('Bucket')),
      Queues: v(fc.array(ref(fc.constant('Queue')), { maxLength: 1 }).map(seq)),
      Topics: v(fc.array(ref(fc.constant('Topic')), { maxLength: 1 }).map(seq)),
    },
    storage: {
      BucketName: v(leaf()),
      QueueName: v(leaf()),
      TopicName: v(leaf()),
      KmsMasterKeyId: v(leaf()),
      NotificationConfiguration: v(fc.constant(map([['LambdaConfigurations', seq([map([['Event', str('s3:ObjectCreated:*')], ['Function', fn('Fn::GetAtt', seq([str('Fn1'), str('Arn')]))]])])]]))),
      PublicAccessBlockConfiguration: v(fc.constant(map([['BlockPublicPolicy', scalar(false)]]))),
      Subscription: v(fc.constant(seq([map([['Protocol', str('lambda')], ['Endpoint', fn('Fn::GetAtt', seq([str('Fn2'), str('Arn')]))]])]))),
      TopicArn: ref(fc.constant('Topic')),
      Endpoint: arn,
      Protocol: v(fc.constantFrom('lambda', 'sqs', 'https').map(str)),
      StreamSpecification: v(fc.constant(map([['StreamViewType', str('NEW_IMAGE')]]))),
    },
    wiring: {
      Action: v(fc.constantFrom('lambda:InvokeFunction', 'lambda:*', 'lambda:InvokeFunctionUrl').map(str)),
      FunctionName: v(fc.oneof(ref(), arn)),
      Principal: v(fc.constantFrom('*', 'apigateway.amazonaws.com', 's3.amazonaws.com', '123456789012').map(str)),
      SourceArn: v(arn),
      AuthType: v(fc.constantFrom('NONE', 'AWS_IAM').map(str)),
      TargetFunctionArn: v(arn),
      EventSourceArn: v(arn),
      RouteKey: v(fc.constantFrom('$default', 'GET /items', 'ANY /{proxy+}').map(str)),
      Target: v(fc.constant(fn('Fn::Sub', str('integrations/${Api}')))),
      AuthorizationType: v(fc.constantFrom('NONE', 'AWS_IAM', 'CUSTOM', 'JWT').map(str)),
      HttpMethod: v(fc.constantFrom('GET', 'ANY').map(str)),
      Integration: v(fc.constant(map([['Type', str('AWS_PROXY')], ['Uri', fn('Fn::Sub', str('arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn1.Arn}/invocations'))]]))),
      RestApiId: ref(fc.constant('Api')),
      ApiId: ref(fc.constant('Api')),
      ResourceId: v(fc.constant(fn('Fn::GetAtt', seq([str('Api'), str('RootResourceId')])))),
      EventPattern: v(fc.constant(map([['source', seq([str('aws.s3')])]]))),
      Targets: v(fc.constant(seq([map([['Arn', fn('Fn::GetAtt', seq([str('Fn1'), str('Arn')]))], ['Id', str('t')]])]))),
      TemplateURL: v(fc.constantFrom('./nested.yaml', 'https://x/y.yaml', '../../etc/passwd').map(str)),
      Location: v(fc.constantFrom('./nested.yaml', 'missing.yaml').map(str)),
      Source: v(fc.constant(map([['Id', str('Fn1')]]))),
      Destination: v(fc.constant(map([['Id', str('Table')]]))),
      Permissions: v(fc.constant(seq([str('Read'), str('Write')]))),
    },
  };
  const family = /Function|LayerVersion|StateMachine/.test(type) ? 'function' : /Api|RestApi|DomainName|Authorizer|Stage/.test(type) && !/V2::Route|V2::Integration/.test(type) ? 'api' : /IAM|Policy/.test(type) ? 'iam' : /S3::Bucket$|SQS::Queue$|SNS::Topic$|Subscription|DynamoDB|SimpleTable/.test(type) ? 'storage' : 'wiring';
  const shape = shapes[family]!;
  const keys = Object.keys(shape);
  return fc
    .tuple(fc.subarray(keys), fc.array(fc.tuple(hostileKey(['Properties', 'Type', 'Tags']), intrinsicTree()), { maxLength: 1 }))
    .chain(([chosen, extra]) => fc.tuple(...chosen.map((k) => shape[k]!.map((t): [string, Tree] => [k, t]))).map((entries) => map([...entries, ...extra])));
}

function resource(): fc.Arbitrary<Tree> {
  return fc.constantFrom(...RESOURCE_TYPES).chain((type) =>
    fc.record({
      props: fc.oneof({ weight: 9, arbitrary: properties(type) }, { weight: 1, arbitrary: leaf() }),
      condition: fc.option(fc.constantFrom(...CONDITIONS, 'Missing'), { nil: undefined }),
      dependsOn: fc.option(fc.constantFrom(...LOGICAL_IDS), { nil: undefined }),
      metadata: fc.option(fc.constantFrom(map([['faasguard', map([['ignore', seq([map([['rule', str('*')], ['reason', str('fuzz')]])])]])]]), map([['cfn_nag', str('x')]])), { nil: undefined }),
    }).map(({ props, condition, dependsOn, metadata }) =>
      map([
        ['Type', str(type)],
        ['Properties', props],
        ...(condition ? ([['Condition', str(condition)]] as Array<[string, Tree]>) : []),
        ...(dependsOn ? ([['DependsOn', str(dependsOn)]] as Array<[string, Tree]>) : []),
        ...(metadata ? ([['Metadata', metadata]] as Array<[string, Tree]>) : []),
      ]),
    ),
  );
}

/** A whole template as a tree. */
export function templateTree(): fc.Arbitrary<Tree> {
  const resources = fc.uniqueArray(fc.tuple(hostileKey(LOGICAL_IDS), resource()), { selector: ([k]) => k, minLength: 1, maxLength: 6 });
  return fc
    .record({
      transform: fc.constantFrom<Tree | undefined>(str('AWS::Serverless-2016-10-31'), seq([str('AWS::Serverless-2016-10-31'), str('AWS::LanguageExtensions')]), undefined, str('Nope')),
      globals: fc.option(fc.tuple(fc.constantFrom('Function', 'Api', '__proto__'), properties('AWS::Serverless::Function')).map(([k, p]) => map([[k, p]])), { nil: undefined }),
      parameters: fc.array(fc.tuple(hostileKey(PARAMETERS), fc.option(hostileString, { nil: undefined })), { maxLength: 2 }),
      conditions: fc.array(fc.tuple(hostileKey(CONDITIONS), intrinsicTree()), { maxLength: 2 }),
      mappings: fc.option(fc.constant(map([['M', map([['us-east-1', map([['K', str('v')]])]])]])), { nil: undefined }),
      resources,
      outputs: fc.array(fc.tuple(hostileKey(['Out']), intrinsicTree()), { maxLength: 2 }),
    })
    .map((t) => {
      const entries: Array<[string, Tree]> = [['AWSTemplateFormatVersion', str('2010-09-09')]];
      if (t.transform) entries.push(['Transform', t.transform]);
      if (t.globals) entries.push(['Globals', t.globals]);
      if (t.parameters.length > 0) entries.push(['Parameters', map(t.parameters.map(([k, d]) => [k, map([['Type', str('String')], ...(d === undefined ? [] : ([['Default', str(d)]] as Array<[string, Tree]>))])]))]);
      if (t.conditions.length > 0) entries.push(['Conditions', map(t.conditions)]);
      if (t.mappings) entries.push(['Mappings', t.mappings]);
      entries.push(['Resources', map(t.resources)]);
      if (t.outputs.length > 0) entries.push(['Outputs', map(t.outputs.map(([k, v]) => [k, map([['Value', v]])]))]);
      return map(entries);
    });
}

/** A template file as written: YAML or JSON, possibly damaged. */
export interface TemplateFile {
  name: string;
  text: string;
}

export function templateFile(): fc.Arbitrary<TemplateFile> {
  return fc.tuple(templateTree(), fc.constantFrom('template.yaml', 'template.json', 'stack.template'), damage).map(([tree, name, d]: [Tree, string, Damage]) => ({
    name,
    text: applyDamage(name.endsWith('.json') ? toJson(tree) + '\n' : toYaml(tree), d),
  }));
}
