/**
 * How a finding names where attacker data comes from: "object key of an S3 event from
 * UploadsBucket (writable by anyone)", with the trigger's exposure.
 */
import type { FunctionExposure, ExposureLevel } from '../../analysis/exposure-types.js';
import { EXPOSURE_ORDER } from '../../analysis/exposure-types.js';
import type { AppModel, Route, Trigger, TriggerKind } from '../../model/app-model.js';
import type { FlowSource } from '../../code/taint/analyze-function.js';
import { ModelIndex } from '../../model/model-index.js';
import { routeName } from '../../model/route-name.js';
import { nameOf } from '../subject.js';
import { isRequestTrigger } from '../../model/trigger-kind.js';

const KIND_PHRASE: Readonly<Record<TriggerKind, string>> = {
  'apigw-rest': 'an API request',
  'apigw-http': 'an API request',
  'apigw-websocket': 'an API request',
  'function-url': 'a Function URL request',
  alb: 'a load balancer request',
  s3: 'an S3 event',
  sqs: 'an SQS message',
  sns: 'an SNS notification',
  'dynamodb-stream': 'a DynamoDB stream record',
  'kinesis-stream': 'a Kinesis record',
  'kafka-msk': 'a Kafka record',
  'kafka-self-managed': 'a Kafka record',
  mq: 'an MQ message',
  documentdb: 'a DocumentDB change event',
  eventbridge: 'an EventBridge event',
  'eventbridge-scheduled': 'a scheduled event',
  iot: 'an IoT message',
  'cognito-user-pool': 'a Cognito trigger event',
  ses: 'an e-mail',
  'cloudwatch-logs': 'a CloudWatch Logs event',
  alexa: 'an Alexa request',
  'appsync-resolver': 'a GraphQL request',
  'step-functions': 'a Step Functions task',
  'vpc-lattice': 'a VPC Lattice request',
  's3-object-lambda': 'an S3 Object Lambda request',
  cloudfront: 'a CloudFront request',
  'kinesis-firehose': 'a Firehose record',
  'iot-authorizer': 'an IoT connection attempt',
  'bedrock-agent': "a Bedrock agent's action call",
  codecommit: 'a CodeCommit push',
  'transfer-identity-provider': 'a Transfer Family sign-in',
  'cloudformation-custom-resource': 'a custom resource request',
  'apigw-authorizer-token': "an API request's authorization check",
  'apigw-authorizer-request': "an API request's authorization check",
  unknown: 'an event',
};

/** The widest exposure among the triggers that bring the data; the function's own when none does. */
export function sourceLevel(source: FlowSource, exposure: FunctionExposure | undefined, model: AppModel): ExposureLevel {
  const levels = source.triggers.map((t) => entryOf(t, exposure, model)?.level ?? 'internal');
  if (levels.length === 0) return exposure?.level ?? 'internal';
  return levels.sort(widestFirst)[0]!;
}

/**
 * The widest way data gets into what a trigger delivers: the trigger itself, or an API route whose
 * integration writes the request into the trigger's source (`<route>-><trigger>`: the request
 * becomes the message). A chain through another function's role is not one: that function's code
 * chooses what it writes.
 */
function entryOf(t: Trigger, exposure: FunctionExposure | undefined, model: AppModel): { level: ExposureLevel; route?: Route } | undefined {
  const index = ModelIndex.of(model);
  const entries = (exposure?.paths ?? []).flatMap((p) => {
    if (p.via === t.id) return [{ level: p.level }];
    const route = p.via.endsWith(`->${t.id}`) ? index.route(p.via.slice(0, -t.id.length - 2)) : undefined;
    return route ? [{ level: p.level, route }] : [];
  });
  return entries.sort((a, b) => widestFirst(a.level, b.level))[0];
}

function widestFirst(a: ExposureLevel, b: ExposureLevel): number {
  return EXPOSURE_ORDER.indexOf(a) - EXPOSURE_ORDER.indexOf(b);
}

export function describeSource(source: FlowSource, model: AppModel, exposure: FunctionExposure | undefined): string {
  const [first, ...more] = source.triggers;
  if (!first) return `${source.label === 'event' ? 'the event' : `${source.label} of the event`} (the template gives the function no trigger: what invokes it, a workflow or another function of the app, chooses all of it)`;
  const also = more.length > 0 ? ` (and ${more.length} more trigger${more.length > 1 ? 's' : ''})` : '';
  return `${source.label} of ${KIND_PHRASE[first.kind]}${from(first, model)}${exposureText(first, exposure, model)}${also}`;
}

function from(t: Trigger, model: AppModel): string {
  if (t.routeId) {
    const route = ModelIndex.of(model).route(t.routeId);
    if (route) return ` to ${routeName(route)}`;
  }
  const source = ModelIndex.of(model).resource(t.sourceId);
  if (!source) return '';
  return `${t.kind === 'ses' ? ' received by receipt rule' : ' from'} ${nameOf(source)}`;
}

function exposureText(t: Trigger, exposure: FunctionExposure | undefined, model: AppModel): string {
  const entry = entryOf(t, exposure, model);
  const level = entry?.level;
  if (!level || level === 'internal') return '';
  if (entry.route) return ` (fed by ${routeName(entry.route)} of ${apiName(entry.route, model)}, ${level === 'public' ? 'open to anyone' : level === 'authenticated' ? 'any signed-in caller' : 'principals of the account'})`;
  if (level === 'public') return isRequestTrigger(t.kind) ? ' (open to anyone)' : t.kind === 'ses' ? ' (anyone can send one)' : ' (writable by anyone)';
  if (level === 'authenticated') return ' (any signed-in caller)';
  return ' (principals of the account)';
}

function apiName(route: Route, model: AppModel): string {
  const api = ModelIndex.of(model).api(route.apiId);
  return api ? nameOf(api) : 'an API';
}
