/**
 * Who may act on buckets, topics, queues, event buses, streams and KMS keys (their resource
 * policies), and which functions their events trigger.
 */
import type { PolicyDocument } from '../../model/app-model.js';
import { asArray, isValueMap, ResourceRef, type Value, type ValueMap } from '../../model/value.js';
import { get, items } from '../../parse/tree.js';
import { loadPolicyDocument, loadStatement } from './policy-document.js';
import { plainStatement } from './plain-policy.js';
import { prop, props, type LoadContext } from './load-context.js';
import type { TemplateResource } from './template.js';

/** S3 NotificationConfiguration.LambdaConfigurations → s3 triggers. */
export function linkBucketNotifications(ctx: LoadContext, r: TemplateResource): void {
  const bucketId = ctx.template.resourceId(r.logicalId);
  const configs = items(get(get(props(r), 'NotificationConfiguration'), 'LambdaConfigurations'));
  configs.forEach((node, i) => {
    const v = ctx.ev.value(node);
    if (!isValueMap(v)) return;
    const fn = ctx.builder.functionOf(v['Function']);
    if (!fn) return;
    ctx.builder.addTrigger({
      id: `${bucketId}#notification${i}`,
      kind: 's3',
      functionId: fn.id,
      sourceId: bucketId,
      source: new ResourceRef(bucketId, r.logicalId),
      asynchronous: true,
      details: { events: asArray(v['Event']), ...(v['Filter'] !== undefined ? { filter: v['Filter'] } : {}) },
      loc: node.loc,
    });
  });
}

export function linkBucketPolicy(ctx: LoadContext, r: TemplateResource): void {
  const bucket = prop(ctx, r, 'Bucket').value;
  const named = ctx.builder.resourceOf(bucket) ? undefined : ctx.builder.resourceNamed(ctx.template.stackId, 'AWS::S3::Bucket', 'BucketName', bucket);
  attachPolicy(ctx, r, [named ? new ResourceRef(named.id, named.logicalId) : bucket]);
}

export function linkTopicPolicy(ctx: LoadContext, r: TemplateResource): void {
  attachPolicy(ctx, r, asArray(prop(ctx, r, 'Topics').value));
}

export function linkQueuePolicy(ctx: LoadContext, r: TemplateResource): void {
  attachPolicy(ctx, r, asArray(prop(ctx, r, 'Queues').value));
}

/** A Kinesis stream's (or stream consumer's) resource policy. */
export function linkStreamPolicy(ctx: LoadContext, r: TemplateResource): void {
  const doc = loadPolicyDocument(get(props(r), 'ResourcePolicy'), ctx.ev, r.loc);
  if (doc) attachDocument(ctx, r, doc, [prop(ctx, r, 'ResourceArn').value]);
}

/** An event bus's own `Policy`: the bus holds and is governed by it. */
export function linkEventBusOwnPolicy(ctx: LoadContext, r: TemplateResource): void {
  const doc = loadPolicyDocument(get(props(r), 'Policy'), ctx.ev, r.loc);
  if (doc) attachDocument(ctx, r, doc, []);
}

/** A KMS key's `KeyPolicy`: the key holds and is governed by it. */
export function linkKeyPolicy(ctx: LoadContext, r: TemplateResource): void {
  const doc = loadPolicyDocument(get(props(r), 'KeyPolicy'), ctx.ev, r.loc);
  if (doc) attachDocument(ctx, r, doc, []);
}

/**
 * `AWS::Events::EventBusPolicy`: one statement, written whole (`Statement`) or in the older form
 * of `Action`, `Principal` (an account id or `*`) and one `Condition`. Without `EventBusName` it
 * governs the account's default bus.
 */
export function linkEventBusPolicy(ctx: LoadContext, r: TemplateResource): void {
  const statementNode = get(props(r), 'Statement');
  const statement = statementNode ? loadStatement(statementNode, ctx.ev) : plainStatement(legacyBusStatement(ctx, r), r.loc);
  if (!statement) return;
  attachDocument(ctx, r, { statements: [statement], loc: statementNode?.loc ?? r.loc }, [prop(ctx, r, 'EventBusName').value]);
}

function legacyBusStatement(ctx: LoadContext, r: TemplateResource): ValueMap {
  const principal = prop(ctx, r, 'Principal').value;
  const condition = prop(ctx, r, 'Condition').value;
  const statement: ValueMap = { Effect: 'Allow', Action: prop(ctx, r, 'Action').value ?? 'events:PutEvents', Principal: principal === '*' || principal === undefined ? '*' : { AWS: principal } };
  if (isValueMap(condition) && typeof condition['Type'] === 'string' && typeof condition['Key'] === 'string' && condition['Value'] !== undefined) {
    statement['Condition'] = { [condition['Type']]: { [condition['Key']]: condition['Value'] } };
  }
  return statement;
}

function attachPolicy(ctx: LoadContext, r: TemplateResource, targets: Array<Value | undefined>): void {
  const doc = loadPolicyDocument(get(props(r), 'PolicyDocument'), ctx.ev, r.loc);
  if (doc) attachDocument(ctx, r, doc, targets);
}

/** The document governs its targets of the model, and its holder keeps it (targets may be outside the template). */
function attachDocument(ctx: LoadContext, r: TemplateResource, doc: PolicyDocument, targets: Array<Value | undefined>): void {
  const holder = ctx.builder.resource(ctx.template.resourceId(r.logicalId));
  if (holder) holder.policies.push(doc);
  for (const t of targets) {
    const res = ctx.builder.resourceOf(t);
    if (res && res !== holder && !res.policies.includes(doc)) res.policies.push(doc);
  }
}

/** SNS subscriptions with the lambda protocol, declared on the topic or on their own. */
export function linkTopicSubscriptions(ctx: LoadContext, r: TemplateResource): void {
  const topicId = ctx.template.resourceId(r.logicalId);
  items(get(props(r), 'Subscription')).forEach((node, i) => {
    const v = ctx.ev.value(node);
    if (!isValueMap(v) || v['Protocol'] !== 'lambda') return;
    addSnsTrigger(ctx, `${topicId}#subscription${i}`, v['Endpoint'], topicId, node.loc);
  });
}

export function linkSubscription(ctx: LoadContext, r: TemplateResource): void {
  if (prop(ctx, r, 'Protocol').value !== 'lambda') return;
  const topic = ctx.builder.resourceOf(prop(ctx, r, 'TopicArn').value);
  addSnsTrigger(ctx, ctx.template.resourceId(r.logicalId), prop(ctx, r, 'Endpoint').value, topic?.id, r.loc, prop(ctx, r, 'TopicArn').value);
}

function addSnsTrigger(ctx: LoadContext, id: string, endpoint: Value | undefined, topicId: string | undefined, loc: TemplateResource['loc'], source?: Value): void {
  const fn = ctx.builder.functionOf(endpoint);
  if (!fn) return;
  ctx.builder.addTrigger({ id, kind: 'sns', functionId: fn.id, ...(topicId ? { sourceId: topicId } : {}), ...(source !== undefined ? { source } : {}), asynchronous: true, details: {}, loc });
}

