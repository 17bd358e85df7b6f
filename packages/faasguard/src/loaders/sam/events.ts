/**
 * A SAM function's `Events` into triggers (and, for API events, routes with their effective
 * authorization); a SAM state machine's `Api` events into routes that start it. Linked after every
 * function and API of the template exists.
 */
import type { Api, RouteAuth, Trigger, TriggerKind } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { asBoolean, isValueMap, referencedResource, type Value, type ValueMap } from '../../model/value.js';
import type { TMapEntry } from '../../parse/tree.js';
import { get } from '../../parse/tree.js';
import type { LoadContext } from '../cloudformation/load-context.js';
import { props } from '../cloudformation/load-context.js';
import type { TemplateResource } from '../cloudformation/template.js';
import { withS3Origins } from '../cloudformation/s3-event-origins.js';
import { apiTriggerKind } from '../../model/trigger-kind.js';
import { implicitApi } from './api.js';
import { samEventValidation } from '../request-validation.js';
import { samEventCachesByParameter } from '../cache-keys.js';
import { setOwn } from '../../util/own-keys.js';
import { lookupTable } from '../../util/own-keys.js';

/** Event type → trigger kind, the property naming the source, and whether the service invokes asynchronously. */
const EVENT_TYPES: Readonly<Record<string, { kind: TriggerKind; source?: string; async: boolean }>> = lookupTable({
  S3: { kind: 's3', source: 'Bucket', async: true },
  SQS: { kind: 'sqs', source: 'Queue', async: false },
  SNS: { kind: 'sns', source: 'Topic', async: true },
  DynamoDB: { kind: 'dynamodb-stream', source: 'Stream', async: false },
  Kinesis: { kind: 'kinesis-stream', source: 'Stream', async: false },
  MSK: { kind: 'kafka-msk', source: 'Stream', async: false },
  SelfManagedKafka: { kind: 'kafka-self-managed', async: false },
  MQ: { kind: 'mq', source: 'Broker', async: false },
  DocumentDB: { kind: 'documentdb', source: 'Cluster', async: false },
  Schedule: { kind: 'eventbridge-scheduled', async: true },
  ScheduleV2: { kind: 'eventbridge-scheduled', async: true },
  EventBridgeRule: { kind: 'eventbridge', async: true },
  CloudWatchEvent: { kind: 'eventbridge', async: true },
  IoTRule: { kind: 'iot', async: true },
  Cognito: { kind: 'cognito-user-pool', source: 'UserPool', async: false },
  CloudWatchLogs: { kind: 'cloudwatch-logs', source: 'LogGroupName', async: true },
  AlexaSkill: { kind: 'alexa', async: false },
});

export function linkSamEvents(ctx: LoadContext, r: TemplateResource): void {
  const fnId = ctx.template.resourceId(r.logicalId);
  const events = get(props(r), 'Events');
  if (events?.kind !== 'map') return;
  for (const entry of events.entries) linkEvent(ctx, fnId, entry);
}

function linkEvent(ctx: LoadContext, fnId: string, entry: TMapEntry): void {
  const v = ctx.ev.value(entry.value);
  if (!isValueMap(v)) return;
  const type = typeof v['Type'] === 'string' ? v['Type'] : '';
  const p = isValueMap(v['Properties']) ? v['Properties'] : {};
  const id = `${fnId}#${entry.key}`;
  if (type === 'Api' || type === 'HttpApi') return linkApiEvent(ctx, fnId, id, type, p, entry);
  const def = EVENT_TYPES[type];
  if (!def) {
    ctx.template.diagnostics.warning('unknown-event-type', `event ${entry.key} has type ${type || '(none)'}, which faasguard does not know`, entry.keyLoc);
    return;
  }
  const source = def.source ? p[def.source] : undefined;
  const sourceRes = ctx.builder.resourceOf(source);
  const trigger: Trigger = {
    id,
    kind: def.kind,
    functionId: fnId,
    ...(sourceRes ? { sourceId: sourceRes.id } : {}),
    ...(source !== undefined ? { source } : {}),
    asynchronous: def.async,
    details: eventDetails(p, def.source),
    loc: entry.keyLoc,
  };
  const triggers = def.kind === 'eventbridge' ? withS3Origins(ctx.builder, ctx.template.stackId, p['Pattern'], trigger) : [trigger];
  for (const t of triggers) ctx.builder.addTrigger(t);
}

/**
 * `AWS::Serverless::StateMachine` `Events` of type `Api`: SAM adds a route whose integration starts
 * an execution (`states:StartExecution`), so whoever can call the route reaches the functions the
 * state machine's tasks invoke. Its schedules and EventBridge rules are the application's own.
 */
export function linkSamStateMachineEvents(ctx: LoadContext, r: TemplateResource): void {
  const machineId = ctx.template.resourceId(r.logicalId);
  const events = get(props(r), 'Events');
  if (events?.kind !== 'map') return;
  for (const entry of events.entries) {
    const v = ctx.ev.value(entry.value);
    if (!isValueMap(v) || v['Type'] !== 'Api') continue;
    const p = isValueMap(v['Properties']) ? v['Properties'] : {};
    const api = eventApi(ctx, 'rest', p['RestApiId'], entry.keyLoc);
    if (!api) continue;
    const authNode = get(get(entry.value, 'Properties'), 'Auth');
    ctx.builder.addRoute({
      id: `${machineId}#${entry.key}`,
      logicalId: `${r.logicalId}.${entry.key}`,
      stack: ctx.template.stackId,
      loc: entry.keyLoc,
      apiId: api.id,
      method: typeof p['Method'] === 'string' ? p['Method'].toUpperCase() : 'ANY',
      path: typeof p['Path'] === 'string' ? p['Path'] : '/',
      auth: routeAuth(api, p['Auth'], authNode?.loc ?? entry.keyLoc),
      integration: { kind: 'aws-service', service: 'states', targetId: machineId, loc: entry.keyLoc },
    });
  }
}

function eventDetails(p: ValueMap, sourceKey: string | undefined): ValueMap {
  const out: ValueMap = {};
  for (const [k, x] of Object.entries(p)) if (k !== sourceKey) setOwn(out, k, x);
  return out;
}

function linkApiEvent(ctx: LoadContext, fnId: string, id: string, type: string, p: ValueMap, entry: TMapEntry): void {
  const protocol = type === 'HttpApi' ? 'http' : 'rest';
  const api = eventApi(ctx, protocol, p[protocol === 'http' ? 'ApiId' : 'RestApiId'], entry.keyLoc);
  if (!api) return;
  const method = typeof p['Method'] === 'string' ? p['Method'].toUpperCase() : 'ANY';
  const path = typeof p['Path'] === 'string' ? p['Path'] : protocol === 'http' ? '$default' : '/';
  const authNode = get(get(entry.value, 'Properties'), 'Auth');
  const validation = api.protocol === 'rest' ? { requestValidation: samEventValidation(p, entry.keyLoc), cacheKeyed: samEventCachesByParameter(p['RequestParameters']) } : {};
  ctx.builder.addRoute({ id, logicalId: `${fnId.split('/').pop()}.${entry.key}`, stack: ctx.template.stackId, loc: entry.keyLoc, apiId: api.id, method: method === 'X-AMAZON-APIGATEWAY-ANY-METHOD' ? 'ANY' : method, path, functionId: fnId, auth: routeAuth(api, p['Auth'], authNode?.loc ?? entry.keyLoc), ...validation });
  ctx.builder.addTrigger({ id, kind: apiTriggerKind(api.protocol), functionId: fnId, routeId: id, sourceId: api.id, asynchronous: false, details: {}, loc: entry.keyLoc });
}

/** The API an event names, or the implicit one (created on first use). */
function eventApi(ctx: LoadContext, protocol: 'rest' | 'http', apiRef: Value | undefined, loc: SourceLocation): Api | undefined {
  if (apiRef !== undefined) {
    const ref = referencedResource(apiRef);
    const api = ref ? ctx.builder.api(ref.target) : undefined;
    if (!api) ctx.template.diagnostics.error('broken-reference', 'the API of this event is not an API of the template', loc);
    return api;
  }
  const implicitId = ctx.template.resourceId(protocol === 'http' ? 'ServerlessHttpApi' : 'ServerlessRestApi');
  const existing = ctx.builder.api(implicitId);
  if (existing) return existing;
  const api = implicitApi(ctx, protocol, loc);
  ctx.builder.addApi(api);
  return api;
}

/** The route's effective authorization: the event's `Auth`, else the API's default. */
function routeAuth(api: Api, auth: Value | undefined, loc: SourceLocation): RouteAuth {
  const a = isValueMap(auth) ? auth : {};
  const apiKeyRequired = asBoolean(a['ApiKeyRequired']) ?? api.apiKeyRequiredByDefault;
  const name = typeof a['Authorizer'] === 'string' ? a['Authorizer'] : api.defaultAuthorizer;
  if (name === undefined || name === 'NONE') return { type: 'none', apiKeyRequired, loc };
  if (name === 'AWS_IAM') return { type: 'iam', authorizer: name, apiKeyRequired, loc };
  const authorizer = api.authorizers.find((x) => x.name === name);
  return { type: authorizer?.type ?? 'unknown', authorizer: name, apiKeyRequired, loc };
}
