/**
 * What of an event an outsider controls, per trigger kind: paths from the event root, `*` for any
 * array element or map key. A function gets the sources of all its triggers; one with no trigger
 * the model knows treats the whole event as tainted.
 */
import type { TriggerKind } from '../../model/app-model.js';
import type { PathSegment } from './types.js';

export interface SourcePattern {
  path: readonly string[];
  /** How a finding names the data, e.g. "object key" */
  label: string;
  /**
   * How many accesses below the pattern the service delivers text (0: the field itself is a
   * string, 1: a map of strings); absent when the sender chooses the structure. Text cannot carry
   * query operators until the code parses it.
   */
  textBelow?: number;
}

function p(path: string, label: string, textBelow?: number): SourcePattern {
  return { path: path === '' ? [] : path.split('.'), label, ...(textBelow !== undefined ? { textBelow } : {}) };
}

const HTTP: readonly SourcePattern[] = [
  p('body', 'request body', 0),
  p('queryStringParameters', 'query string', 1),
  p('multiValueQueryStringParameters', 'query string', 2),
  p('rawQueryString', 'query string', 0),
  p('pathParameters', 'path parameters', 1),
  p('path', 'request path', 0),
  p('rawPath', 'request path', 0),
  p('headers', 'request headers', 1),
  p('multiValueHeaders', 'request headers', 2),
  p('cookies', 'cookies', 1),
  p('requestContext.http.path', 'request path', 0),
];

const KAFKA: readonly SourcePattern[] = [p('records.*.*.value', 'record value', 0), p('records.*.*.key', 'record key', 0), p('records.*.*.headers', 'record headers')];

export const SOURCES: Readonly<Record<TriggerKind, readonly SourcePattern[]>> = {
  'apigw-rest': HTTP,
  'apigw-http': HTTP,
  'apigw-websocket': HTTP,
  'function-url': HTTP,
  alb: HTTP,
  s3: [p('Records.*.s3.object.key', 'object key', 0), p('Records.*.s3.bucket.name', 'bucket name', 0)],
  sqs: [p('Records.*.body', 'message body', 0), p('Records.*.messageAttributes', 'message attributes')],
  sns: [p('Records.*.Sns.Message', 'message', 0), p('Records.*.Sns.Subject', 'message subject', 0), p('Records.*.Sns.MessageAttributes', 'message attributes')],
  'dynamodb-stream': [p('Records.*.dynamodb.NewImage', 'new item image'), p('Records.*.dynamodb.OldImage', 'old item image'), p('Records.*.dynamodb.Keys', 'item keys')],
  'kinesis-stream': [p('Records.*.kinesis.data', 'record data', 0), p('Records.*.kinesis.partitionKey', 'partition key', 0)],
  'kafka-msk': KAFKA,
  'kafka-self-managed': KAFKA,
  mq: [p('messages.*.data', 'message data', 0)],
  documentdb: [p('events.*.event.fullDocument', 'changed document'), p('events.*.event.updateDescription', 'document update')],
  eventbridge: [p('detail', 'event detail')],
  iot: [p('', 'IoT message payload')],
  'cognito-user-pool': [
    p('userName', 'user name'),
    p('request.userAttributes', 'user attributes'),
    p('request.validationData', 'validation data'),
    p('request.clientMetadata', 'client metadata'),
    p('request.challengeAnswer', 'challenge answer'),
  ],
  // The headers and envelope of a received e-mail are the sender's; SES's own fields (its message id, timestamp, verdicts) are not.
  ses: [
    p('Records.*.ses.mail.commonHeaders', 'e-mail headers'),
    p('Records.*.ses.mail.headers', 'e-mail headers'),
    p('Records.*.ses.mail.source', 'sender address', 0),
    p('Records.*.ses.mail.destination', 'recipient addresses', 1),
    p('Records.*.ses.receipt.recipients', 'recipient addresses', 1),
  ],
  'cloudwatch-logs': [p('awslogs.data', 'log data', 0)],
  // VPC Lattice sends an HTTP request in either of its two event structures (V1 snake case, V2 camel case).
  'vpc-lattice': [
    p('body', 'request body', 0),
    p('headers', 'request headers', 1),
    p('query_string_parameters', 'query string', 1),
    p('queryStringParameters', 'query string', 1),
    p('raw_path', 'request path', 0),
    p('path', 'request path', 0),
  ],
  // The caller's GetObject request; the object itself is fetched from the pre-signed URL AWS fills in.
  's3-object-lambda': [p('userRequest.url', 'request URL', 0), p('userRequest.headers', 'request headers', 1)],
  // A Lambda@Edge event holds the viewer's request (its body only where the association includes it); the distribution's config and the origin's settings are CloudFront's.
  cloudfront: [
    p('Records.*.cf.request.uri', 'request path', 0),
    p('Records.*.cf.request.querystring', 'query string', 0),
    p('Records.*.cf.request.headers', 'request headers', 3),
    p('Records.*.cf.request.body.data', 'request body', 0),
  ],
  'kinesis-firehose': [p('records.*.data', 'record data', 0)],
  // What a device sends to connect: its token and its connection's protocol data (MQTT user name and password, HTTP headers, TLS server name).
  'iot-authorizer': [p('token', 'authorization token', 0), p('protocolData', 'connection data')],
  // The user's prompt, and what the model made of it for the action (its parameters and body); the session attributes come from the agent's caller.
  'bedrock-agent': [
    p('inputText', 'prompt', 0),
    p('parameters', 'action parameters'),
    p('requestBody', 'action request body'),
    p('sessionAttributes', 'session attributes', 1),
    p('promptSessionAttributes', 'session attributes', 1),
  ],
  // What a push names: its branches and tags (the custom data is the template's).
  codecommit: [p('Records.*.codecommit.references', 'pushed references')],
  // What a client types to sign in to the server.
  'transfer-identity-provider': [p('username', 'user name', 0), p('password', 'password', 0)],
  // A custom resource's properties are written in the template; the response URL is AWS's.
  'cloudformation-custom-resource': [],
  // Scheduled events carry only what the template wrote.
  'eventbridge-scheduled': [],
  // An Alexa request's fields come from the skill's user; which of them carry speech, the model does not say.
  alexa: [p('', 'event')],
  // A resolver's arguments and the request headers are the caller's; a batched resolver gets a list of such events.
  'appsync-resolver': [p('arguments', 'GraphQL arguments'), p('*.arguments', 'GraphQL arguments'), p('request.headers', 'request headers', 1), p('*.request.headers', 'request headers', 1)],
  // A TOKEN authorizer is sent the caller's token, and the method's ARN, whose path is the request's.
  'apigw-authorizer-token': [p('authorizationToken', 'authorization token', 0), p('methodArn', "method ARN (with the request's path)", 0)],
  // A REQUEST authorizer is sent the request (REST: as a proxy integration; HTTP API: as its payload version says) and what its identity sources name.
  'apigw-authorizer-request': [
    ...HTTP,
    p('identitySource', 'identity source values', 1),
    p('methodArn', "method ARN (with the request's path)", 0),
    p('routeArn', "route ARN (with the request's path)", 0),
  ],
  // The state's input: what the execution was started with, as the workflow passed it on.
  'step-functions': [p('', 'state input')],
  unknown: [p('', 'event')],
};

/**
 * Fields AWS fills in for the handler's own use, which no caller chooses: the pre-signed
 * `ResponseURL` of a CloudFormation custom resource request and the presigned `inputS3Url` (with
 * the output route and token) of an S3 Object Lambda request. Code that reads them is such a
 * handler. They stay attacker data only under a trigger whose whole event an outsider writes (an
 * IoT rule's message).
 */
export const AWS_FILLED: ReadonlyArray<readonly string[]> = [
  ['ResponseURL'],
  ['getObjectContext', 'inputS3Url'],
  ['getObjectContext', 'outputRoute'],
  ['getObjectContext', 'outputToken'],
];

/** Whether a path from the event root is (inside) a field AWS fills in. */
export function isAwsFilled(path: readonly PathSegment[]): boolean {
  return AWS_FILLED.some((f) => f.length <= path.length && f.every((name, i) => path[i]!.name === name));
}

/** The whole event, for functions with no known trigger. */
export const WHOLE_EVENT: readonly SourcePattern[] = [p('', 'event')];

export type PathClass = { kind: 'source'; pattern: SourcePattern; at: number } | { kind: 'container' } | { kind: 'none' };

/** Whether a path from the event root is attacker data (`source`), holds some (`container`), or neither. */
export function classifyPath(path: readonly PathSegment[], patterns: readonly SourcePattern[]): PathClass {
  let container = false;
  for (const pattern of patterns) {
    const n = Math.min(pattern.path.length, path.length);
    let ok = true;
    for (let i = 0; i < n && ok; i++) ok = segmentMatches(path[i]!.name, pattern.path[i]!);
    if (!ok) continue;
    if (pattern.path.length <= path.length) return { kind: 'source', pattern, at: pattern.path.length - 1 };
    container = true;
  }
  return container ? { kind: 'container' } : { kind: 'none' };
}

function segmentMatches(actual: string, wanted: string): boolean {
  if (actual === '*' || wanted === '*') return true;
  return actual === wanted;
}
