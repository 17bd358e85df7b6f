/**
 * Events that EventBridge delivers: `schedule` (one rule per rate expression) and `eventBridge`
 * (a pattern or schedule on a bus), and IoT topic rules.
 */
import type { TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';
import { naming } from '../naming.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { build, getAtt, truthy, type Shape } from './nodes.js';
import { statementItems } from './role-parts.js';

/** Counters per function, since the framework numbers rules from 1 in declaration order. */
export interface EventCounters {
  schedule: number;
  eventBridge: number;
  cloudwatchEvent: number;
  iot: number;
  cloudwatchLog: number;
}

export function compileScheduleEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode, counters: EventCounters): void {
  const rates = event.kind === 'map' ? statementItems(get(event, 'rate')) : [event];
  const disabled = get(event, 'enabled') !== undefined && !truthy(get(event, 'enabled'));
  for (const rate of rates) {
    const n = ++counters.schedule;
    ctx.add(naming.schedule(fn.name, n), 'AWS::Events::Rule', {
      ScheduleExpression: rate,
      State: disabled ? 'DISABLED' : 'ENABLED',
      Name: get(event, 'name'),
      Targets: [{ Arn: getAtt(fn.logicalId, 'Arn'), Id: `${fn.name}Schedule`, Input: get(event, 'input') }],
    }, rate.loc);
    permission(ctx, fn, `EventsRuleSchedule${n}`, 'events.amazonaws.com', getAtt(naming.schedule(fn.name, n), 'Arn'), event);
  }
}

export function compileEventBridgeEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode, counters: EventCounters): void {
  const n = ++counters.eventBridge;
  ctx.add(naming.eventBridgeRule(fn.name, n), 'AWS::Events::Rule', {
    EventBusName: get(event, 'eventBus'),
    EventPattern: get(event, 'pattern'),
    ScheduleExpression: get(event, 'schedule'),
    State: get(event, 'enabled') !== undefined && !truthy(get(event, 'enabled')) ? 'DISABLED' : 'ENABLED',
    Targets: [{ Arn: getAtt(fn.logicalId, 'Arn'), Id: `${fn.name}EventBridgeTarget`, Input: get(event, 'input') }],
  }, event.loc);
  permission(ctx, fn, `EventBridge${n}`, 'events.amazonaws.com', getAtt(naming.eventBridgeRule(fn.name, n), 'Arn'), event);
}

/** The older form of an EventBridge pattern rule, on the default bus. */
export function compileCloudWatchEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode, counters: EventCounters): void {
  const n = ++counters.cloudwatchEvent;
  const id = naming.cloudWatchEventRule(fn.name, n);
  ctx.add(id, 'AWS::Events::Rule', {
    Name: get(event, 'name'),
    EventPattern: get(event, 'event'),
    State: get(event, 'enabled') !== undefined && !truthy(get(event, 'enabled')) ? 'DISABLED' : 'ENABLED',
    Targets: [{ Arn: getAtt(fn.logicalId, 'Arn'), Id: `${fn.name}CloudWatchEvent${n}`, Input: get(event, 'input') }],
  }, event.loc);
  permission(ctx, fn, `EventsRuleCloudWatchEvent${n}`, 'events.amazonaws.com', getAtt(id, 'Arn'), event);
}

export function compileIotEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode, counters: EventCounters): void {
  const n = ++counters.iot;
  ctx.add(naming.iotRule(fn.name, n), 'AWS::IoT::TopicRule', {
    RuleName: get(event, 'name'),
    TopicRulePayload: {
      Sql: get(event, 'sql'),
      AwsIotSqlVersion: get(event, 'sqlVersion'),
      RuleDisabled: get(event, 'enabled') !== undefined ? build(!truthy(get(event, 'enabled')), event.loc) : false,
      Actions: [{ Lambda: { FunctionArn: getAtt(fn.logicalId, 'Arn') } }],
    },
  }, event.loc);
  permission(ctx, fn, `IotTopicRule${n}`, 'iot.amazonaws.com', getAtt(naming.iotRule(fn.name, n), 'Arn'), event);
}

/** The framework scopes each permission to the rule that invokes the function. */
function permission(ctx: CompileContext, fn: ServerlessFunction, suffix: string, principal: string, sourceArn: Shape, event: TNode): void {
  const props: { [key: string]: Shape } = { FunctionName: getAtt(fn.logicalId, 'Arn'), Action: 'lambda:InvokeFunction', Principal: principal, SourceArn: sourceArn };
  ctx.add(naming.permission(fn.name, suffix), 'AWS::Lambda::Permission', props, event.loc);
}

