/**
 * AWS SDK call extraction: each SDK style (v3 commands, lib-dynamodb, paginators, lib-storage, v2
 * clients and DocumentClient, boto3 clients and resources) → the IAM actions it needs, and whether
 * the call is made with credentials the code supplies (`!own`) rather than the execution role.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { actionsFor, actionsForCall } from '../../src/code/aws-calls/action-exceptions.js';
import type { FileCalls } from '../../src/code/aws-calls/aws-call.js';
import { extractJsCalls } from '../../src/code/aws-calls/extract-js.js';
import { PREFIX_EXCEPTIONS } from '../../src/code/aws-calls/service-map.js';
import { isKnownService } from '../../src/iam/action-catalog.js';
import { extractPythonCalls } from '../../src/code/aws-calls/extract-python.js';
import { parseJs } from '../../src/code/parse-js.js';
import { loadPythonParser, parsePython } from '../../src/code/parse-python.js';

/** [style, code, expected `action@target` entries, expected number of undetermined calls] */
const JS_CASES: Array<[string, string, string[], number?]> = [
  ['v3 client command', "import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});\nawait s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: 'k' }));", ['s3:PutObject@env:BUCKET']],
  ['v3 require + namespace', "const sqs = require('@aws-sdk/client-sqs');\nnew sqs.SendMessageBatchCommand({ QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/1/q' });", ['sqs:SendMessage@literal:https://sqs.eu-west-1.amazonaws.com/1/q']],
  ['lib-dynamodb PutCommand', "const { PutCommand } = require('@aws-sdk/lib-dynamodb');\nconst TABLE = process.env.ORDERS_TABLE;\ndb.send(new PutCommand({ TableName: TABLE, Item: {} }));", ['dynamodb:PutItem@env:ORDERS_TABLE']],
  ['lib-dynamodb transaction', "import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';\nnew TransactWriteCommand({ TransactItems: [] });", ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem']],
  ['v3 paginator', "import { paginateListObjectsV2 } from '@aws-sdk/client-s3';\nfor await (const p of paginateListObjectsV2({ client }, { Bucket: 'assets' })) {}", ['s3:ListBucket@literal:assets']],
  ['v3 aggregated client', "import { Lambda } from '@aws-sdk/client-lambda';\nconst l = new Lambda({});\nawait l.invoke({ FunctionName: process.env.TARGET });", ['lambda:InvokeFunction@env:TARGET']],
  ['lib-storage Upload', "import { Upload } from '@aws-sdk/lib-storage';\nnew Upload({ client, params: { Bucket: process.env.B, Key: 'k', Body: b } });", ['s3:PutObject@env:B']],
  ['v2 inline client', "const AWS = require('aws-sdk');\nawait new AWS.S3().putObject({ Bucket: 'b', Key: 'k' }).promise();", ['s3:PutObject@literal:b']],
  ['v2 DocumentClient', "const AWS = require('aws-sdk');\nconst doc = new AWS.DynamoDB.DocumentClient();\ndoc.query({ TableName: process.env.T });\ndoc.batchWrite({});", ['dynamodb:Query@env:T', 'dynamodb:BatchWriteItem']],
  ['v2 per-service module', "const SecretsManager = require('aws-sdk/clients/secretsmanager');\nconst sm = new SecretsManager();\nsm.getSecretValue({ SecretId: 'db' });", ['secretsmanager:GetSecretValue@literal:db']],
  ['v2 upload and signed URL', "const AWS = require('aws-sdk');\nconst s3 = new AWS.S3();\ns3.upload({ Bucket: 'b' });\ns3.getSignedUrl('getObject', { Bucket: 'b' });", ['s3:PutObject@literal:b', 's3:GetObject@literal:b']],
  ['computed method: not determined', "const AWS = require('aws-sdk');\nconst s3 = new AWS.S3();\ns3[op]({ Bucket: 'b' });", [], 1],
  ['computed command: not determined', "const cmds = require('@aws-sdk/client-s3');\nnew cmds[name]({});", [], 1],
  ['no SDK: nothing', "const x = require('other');\nnew x.PutCommand({});", []],
  ['v3 client given credentials, through a document client and a command variable', "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';\nconst client = new DynamoDBClient({ credentials: { accessKeyId: a, secretAccessKey: s } });\nconst doc = DynamoDBDocumentClient.from(client);\nconst command = new GetCommand({ TableName: 't' });\nawait doc.send(command);", ['dynamodb:GetItem@literal:t!own']],
  ['v3 client with the default provider: the execution role', "import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({ credentials: fromNodeProviderChain() });\nawait s3.send(new PutObjectCommand({ Bucket: 'b' }));", ['s3:PutObject@literal:b']],
  ['X-Ray traced SDK and client', "const AWSXRay = require('aws-xray-sdk-core');\nconst AWS = AWSXRay.captureAWS(require('aws-sdk'));\nconst s3 = AWSXRay.captureAWSClient(new AWS.S3());\ns3.putObject({ Bucket: 'b' });\nnew AWS.SQS().sendMessage({ QueueUrl: 'q' });", ['s3:PutObject@literal:b', 'sqs:SendMessage@literal:q']],
  ['object mapper: its calls are not determined', "import dynamoose from 'dynamoose';\nawait dynamoose.model('Order', {}).create({ id: 1 });", [], 1],
  ['Powertools parameters: not determined', "const { getParameter } = require('@aws-lambda-powertools/parameters/ssm');\nawait getParameter('/app/key');", [], 1],
  ['QLDB driver: its SendCommand and PartiQL permissions are not determined', "const { QldbDriver } = require('amazon-qldb-driver-nodejs');\nconst driver = new QldbDriver('ledger');\nawait driver.executeLambda((txn) => txn.execute('SELECT * FROM Person'));", [], 1],
  ['v3 PutObject with a canned ACL needs s3:PutObjectAcl', "import { PutObjectCommand } from '@aws-sdk/client-s3';\nnew PutObjectCommand({ Bucket: 'b', Key: 'k', ACL: 'public-read' });", ['s3:PutObject@literal:b#acl:public-read', 's3:PutObjectAcl@literal:b#acl:public-read']],
  ['lib-storage Upload with an ACL', "import { Upload } from '@aws-sdk/lib-storage';\nnew Upload({ client, params: { Bucket: 'b', Key: 'k', Body: x, ACL: 'authenticated-read' } });", ['s3:PutObject@literal:b#acl:authenticated-read', 's3:PutObjectAcl@literal:b#acl:authenticated-read']],
  ['v2 upload with an ACL constant, putObject with a computed ACL and a grant', "const AWS = require('aws-sdk');\nconst s3 = new AWS.S3();\nconst ACL = 'public-read-write';\ns3.upload({ Bucket: 'b', ACL });\ns3.putObject({ Bucket: 'b', ACL: event.acl });\ns3.putObject({ Bucket: 'b', GrantRead: 'uri=http://acs.amazonaws.com/groups/global/AllUsers' });", ['s3:PutObject@literal:b#acl:public-read-write', 's3:PutObjectAcl@literal:b#acl:public-read-write', 's3:PutObject@literal:b#acl:?', 's3:PutObjectAcl@literal:b#acl:?', 's3:PutObject@literal:b#acl:?', 's3:PutObjectAcl@literal:b#acl:?']],
  ['an ACL on a read is no ACL write', "import { GetObjectCommand } from '@aws-sdk/client-s3';\nnew GetObjectCommand({ Bucket: 'b', Key: 'k', ACL: 'public-read' });", ['s3:GetObject@literal:b#acl:public-read']],
  ['SDK named with a backslash that makes no escape', "const AWS = require('aws\\-sdk');\nnew AWS.S3().putObject({ Bucket: 'b' });", ['s3:PutObject@literal:b']],
  ['SDK named with hex and unicode escapes', "const { S3Client, PutObjectCommand } = require('@aws\\x2dsdk/client-s3');\nconst AWS = require('aws\\u002dsdk');\nnew PutObjectCommand({ Bucket: 'b' });\nnew AWS.SQS().sendMessage({ QueueUrl: 'q' });", ['s3:PutObject@literal:b', 'sqs:SendMessage@literal:q']],
  ['wrapper named across a line continuation', "import mapper from 'dyna\\\nmoose';\nawait mapper.model('Order', {}).create({ id: 1 });", [], 1],
  ['durable context invoke: the function id, after a step name, from the environment', "import { withDurableExecution } from '@aws/durable-execution-sdk-js';\nexport const handler = withDurableExecution(async (event, context) => {\n  await context.invoke('child-function', { data: event.input });\n  await context.invoke('step-2', process.env.NEXT_FUNCTION, { data: 1 });\n  await event.invoke('not-a-context');\n});", ['lambda:InvokeFunction@literal:child-function', 'lambda:InvokeFunction@env:NEXT_FUNCTION']],
  ['invoke without the durable SDK: no call', "export const handler = async (event, context) => {\n  await context.invoke('child-function', {});\n};", []],
  ['SDK names whose IAM prefix differs: Pinpoint, EFS, OpenSearch', "import { PinpointClient, PhoneNumberValidateCommand } from '@aws-sdk/client-pinpoint';\nimport { EFS } from '@aws-sdk/client-efs';\nimport { DescribeDomainCommand } from '@aws-sdk/client-opensearch';\nnew PhoneNumberValidateCommand({});\nawait new EFS({}).describeFileSystems({});\nnew DescribeDomainCommand({ DomainName: 'd' });", ['mobiletargeting:PhoneNumberValidate', 'elasticfilesystem:DescribeFileSystems', 'es:DescribeDomain']],
  ['a client package of a service not known here: its calls are not determined', "import { FrobClient, FrobCommand, paginateListFrobs } from '@aws-sdk/client-frobnicator';\nimport { Frob } from '@aws-sdk/client-frobnicator';\nconst c = new FrobClient({});\nawait c.send(new FrobCommand({}));\nfor await (const p of paginateListFrobs({ client: c }, {})) {}\nawait new Frob({}).frob({});", [], 3],
  ['a request signed with the role (AppSync GraphQL over fetch): not determined', "import { SignatureV4 } from '@aws-sdk/signature-v4';\nimport { Sha256 } from '@aws-crypto/sha256-js';\nconst signer = new SignatureV4({ service: 'appsync', region: 'us-east-1', sha256: Sha256, credentials });\nawait fetch(url, await signer.sign(request));", [], 1],
  ['v2 client given access keys', "const AWS = require('aws-sdk');\nconst s3 = new AWS.S3({ accessKeyId: k, secretAccessKey: s });\ns3.putObject({ Bucket: 'b' });", ['s3:PutObject@literal:b!own']],
];

const PY_CASES: Array<[string, string, string[], number?]> = [
  ['boto3 client', "import boto3, os\ns3 = boto3.client('s3')\ns3.put_object(Bucket=os.environ['BUCKET'], Key='k')", ['s3:PutObject@env:BUCKET']],
  ['boto3 upload_file / download_file', "import boto3\ns3 = boto3.client('s3')\ns3.upload_file('/tmp/f', 'out', 'k')\ns3.download_file('in', 'k', '/tmp/f')", ['s3:PutObject@literal:out', 's3:GetObject@literal:in']],
  ['boto3 resource Table', "import boto3, os\nTABLE = os.environ.get('ORDERS')\ntable = boto3.resource('dynamodb').Table(TABLE)\ntable.put_item(Item={})\ntable.query(KeyConditionExpression=k)", ['dynamodb:PutItem@env:ORDERS', 'dynamodb:Query@env:ORDERS']],
  ['boto3 Bucket objects', "import boto3\nb = boto3.resource('s3').Bucket('assets')\nfor o in b.objects.all(): pass", ['s3:ListBucket@literal:assets']],
  ['boto3 paginator and service rename', "import boto3\nsfn = boto3.client('stepfunctions')\nsfn.start_execution(stateMachineArn=a)\nboto3.client('s3').get_paginator('list_objects_v2')", ['states:StartExecution', 's3:ListBucket']],
  ['boto3 computed method: not determined', "import boto3\nc = boto3.client('sqs')\ngetattr(c, name)(QueueUrl=u)", [], 1],
  ['boto3 client given keys', "import boto3\nc = boto3.client('dynamodb', aws_access_key_id=k['AccessKeyId'], aws_secret_access_key=k['SecretAccessKey'])\nc.get_item(TableName='t', Key={})", ['dynamodb:GetItem@literal:t!own']],
  ['boto3 session given keys', "import boto3\nsession = boto3.Session(aws_access_key_id=a, aws_secret_access_key=b)\nt = session.resource('dynamodb').Table('t')\nt.get_item(Key={})", ['dynamodb:GetItem@literal:t!own']],
  ['Powertools parameters: not determined', "from aws_lambda_powertools.utilities import parameters\nvalue = parameters.get_parameter('/app/key')", [], 1],
  ['awswrangler next to boto3: not determined', "import boto3\nimport awswrangler as wr\nwr.s3.read_csv('s3://b/k')\nboto3.client('s3').put_object(Bucket='b')", ['s3:PutObject@literal:b'], 1],
  ['boto3 put_object with an ACL', "import boto3\ns3 = boto3.client('s3')\ns3.put_object(Bucket='b', Key='k', Body=x, ACL='public-read')", ['s3:PutObject@literal:b#acl:public-read', 's3:PutObjectAcl@literal:b#acl:public-read']],
  ['boto3 upload_file with ExtraArgs ACL', "import boto3\ns3 = boto3.client('s3')\nextra = {'ACL': 'public-read', 'ContentType': 'image/png'}\ns3.upload_file('/tmp/f', 'out', 'k', ExtraArgs=extra)", ['s3:PutObject@literal:out#acl:public-read', 's3:PutObjectAcl@literal:out#acl:public-read']],
  ['boto3 Object.put with a private ACL', "import boto3\nboto3.resource('s3').Object('b', 'k').put(Body=x, ACL='private')", ['s3:PutObject@literal:b#acl:private', 's3:PutObjectAcl@literal:b#acl:private']],
  ['QLDB driver: not determined', "from pyqldb.driver.qldb_driver import QldbDriver\ndriver = QldbDriver(ledger_name='l')", [], 1],
  ['s3fs and smart_open: not determined', "import s3fs\nfrom smart_open import open as sopen\nfs = s3fs.S3FileSystem()", [], 2],
  ['durable context invoke: decorated handler and an annotated helper', "import os\nfrom aws_durable_execution_sdk_python import DurableContext, durable_execution\n\n@durable_execution\ndef handler(event, ctx):\n    ctx.invoke(os.environ['STEP1_ARN'], event, name='step1')\n    return helper(ctx)\n\ndef helper(c: DurableContext):\n    return c.invoke('finalize', {})\n\ndef other(event, context):\n    context.invoke('unrelated')", ['lambda:InvokeFunction@env:STEP1_ARN', 'lambda:InvokeFunction@literal:finalize']],
  ['invoke without the durable SDK: no call', "def handler(event, context):\n    context.invoke('child', {})", []],
  ['boto3 names whose IAM prefix differs: pinpoint, efs, opensearch', "import boto3\np = boto3.client('pinpoint')\np.phone_number_validate(NumberValidateRequest={})\nboto3.client('efs').describe_file_systems()\nboto3.client('opensearch').describe_domain(DomainName='d')", ['mobiletargeting:PhoneNumberValidate', 'elasticfilesystem:DescribeFileSystems', 'es:DescribeDomain']],
  ['boto3 client of a service not known here, or computed: its calls are not determined', "import boto3, os\nf = boto3.client('frobnicator')\nf.frob(Name='x')\ng = boto3.client(os.environ['SERVICE'])\ng.do_thing()\nboto3.resource('frob').Table('t').put_item(Item={})", [], 3],
  ['a request signed with the role (botocore SigV4Auth, requests-aws4auth): not determined', "import requests\nfrom botocore.auth import SigV4Auth\nfrom requests_aws4auth import AWS4Auth\nSigV4Auth(creds, 'es', 'us-east-1').add_auth(req)", [], 2],
  ['boto3 session without keys: the execution role', "import boto3\nsession = boto3.Session()\nsession.client('s3').put_object(Bucket='b')", ['s3:PutObject@literal:b']],
];

function summary(found: FileCalls): { actions: string[]; undetermined: number } {
  const actions = found.calls.flatMap((c) => {
    const target = c.target ? `@${c.target.kind}:${c.target.kind === 'env' ? c.target.name : c.target.value}` : '';
    const own = c.ownCredentials ? '!own' : '';
    const acl = c.acl ? `#acl:${c.acl.canned ?? '?'}` : '';
    return (actionsForCall(c) ?? [`?${c.service}:${c.operation}`]).map((a) => a + target + own + acl);
  });
  return { actions, undetermined: found.undetermined.length };
}

describe('AWS SDK calls in JavaScript', () => {
  for (const [style, code, actions, undetermined] of JS_CASES) {
    it(style, () => assert.deepEqual(summary(extractJsCalls(parseJs('app.js', code))), { actions, undetermined: undetermined ?? 0 }));
  }
});

describe('AWS SDK calls in Python', () => {
  before(async () => assert.ok(await loadPythonParser()));
  for (const [style, code, actions, undetermined] of PY_CASES) {
    it(style, () => {
      const parsed = parsePython('app.py', code)!;
      try {
        assert.deepEqual(summary(extractPythonCalls(parsed)), { actions, undetermined: undetermined ?? 0 });
      } finally {
        parsed.dispose();
      }
    });
  }
});

describe('operation → IAM action', () => {
  it('validates against the catalogue and applies the documented exceptions', () => {
    assert.deepEqual(actionsFor('s3', 'ListObjectsV2'), ['s3:ListBucket']);
    assert.deepEqual(actionsFor('dynamodb', 'putitem'), ['dynamodb:PutItem']);
    assert.deepEqual(actionsFor('sts', 'GetCallerIdentity'), []);
    assert.equal(actionsFor('s3', 'NoSuchOperation'), undefined);
    assert.deepEqual(actionsFor('bedrock', 'Converse'), ['bedrock:InvokeModel']);
    assert.deepEqual(actionsFor('timestream', 'Query'), ['timestream:Select', 'timestream:DescribeEndpoints']);
    // API Gateway's management API is authorized by HTTP method.
    assert.deepEqual(actionsFor('apigateway', 'CreateApiKey'), ['apigateway:POST']);
    assert.deepEqual(actionsFor('apigateway', 'GetApis'), ['apigateway:GET']);
    assert.deepEqual(actionsFor('apigateway', 'UpdateStage'), ['apigateway:PATCH']);
    assert.equal(actionsFor('apigateway', 'FlushStageCache'), undefined);
  });

  it('maps every SDK name with a prefix of its own to a service the IAM catalogue knows', () => {
    const unknown = Object.entries(PREFIX_EXCEPTIONS).filter(([, prefix]) => !isKnownService(prefix));
    assert.deepEqual(unknown, []);
  });

  it('adds iam:PassRole to the operations whose required role the caller passes, and only to those', () => {
    assert.deepEqual(actionsFor('mediaconvert', 'CreateJob'), ['mediaconvert:CreateJob', 'iam:PassRole']);
    assert.deepEqual(actionsFor('states', 'createStateMachine'), ['states:CreateStateMachine', 'iam:PassRole']);
    // Its RoleARN is optional: the call may pass none.
    assert.deepEqual(actionsFor('cloudformation', 'CreateStack'), ['cloudformation:CreateStack']);
  });
});
