/**
 * Other services that invoke functions: EventBridge rules and schedules (and EventBridge Scheduler), IoT topic rules, Cognito
 * user-pool triggers, CloudWatch Logs subscriptions, SES receipt rules, CodeCommit repository triggers,
 * custom resources.
 */
import type { LambdaFunction, TriggerKind } from '../../model/app-model.js';
import { isValueMap, type Value, type ValueMap } from '../../model/value.js';
import { get, items, type TNode } from '../../parse/tree.js';
import { prop, props, type LoadContext } from './load-context.js';
import type { TemplateResource } from './template.js';
import { withS3Origins } from './s3-event-origins.js';
import { isCustomResourceType } from '../../model/custom-resource-type.js';

export function linkEventRule(ctx: LoadContext, r: TemplateResource): void {
  const id = ctx.template.resourceId(r.logicalId);
  const schedule = prop(ctx, r, 'ScheduleExpression').value;
  const kind: TriggerKind = schedule !== undefined ? 'eventbridge-scheduled' : 'eventbridge';
  items(get(props(r), 'Targets')).forEach((node, i) => {
    const target = ctx.ev.value(node);
    if (!isValueMap(target)) return;
    const fn = ctx.builder.functionOf(target['Arn']);
    if (!fn) return;
    const pattern = prop(ctx, r, 'EventPattern').value;
    const details: ValueMap = schedule !== undefined ? { schedule } : { pattern: pattern ?? null, eventBus: prop(ctx, r, 'EventBusName').value ?? 'default' };
    const trigger = { id: `${id}#target${i}`, kind, functionId: fn.id, sourceId: id, asynchronous: true, details, loc: node.loc };
    const triggers = schedule !== undefined ? [trigger] : withS3Origins(ctx.builder, ctx.template.stackId, pattern, trigger);
    for (const t of triggers) ctx.builder.addTrigger(t);
  });
}

/** `AWS::Scheduler::Schedule`: EventBridge Scheduler invokes its one target on the schedule. */
export function linkSchedule(ctx: LoadContext, r: TemplateResource): void {
  const target = prop(ctx, r, 'Target', 'Arn');
  const fn = ctx.builder.functionOf(target.value);
  if (!fn) return;
  const id = ctx.template.resourceId(r.logicalId);
  ctx.builder.addTrigger({ id, kind: 'eventbridge-scheduled', functionId: fn.id, sourceId: id, asynchronous: true, details: { schedule: prop(ctx, r, 'ScheduleExpression').value ?? null }, loc: target.loc });
}

export function linkIotRule(ctx: LoadContext, r: TemplateResource): void {
  const id = ctx.template.resourceId(r.logicalId);
  const sql = prop(ctx, r, 'TopicRulePayload', 'Sql').value;
  for (const { fn, node, index } of functionActions(ctx, r, 'TopicRulePayload', 'Lambda')) {
    ctx.builder.addTrigger({ id: `${id}#action${index}`, kind: 'iot', functionId: fn.id, sourceId: id, asynchronous: true, details: { sql: sql ?? null }, loc: node.loc });
  }
}

/**
 * `AWS::SES::ReceiptRule`: each `LambdaAction` invokes its function with the e-mail SES received,
 * asynchronously unless `InvocationType` is `RequestResponse` (SES then waits for the function's
 * verdict on the mail).
 */
export function linkSesReceiptRule(ctx: LoadContext, r: TemplateResource): void {
  const id = ctx.template.resourceId(r.logicalId);
  const recipients = prop(ctx, r, 'Rule', 'Recipients').value;
  for (const { fn, action, node, index } of functionActions(ctx, r, 'Rule', 'LambdaAction')) {
    const asynchronous = action['InvocationType'] !== 'RequestResponse';
    ctx.builder.addTrigger({ id: `${id}#action${index}`, kind: 'ses', functionId: fn.id, sourceId: id, asynchronous, details: { recipients: recipients ?? null }, loc: node.loc });
  }
}

/**
 * The actions of a rule (`<body>.Actions`, IoT's and SES's shape) whose `key` action invokes a
 * function of the model, with that action's settings and its place in the list.
 */
function functionActions(ctx: LoadContext, r: TemplateResource, body: string, key: string): Array<{ fn: LambdaFunction; action: ValueMap; node: TNode; index: number }> {
  return items(get(get(props(r), body), 'Actions')).flatMap((node, index) => {
    const written = ctx.ev.value(node);
    const action = isValueMap(written) ? written[key] : undefined;
    const fn = isValueMap(action) ? ctx.builder.functionOf(action['FunctionArn']) : undefined;
    return fn && isValueMap(action) ? [{ fn, action, node, index }] : [];
  });
}

/** `AWS::CodeCommit::Repository`: each trigger whose destination is a function invokes it, asynchronously, with the pushes it names. */
export function linkRepositoryTriggers(ctx: LoadContext, r: TemplateResource): void {
  const id = ctx.template.resourceId(r.logicalId);
  items(get(props(r), 'Triggers')).forEach((node, i) => {
    const destination = get(node, 'DestinationArn');
    const fn = ctx.builder.functionOf(ctx.ev.value(destination));
    if (!fn) return;
    ctx.builder.addTrigger({ id: `${id}#trigger${i}`, kind: 'codecommit', functionId: fn.id, sourceId: id, asynchronous: true, details: {}, loc: destination?.loc ?? node.loc });
  });
}

/**
 * A custom resource (`Custom::<Name>` or `AWS::CloudFormation::CustomResource`) whose `ServiceToken`
 * is a function: CloudFormation invokes it, asynchronously, at each create, update and delete of
 * the resource, with the properties the template writes.
 */
export function linkCustomResource(ctx: LoadContext, r: TemplateResource): void {
  if (!isCustomResourceType(r.type)) return;
  const token = prop(ctx, r, 'ServiceToken');
  const fn = ctx.builder.functionOf(token.value);
  if (!fn) return;
  const id = ctx.template.resourceId(r.logicalId);
  ctx.builder.addTrigger({ id, kind: 'cloudformation-custom-resource', functionId: fn.id, sourceId: id, asynchronous: true, details: {}, loc: token.loc });
}

export function linkUserPoolTriggers(ctx: LoadContext, r: TemplateResource): void {
  const id = ctx.template.resourceId(r.logicalId);
  const config = get(props(r), 'LambdaConfig');
  if (config?.kind !== 'map') return;
  for (const e of config.entries) {
    const v: Value | undefined = ctx.ev.value(e.value);
    const fnValue = isValueMap(v) ? v['LambdaArn'] : v;
    const fn = ctx.builder.functionOf(fnValue);
    if (!fn) continue;
    ctx.builder.addTrigger({ id: `${id}#${e.key}`, kind: 'cognito-user-pool', functionId: fn.id, sourceId: id, asynchronous: false, details: { trigger: e.key }, loc: e.keyLoc });
  }
}

export function linkLogSubscription(ctx: LoadContext, r: TemplateResource): void {
  const fn = ctx.builder.functionOf(prop(ctx, r, 'DestinationArn').value);
  if (!fn) return;
  const group = ctx.builder.resourceOf(prop(ctx, r, 'LogGroupName').value);
  ctx.builder.addTrigger({ id: ctx.template.resourceId(r.logicalId), kind: 'cloudwatch-logs', functionId: fn.id, ...(group ? { sourceId: group.id } : {}), asynchronous: true, details: {}, loc: r.loc });
}
