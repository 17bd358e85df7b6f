/**
 * A function's `events`: each item is a one-key mapping whose key names the event type.
 */
import type { TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { compileHttpApiEvent } from './http-api-events.js';
import { compileHttpEvent } from './http-events.js';
import { compileAlbEvent, compileCloudWatchLogEvent, compileCognitoEvent } from './other-events.js';
import { compileKafkaEvent, compileMqEvent, compileMskEvent, compileSqsEvent, compileStreamEvent } from './queue-events.js';
import { compileCloudWatchEvent, compileEventBridgeEvent, compileIotEvent, compileScheduleEvent, type EventCounters } from './rule-events.js';
import { compileAlexaEvent, compileCloudFrontEvent, compileIotFleetProvisioningEvent } from './outside-events.js';
import { compileS3Event } from './s3-events.js';
import { compileSnsEvent } from './sns-events.js';
import { compileWebsocketEvent } from './websocket-events.js';
import { lookupTable } from '../../../util/own-keys.js';

type EventCompiler = (ctx: CompileContext, fn: ServerlessFunction, event: TNode, counters: EventCounters) => void;

const COMPILERS: Readonly<Record<string, EventCompiler>> = lookupTable({
  http: compileHttpEvent,
  httpApi: compileHttpApiEvent,
  websocket: compileWebsocketEvent,
  s3: compileS3Event,
  sqs: compileSqsEvent,
  stream: compileStreamEvent,
  sns: compileSnsEvent,
  schedule: compileScheduleEvent,
  eventBridge: compileEventBridgeEvent,
  cloudwatchEvent: compileCloudWatchEvent,
  alexaSkill: compileAlexaEvent('skill'),
  alexaSmartHome: compileAlexaEvent('smart home skill'),
  iotFleetProvisioning: compileIotFleetProvisioningEvent,
  cloudFront: compileCloudFrontEvent,
  iot: compileIotEvent,
  cognitoUserPool: compileCognitoEvent,
  cloudwatchLog: compileCloudWatchLogEvent,
  alb: compileAlbEvent,
  kafka: compileKafkaEvent,
  msk: compileMskEvent,
  activemq: compileMqEvent('ActiveMQ'),
  rabbitmq: compileMqEvent('RabbitMQ'),
});

export function compileEvents(ctx: CompileContext, fn: ServerlessFunction): void {
  const events = get(fn.node, 'events');
  if (events === undefined) return;
  if (events.kind !== 'seq') {
    ctx.diagnostics.warning('malformed-serverless', `events of function ${fn.name} must be a list`, events.loc);
    return;
  }
  const counters: EventCounters = { schedule: 0, eventBridge: 0, cloudwatchEvent: 0, iot: 0, cloudwatchLog: 0 };
  for (const item of events.items) {
    const entry = item.kind === 'map' ? item.entries[0] : undefined;
    if (!entry) continue;
    const compile = COMPILERS[entry.key];
    if (!compile) {
      ctx.diagnostics.note('unsupported-event', `${entry.key} events are not modelled: this trigger of ${fn.name} is not in the model`, entry.keyLoc);
      continue;
    }
    compile(ctx, fn, entry.value, counters);
  }
}
