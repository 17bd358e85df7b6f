/**
 * Deterministic generator of synthetic serverless monorepos for benchmarks: services of up to
 * fifty functions each, rotating between a SAM template (JavaScript), a SAM template (Python), a
 * Serverless Framework service (TypeScript) and a CDK cloud assembly (`cdk.out`, JavaScript).
 * Handlers are a few hundred lines, import a shared module of their service, call the AWS SDK,
 * and a few carry injection flows so the rules have something to find.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What to generate. */
export interface GenerateOptions {
  /** Number of Lambda functions in the whole app */
  functions: number;
  /** Same seed, same bytes */
  seed?: number;
}

/** A generated file, relative to the app root. */
export interface GeneratedFile {
  rel: string;
  text: string;
}

type ServiceKind = 'sam-js' | 'sam-py' | 'serverless-ts' | 'cdk-js';

const KINDS: readonly ServiceKind[] = ['sam-js', 'sam-py', 'serverless-ts', 'cdk-js'];
/** Services hold 5 to 50 functions: small apps still get one service of each kind. */
function perService(functions: number): number {
  return Math.max(5, Math.min(50, Math.ceil(functions / 8)));
}
/** One function in this many has a vulnerable flow. */
const VULNERABLE_EVERY = 7;

/** mulberry32: small, fast, and the same sequence on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every file of the app, in a stable order. */
export function generateFiles(options: GenerateOptions): GeneratedFile[] {
  const rand = seededRandom(options.seed ?? 1);
  const files: GeneratedFile[] = [{ rel: 'README.md', text: `# Synthetic app: ${options.functions} functions\n` }];
  const size = perService(options.functions);
  for (let start = 0, s = 0; start < options.functions; start += size, s++) {
    const count = Math.min(size, options.functions - start);
    files.push(...service(`svc-${pad(s)}`, KINDS[s % KINDS.length]!, start, count, rand));
  }
  return files;
}

/** Writes the app under `dir` (created); returns the files written. */
export function generateApp(dir: string, options: GenerateOptions): GeneratedFile[] {
  const files = generateFiles(options);
  for (const f of files) {
    const abs = path.join(dir, f.rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, f.text);
  }
  return files;
}

interface Fn {
  name: string;
  logicalId: string;
  vulnerable: boolean;
  /** Table, bucket and queue the function uses */
  table: string;
  bucket: string;
  queue: string;
}

function service(name: string, kind: ServiceKind, start: number, count: number, rand: () => number): GeneratedFile[] {
  const fns: Fn[] = [];
  for (let i = 0; i < count; i++) {
    const n = start + i;
    fns.push({ name: `fn${pad(n)}`, logicalId: `Fn${pad(n)}`, vulnerable: n % VULNERABLE_EVERY === 3, table: `Table${i % 3}`, bucket: `Bucket${i % 2}`, queue: `Queue${i % 2}` });
  }
  const dir = `services/${name}`;
  const files: GeneratedFile[] = [];
  const add = (rel: string, text: string): void => void files.push({ rel: `${dir}/${rel}`, text });
  if (kind === 'sam-py') {
    add('template.yaml', samTemplate(fns, 'python3.12', 'app.handler', (f) => `src/${f.name}/`));
    add('requirements.txt', 'boto3==1.34.84\nrequests==2.31.0\npyyaml==5.3.1\n');
    add('src/shared/db.py', pythonShared(rand));
    for (const f of fns) add(`src/${f.name}/app.py`, pythonHandler(f, rand));
    return files;
  }
  add('package.json', packageJson(name, kind === 'serverless-ts'));
  add('package-lock.json', packageLock(name));
  const ext = kind === 'serverless-ts' ? 'ts' : 'js';
  add(`src/lib/db.${ext}`, jsShared(rand, ext === 'ts'));
  for (const f of fns) add(`src/${f.name}.${ext}`, jsHandler(f, rand, ext === 'ts'));
  if (kind === 'sam-js') add('template.yaml', samTemplate(fns, 'nodejs20.x', '', () => 'src/'));
  if (kind === 'serverless-ts') add('serverless.yml', serverlessYml(name, fns));
  if (kind === 'cdk-js') {
    add('cdk.out/manifest.json', cdkManifest(name));
    add(`cdk.out/${name}.template.json`, cdkTemplate(name, fns));
  }
  return files;
}

function pad(n: number): string {
  return String(n).padStart(4, '0');
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

// ---- templates -------------------------------------------------------------------------------

function samTemplate(fns: readonly Fn[], runtime: string, handler: string, codeUri: (f: Fn) => string): string {
  const out = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    'Globals:',
    '  Function:',
    `    Runtime: ${runtime}`,
    '    Timeout: 10',
    'Resources:',
    '  Api:',
    '    Type: AWS::Serverless::Api',
    '    Properties:',
    '      StageName: prod',
    ...sharedResourcesYaml(),
  ];
  for (const f of fns) {
    out.push(
      `  ${f.logicalId}:`,
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      `      CodeUri: ${codeUri(f)}`,
      `      Handler: ${handler || `${f.name}.handler`}`,
      '      Environment:',
      '        Variables:',
      `          TABLE_NAME: !Ref ${f.table}`,
      `          BUCKET: !Ref ${f.bucket}`,
      '      Policies:',
      `        - DynamoDBCrudPolicy: { TableName: !Ref ${f.table} }`,
      `        - S3ReadPolicy: { BucketName: !Ref ${f.bucket} }`,
      ...(f.vulnerable ? ['        - arn:aws:iam::aws:policy/AmazonS3FullAccess'] : []),
      '      Events:',
      '        Http:',
      '          Type: Api',
      '          Properties:',
      '            RestApiId: !Ref Api',
      `            Path: /${f.name}/{id}`,
      `            Method: ${f.vulnerable ? 'post' : 'get'}`,
    );
  }
  return out.join('\n') + '\n';
}

function sharedResourcesYaml(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 3; i++) out.push(`  Table${i}:`, '    Type: AWS::DynamoDB::Table', '    Properties:', '      BillingMode: PAY_PER_REQUEST', '      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]', '      KeySchema: [{ AttributeName: id, KeyType: HASH }]');
  for (let i = 0; i < 2; i++) out.push(`  Bucket${i}:`, '    Type: AWS::S3::Bucket', `  Queue${i}:`, '    Type: AWS::SQS::Queue');
  return out;
}

function serverlessYml(name: string, fns: readonly Fn[]): string {
  const out = [
    `service: ${name}`,
    'provider:',
    '  name: aws',
    '  runtime: nodejs20.x',
    '  iam:',
    '    role:',
    '      statements:',
    '        - Effect: Allow',
    '          Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query]',
    "          Resource: '*'",
    '        - Effect: Allow',
    '          Action: [s3:GetObject, sqs:SendMessage]',
    "          Resource: '*'",
    'functions:',
  ];
  for (const f of fns) {
    out.push(`  ${f.name}:`, `    handler: src/${f.name}.handler`, '    events:', '      - httpApi:', `          path: /${f.name}/{id}`, `          method: ${f.vulnerable ? 'post' : 'get'}`);
  }
  out.push('resources:', '  Resources:', ...sharedResourcesYaml().map((l) => `  ${l}`));
  return out.join('\n') + '\n';
}

/** A cloud assembly of one stack, as `cdk synth` writes it. */
function cdkManifest(name: string): string {
  const artifacts = { [name]: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: `${name}.template.json` } } };
  return JSON.stringify({ version: '36.0.0', artifacts }, null, 2) + '\n';
}

function cdkTemplate(name: string, fns: readonly Fn[]): string {
  const resources: Record<string, unknown> = {};
  const meta = (p: string): Record<string, unknown> => ({ 'aws:cdk:path': `${name}/${p}/Resource` });
  for (let i = 0; i < 3; i++) resources[`Table${i}`] = { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] }, Metadata: meta(`Table${i}`) };
  for (let i = 0; i < 2; i++) resources[`Bucket${i}`] = { Type: 'AWS::S3::Bucket', Metadata: meta(`Bucket${i}`) };
  for (const f of fns) {
    resources[`${f.logicalId}Role`] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
        Policies: [{ PolicyName: 'data', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: f.vulnerable ? 'dynamodb:*' : ['dynamodb:GetItem', 'dynamodb:PutItem'], Resource: { 'Fn::GetAtt': [f.table, 'Arn'] } }] } }],
      },
      Metadata: meta(`${f.logicalId}/ServiceRole`),
    };
    resources[f.logicalId] = {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'nodejs20.x',
        Handler: `${f.name}.handler`,
        Code: { S3Bucket: 'cdk-assets', S3Key: `${f.name}.zip` },
        Role: { 'Fn::GetAtt': [`${f.logicalId}Role`, 'Arn'] },
        Environment: { Variables: { TABLE_NAME: { Ref: f.table }, BUCKET: { Ref: f.bucket } } },
      },
      DependsOn: [`${f.logicalId}Role`],
      Metadata: { ...meta(f.logicalId), 'aws:asset:path': '../src', 'aws:asset:property': 'Code' },
    };
  }
  return JSON.stringify({ Resources: resources }, null, 1) + '\n';
}

function packageJson(name: string, typescript: boolean): string {
  const deps = { '@aws-sdk/client-dynamodb': '3.500.0', '@aws-sdk/client-s3': '3.500.0', '@aws-sdk/client-sqs': '3.500.0', lodash: '4.17.20' };
  return JSON.stringify({ name, version: '1.0.0', private: true, dependencies: deps, ...(typescript ? { devDependencies: { typescript: '5.4.0' } } : {}) }, null, 2) + '\n';
}

function packageLock(name: string): string {
  const pkgs: Record<string, unknown> = { '': { name, version: '1.0.0' } };
  for (const [dep, version] of [['@aws-sdk/client-dynamodb', '3.500.0'], ['@aws-sdk/client-s3', '3.500.0'], ['@aws-sdk/client-sqs', '3.500.0'], ['lodash', '4.17.20']] as const) {
    pkgs[`node_modules/${dep}`] = { version, resolved: `https://registry.npmjs.org/${dep}/-/${dep.split('/').pop()}-${version}.tgz`, license: 'Apache-2.0' };
  }
  return JSON.stringify({ name, version: '1.0.0', lockfileVersion: 3, requires: true, packages: pkgs }, null, 2) + '\n';
}

// ---- code ------------------------------------------------------------------------------------

const VERBS = ['load', 'save', 'merge', 'check', 'format', 'score', 'index', 'price', 'route', 'audit'];
const NOUNS = ['order', 'item', 'customer', 'invoice', 'shipment', 'payment', 'refund', 'coupon', 'stock', 'review'];

/** Plain helper functions that make a handler file the size of real ones. */
function jsFiller(rand: () => number, count: number, typescript: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const fn = `${pick(rand, VERBS)}${cap(pick(rand, NOUNS))}${i}`;
    const t = typescript ? ': Record<string, unknown>' : '';
    out.push(
      `function ${fn}(input${t}) {`,
      '  const out = { ...input };',
      `  const limit = ${Math.floor(rand() * 100) + 1};`,
      '  for (const [key, value] of Object.entries(input)) {',
      "    if (typeof value === 'string' && value.length > limit) out[key] = value.slice(0, limit);",
      `    else if (typeof value === 'number') out[key] = Math.round(value * ${(rand() * 10).toFixed(2)});`,
      '  }',
      `  return { ...out, step: '${fn}' };`,
      '}',
      '',
    );
  }
  return out;
}

function jsShared(rand: () => number, typescript: boolean): string {
  return [
    "import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';",
    "import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';",
    "import _ from 'lodash';",
    '',
    'const ddb = new DynamoDBClient({});',
    'const s3 = new S3Client({});',
    '',
    `export async function getRecord(id${typescript ? ': string' : ''}) {`,
    '  return ddb.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { id: { S: id } } }));',
    '}',
    '',
    `export async function putRecord(item${typescript ? ': Record<string, unknown>' : ''}) {`,
    '  return ddb.send(new PutItemCommand({ TableName: process.env.TABLE_NAME, Item: { id: { S: String(item.id) }, body: { S: JSON.stringify(_.omit(item, ["secret"])) } } }));',
    '}',
    '',
    `export async function readObject(key${typescript ? ': string' : ''}) {`,
    '  return s3.send(new GetObjectCommand({ Bucket: process.env.BUCKET, Key: key }));',
    '}',
    '',
    ...jsFiller(rand, 10, typescript).map((l) => l.replace(/^function /, 'export function ')),
  ].join('\n');
}

function jsHandler(f: Fn, rand: () => number, typescript: boolean): string {
  const ev = typescript ? 'event: any' : 'event';
  const vulnerable = f.vulnerable
    ? [
        '  const name = event.queryStringParameters?.name;',
        '  execSync(`convert /tmp/${name}.png /tmp/out.jpg`);',
        '  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: event.body }));',
      ]
    : [];
  return [
    "import { execSync } from 'node:child_process';",
    "import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';",
    "import { getRecord, putRecord, readObject } from './lib/db.js';",
    '',
    'const sqs = new SQSClient({});',
    '',
    ...jsFiller(rand, 14 + Math.floor(rand() * 12), typescript),
    `export const handler = async (${ev}) => {`,
    '  const id = event.pathParameters?.id;',
    "  if (!id) return { statusCode: 400, body: 'missing id' };",
    '  const record = await getRecord(id);',
    "  const object = await readObject(`${id}.json`);",
    ...vulnerable,
    '  await putRecord({ id, seen: Date.now(), size: object.ContentLength });',
    '  return { statusCode: 200, body: JSON.stringify(record.Item ?? {}) };',
    '};',
    '',
  ].join('\n');
}

function pythonShared(rand: () => number): string {
  return [
    'import os',
    'import boto3',
    '',
    "dynamodb = boto3.resource('dynamodb')",
    "table = dynamodb.Table(os.environ['TABLE_NAME'])",
    '',
    '',
    'def get_record(record_id):',
    "    return table.get_item(Key={'id': record_id}).get('Item')",
    '',
    '',
    'def put_record(item):',
    '    table.put_item(Item=item)',
    '',
    '',
    ...pythonFiller(rand, 8),
  ].join('\n');
}

function pythonFiller(rand: () => number, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const fn = `${pick(rand, VERBS)}_${pick(rand, NOUNS)}_${i}`;
    out.push(
      `def ${fn}(data):`,
      '    out = dict(data)',
      `    limit = ${Math.floor(rand() * 100) + 1}`,
      '    for key, value in data.items():',
      '        if isinstance(value, str) and len(value) > limit:',
      '            out[key] = value[:limit]',
      '        elif isinstance(value, (int, float)):',
      `            out[key] = round(value * ${(rand() * 10).toFixed(2)})`,
      `    out['step'] = '${fn}'`,
      '    return out',
      '',
      '',
    );
  }
  return out;
}

function pythonHandler(f: Fn, rand: () => number): string {
  const vulnerable = f.vulnerable ? ["    name = event['queryStringParameters']['name']", "    subprocess.run('convert /tmp/' + name + '.png /tmp/out.jpg', shell=True)"] : [];
  return [
    'import json',
    'import subprocess',
    'import boto3',
    'from shared.db import get_record, put_record',
    '',
    "s3 = boto3.client('s3')",
    '',
    '',
    ...pythonFiller(rand, 14 + Math.floor(rand() * 10)),
    'def handler(event, context):',
    "    record_id = (event.get('pathParameters') or {}).get('id')",
    '    if not record_id:',
    "        return {'statusCode': 400, 'body': 'missing id'}",
    '    record = get_record(record_id)',
    "    obj = s3.get_object(Bucket='data', Key=record_id + '.json')",
    ...vulnerable,
    "    put_record({'id': record_id, 'size': obj['ContentLength']})",
    "    return {'statusCode': 200, 'body': json.dumps(record or {})}",
    '',
  ].join('\n');
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `node dist/bench/generate.js <dir> [functions] [seed]` */
function main(argv: readonly string[]): void {
  const [dir, functions = '100', seed = '1'] = argv;
  if (!dir) throw new Error('usage: generate.js <dir> [functions] [seed]');
  const files = generateApp(dir, { functions: Number(functions), seed: Number(seed) });
  console.log(`${files.length} files written to ${dir}`);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) main(process.argv.slice(2));
