import type { SourceName } from './source-name.js';
import { parseSqsBody, sqsRecordSource } from './sqs-record.js';
import { isObject as isObj } from './json-object.js';

type Obj = Record<string, unknown>;

/**
 * Names the event source from the event's shape alone.
 *
 * Detection is a routing aid and an allow-list input, not authentication:
 * anyone who can invoke the function directly can forge any shape, which is
 * why the guard pairs it with authentication for HTTP sources and why IAM
 * must still restrict who may invoke the function. Anything unrecognised is
 * `direct`, so an allow-list without `direct` rejects hand-crafted payloads.
 */
export function detectSource(event: unknown): SourceName {
  const shape = detectShape(event);
  if (shape !== 'sqs') return shape;
  // A batch is S3 (or SNS) through SQS only when every record's body is such a notification.
  const records = (event as { Records: unknown[] }).Records;
  const kinds = new Set(records.map((r) => {
    const body = (r as Obj)['body'];
    return typeof body === 'string' ? sqsRecordSource(parseSqsBody(body, {})) : 'sqs';
  }));
  return kinds.size === 1 ? [...kinds][0]! : 'sqs';
}

/**
 * The source as far as the event's outer shape tells, without reading any
 * payload: every SQS batch is `sqs` here, and the guard classifies each of
 * its records from the record's parsed body.
 */
export function detectShape(event: unknown): SourceName {
  if (!isObj(event)) return 'direct';
  const records = event['Records'];
  if (Array.isArray(records)) return detectRecordsSource(records);
  const context = event['requestContext'];
  if (isObj(context)) return detectRequestSource(event, context);
  if (typeof event['detail-type'] === 'string' && 'detail' in event) return detectEventBridge(event);
  return detectOtherSource(event);
}

function detectRecordsSource(records: unknown[]): SourceName {
  const first = records[0];
  if (!isObj(first)) return 'direct';
  // Lambda@Edge names no event source: its one record holds CloudFront's `cf` with the distribution's config.
  if (isObj(first['cf']) && isObj(first['cf']['config'])) return 'cloudfront';
  const source = first['eventSource'] ?? first['EventSource'];
  switch (source) {
    case 'aws:sqs':
      return 'sqs';
    case 'aws:sns':
      return 'sns';
    case 'aws:s3':
      return 's3';
    case 'aws:dynamodb':
      return 'dynamodb-stream';
    case 'aws:kinesis':
      return 'kinesis-stream';
    case 'aws:codecommit':
      return 'codecommit';
    case 'aws:ses':
      return 'ses';
    default:
      return 'direct';
  }
}

function detectRequestSource(event: Obj, context: Obj): SourceName {
  if (isObj(context['elb'])) return 'alb';
  if (typeof context['serviceNetworkArn'] === 'string' || typeof context['targetGroupArn'] === 'string') return 'vpc-lattice';
  // Before WebSocket: a $connect authorizer event carries the connection's context too.
  if (event['type'] === 'REQUEST' && ('methodArn' in event || 'routeArn' in event)) {
    return 'apigw-authorizer-request';
  }
  if (typeof context['connectionId'] === 'string' && typeof context['eventType'] === 'string') {
    return 'apigw-websocket';
  }
  if (event['version'] === '2.0' && isObj(context['http'])) {
    const domain = context['domainName'];
    if (typeof domain === 'string' && domain.includes('.lambda-url.')) return 'function-url';
    return 'apigw-http';
  }
  if (typeof event['httpMethod'] === 'string') return 'apigw-rest';
  return 'direct';
}

function detectEventBridge(event: Obj): SourceName {
  const source = event['source'];
  if (source === 'aws.s3') return 's3-eventbridge';
  if (source === 'aws.events' && event['detail-type'] === 'Scheduled Event') return 'eventbridge-scheduled';
  return 'eventbridge';
}

function detectOtherSource(event: Obj): SourceName {
  if (event['type'] === 'TOKEN' && typeof event['authorizationToken'] === 'string') {
    return 'apigw-authorizer-token';
  }
  const eventSource = event['eventSource'];
  if (eventSource === 'aws:kafka' && isObj(event['records'])) return 'kafka-msk';
  if (eventSource === 'SelfManagedKafka' && isObj(event['records'])) return 'kafka-self-managed';
  if (eventSource === 'aws:mq' && Array.isArray(event['messages'])) return 'mq';
  if (eventSource === 'aws:rmq' && isObj(event['rmqMessagesByQueue'])) return 'mq';
  if (eventSource === 'aws:docdb' && Array.isArray(event['events'])) return 'documentdb';
  if (isFirehoseEvent(event)) return 'kinesis-firehose';
  if (isObj(event['awslogs']) && typeof event['awslogs']['data'] === 'string') return 'cloudwatch-logs';
  if (typeof event['triggerSource'] === 'string' && typeof event['userPoolId'] === 'string') {
    return 'cognito-user-pool';
  }
  if (isIotAuthorizerEvent(event)) return 'iot-authorizer';
  if (isIotRuleEvent(event)) return 'iot';
  return detectServiceInvocation(event);
}

const CUSTOM_RESOURCE_REQUESTS: ReadonlySet<unknown> = new Set(['Create', 'Update', 'Delete']);
const ROTATION_STEPS: ReadonlySet<unknown> = new Set(['createSecret', 'setSecret', 'testSecret', 'finishSecret']);

/** Services that invoke a function with an event of their own (resolvers, bots, workflows). */
function detectServiceInvocation(event: Obj): SourceName {
  const info = event['info'];
  if (isObj(info) && typeof info['fieldName'] === 'string' && typeof info['parentTypeName'] === 'string') return 'appsync-resolver';
  if (isObj(info) && isObj(info['channel']) && typeof info['operation'] === 'string') return 'appsync-events';
  if (typeof event['raw_path'] === 'string' && typeof event['method'] === 'string' && typeof event['is_base64_encoded'] === 'boolean') return 'vpc-lattice';
  if (typeof event['xAmzRequestId'] === 'string' && isObj(event['configuration']) && isObj(event['userRequest'])) return 's3-object-lambda';
  if (CUSTOM_RESOURCE_REQUESTS.has(event['RequestType']) && typeof event['ResponseURL'] === 'string' && typeof event['StackId'] === 'string') return 'cloudformation-custom-resource';
  if (ROTATION_STEPS.has(event['Step']) && typeof event['SecretId'] === 'string' && typeof event['ClientRequestToken'] === 'string') return 'secrets-manager-rotation';
  if (typeof event['serverId'] === 'string' && typeof event['username'] === 'string' && typeof event['protocol'] === 'string') return 'transfer-identity-provider';
  if (event['Name'] === 'ContactFlowEvent' && isObj(event['Details'])) return 'connect';
  if (isObj(event['CodePipeline.job'])) return 'codepipeline';
  if (typeof event['applicationArn'] === 'string' && Array.isArray(event['records']) && typeof event['invocationId'] === 'string') return 'kinesis-analytics';
  if (isAlexaEvent(event)) return 'alexa';
  if (isObj(event['bot']) && typeof event['invocationSource'] === 'string') return 'lex';
  if (isObj(event['agent']) && typeof event['actionGroup'] === 'string' && typeof event['messageVersion'] === 'string') return 'bedrock-agent';
  return 'direct';
}

/** Alexa Skills Kit requests (`request` with a `type`, and a session or context) and Smart Home directives. */
function isAlexaEvent(event: Obj): boolean {
  const request = event['request'];
  if (isObj(request) && typeof request['type'] === 'string' && typeof event['version'] === 'string' && (isObj(event['session']) || isObj(event['context']))) return true;
  const directive = event['directive'];
  return isObj(directive) && isObj(directive['header']) && typeof directive['header']['namespace'] === 'string';
}

// Firehose names its stream in `deliveryStreamArn`, but some producers' samples
// omit it; the record shape (recordId + data) is the reliable part. Kinesis
// Data Analytics preprocessing events look alike and carry `applicationArn`.
function isFirehoseEvent(event: Obj): boolean {
  const records = event['records'];
  if (!Array.isArray(records) || typeof event['invocationId'] !== 'string' || 'applicationArn' in event) return false;
  if (typeof event['deliveryStreamArn'] === 'string') return true;
  const first = records[0];
  return isObj(first) && typeof first['recordId'] === 'string' && typeof first['data'] === 'string';
}

// IoT rules forward the message itself, which has no fixed shape. The guard
// recognises rules that add the MQTT topic and client id to the payload
// (`SELECT *, topic() AS topic, clientid() AS clientId FROM ...`), the
// convention the README documents.
function isIotRuleEvent(event: Obj): boolean {
  return typeof event['topic'] === 'string' && typeof event['clientId'] === 'string';
}

/** IoT Core custom authorizer requests: what the connecting client presented, per protocol, and the connection id. */
function isIotAuthorizerEvent(event: Obj): boolean {
  return isObj(event['protocolData']) && Array.isArray(event['protocols']) && isObj(event['connectionMetadata']);
}
