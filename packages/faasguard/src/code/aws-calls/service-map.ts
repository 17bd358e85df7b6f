/**
 * SDK names → IAM service prefixes: `@aws-sdk/client-*` packages (v3), client classes (v2 and v3
 * aggregated clients), and boto3 service names. A name not in the tables is used as written when
 * the IAM catalogue knows it as a prefix.
 */
import { isKnownService } from '../../iam/action-catalog.js';
import { lookupTable } from '../../util/own-keys.js';

/** SDK service names whose IAM prefix differs from the name (lower case, hyphens removed). */
export const PREFIX_EXCEPTIONS: Readonly<Record<string, string>> = lookupTable({
  sfn: 'states',
  stepfunctions: 'states',
  eventbridge: 'events',
  cloudwatchevents: 'events',
  cloudwatchlogs: 'logs',
  cognitoidentityprovider: 'cognito-idp',
  cognitoidentityserviceprovider: 'cognito-idp',
  cognitoidp: 'cognito-idp',
  dynamodbstreams: 'dynamodb',
  apigatewaymanagementapi: 'execute-api',
  iotdata: 'iot',
  iotdataplane: 'iot',
  sesv2: 'ses',
  bedrockruntime: 'bedrock',
  elasticloadbalancingv2: 'elasticloadbalancing',
  elbv2: 'elasticloadbalancing',
  elb: 'elasticloadbalancing',
  firehose: 'firehose',
  // Pinpoint's clients sign with the actions of the services behind them.
  pinpoint: 'mobiletargeting',
  pinpointemail: 'ses',
  pinpointsmsvoice: 'sms-voice',
  pinpointsmsvoicev2: 'sms-voice',
  lexruntime: 'lex',
  lexruntimeservice: 'lex',
  lexruntimev2: 'lex',
  lexv2runtime: 'lex',
  lexmodels: 'lex',
  lexmodelsv2: 'lex',
  lexv2models: 'lex',
  lexmodelbuildingservice: 'lex',
  sagemakerruntime: 'sagemaker',
  sagemakerfeaturestoreruntime: 'sagemaker',
  sagemakera2iruntime: 'sagemaker',
  bedrockagent: 'bedrock',
  bedrockagentruntime: 'bedrock',
  bedrockdataautomation: 'bedrock',
  bedrockdataautomationruntime: 'bedrock',
  bedrockagentcorecontrol: 'bedrock-agentcore',
  kinesisvideoarchivedmedia: 'kinesisvideo',
  kinesisvideomedia: 'kinesisvideo',
  kinesisvideosignaling: 'kinesisvideo',
  kinesisvideosignalingchannels: 'kinesisvideo',
  kinesisanalyticsv2: 'kinesisanalytics',
  timestreamwrite: 'timestream',
  timestreamquery: 'timestream',
  efs: 'elasticfilesystem',
  emr: 'elasticmapreduce',
  // The OpenSearch Service's configuration API signs with `es:` actions (`opensearch:` is OpenSearch UI's).
  opensearch: 'es',
  elasticsearchservice: 'es',
  opensearchserverless: 'aoss',
  apigatewayv2: 'apigateway',
  s3control: 's3',
  location: 'geo',
  appconfigdata: 'appconfig',
  ioteventsdata: 'iotevents',
  iotjobsdataplane: 'iotjobsdata',
  mediastoredata: 'mediastore',
  personalizeruntime: 'personalize',
  personalizeevents: 'personalize',
  forecastquery: 'forecast',
  cloudsearchdomain: 'cloudsearch',
  keyspaces: 'cassandra',
  cloudhsmv2: 'cloudhsm',
  costexplorer: 'ce',
  configservice: 'config',
  directoryservice: 'ds',
  databasemigrationservice: 'dms',
  transcribestreaming: 'transcribe',
  // DocumentDB's and Neptune's management APIs sign with RDS actions.
  docdb: 'rds',
  neptune: 'rds',
  neptunedata: 'neptune-db',
  qldbsession: 'qldb',
  cloudcontrol: 'cloudformation',
  mwaa: 'airflow',
  ssoadmin: 'sso',
  resourcegroupstaggingapi: 'tag',
  marketplacemetering: 'aws-marketplace',
  meteringmarketplace: 'aws-marketplace',
  marketplaceentitlement: 'aws-marketplace',
  marketplaceentitlementservice: 'aws-marketplace',
  chimesdkmessaging: 'chime',
  chimesdkmeetings: 'chime',
  chimesdkidentity: 'chime',
  chimesdkvoice: 'chime',
});

/** IAM prefix of an SDK service name (`client-s3`'s `s3`, `DynamoDB`, `stepfunctions`); undefined when unknown. */
export function servicePrefix(sdkName: string): string | undefined {
  const key = sdkName.toLowerCase().replace(/[-_]/g, '');
  const mapped = PREFIX_EXCEPTIONS[key];
  if (mapped) return mapped;
  if (isKnownService(key)) return key;
  const hyphenated = sdkName.toLowerCase();
  return isKnownService(hyphenated) ? hyphenated : undefined;
}

/** The service of an `@aws-sdk/*` package; `lib-dynamodb` is DynamoDB's document client. */
export function packageService(pkg: string): string | undefined {
  const m = /^@aws-sdk\/(client-|lib-)(.+)$/.exec(pkg);
  if (!m) return undefined;
  if (m[1] === 'lib-') return m[2] === 'dynamodb' ? 'dynamodb' : m[2] === 'storage' ? 's3' : undefined;
  return servicePrefix(m[2]!);
}

/** The service of a client class name: `S3Client`, `DynamoDB`, `CognitoIdentityServiceProvider`. */
export function classService(name: string): string | undefined {
  return servicePrefix(name.replace(/Client$/, ''));
}

/**
 * DynamoDB's document clients name their operations after the items (`lib-dynamodb` commands
 * without `Item`, v2 `DocumentClient` methods in camel case): each maps to one DynamoDB operation.
 */
const DOCUMENT_OPERATIONS: Readonly<Record<string, string>> = lookupTable({
  get: 'GetItem',
  put: 'PutItem',
  update: 'UpdateItem',
  delete: 'DeleteItem',
  query: 'Query',
  scan: 'Scan',
  batchget: 'BatchGetItem',
  batchwrite: 'BatchWriteItem',
  transactget: 'TransactGetItems',
  transactwrite: 'TransactWriteItems',
  executestatement: 'ExecuteStatement',
  batchexecutestatement: 'BatchExecuteStatement',
  executetransaction: 'ExecuteTransaction',
});

/** The DynamoDB operation of a document-client command or method (`PutCommand`, `batchWrite`). */
export function documentOperation(name: string): string | undefined {
  return DOCUMENT_OPERATIONS[name.replace(/Command$/, '').toLowerCase()];
}

/** `put_object` → `PutObject`, `putObject` → `PutObject`. */
export function operationName(method: string): string {
  return method
    .split('_')
    .filter((p) => p !== '')
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}
