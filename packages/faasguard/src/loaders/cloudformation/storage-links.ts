/**
 * Who may write into buckets, topics and queues (their resource policies), and which functions
 * their events trigger.
 */
import { asArray, isValueMap, ResourceRef, type Value } from '../../model/value.js';
import { get, items } from '../../parse/tree.js';
import { loadPolicyDocument } from './policy-document.js';
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
  attachPolicy(ctx, r, [prop(ctx, r, 'Bucket').value]);
}

export function linkTopicPolicy(ctx: LoadContext, r: TemplateResource): void {
  attachPolicy(ctx, r, asArray(prop(ctx, r, 'Topics').value));
}

export function linkQueuePolicy(ctx: LoadContext, r: TemplateResource): void {
  attachPolicy(ctx, r, asArray(prop(ctx, r, 'Queues').value));
}

function attachPolicy(ctx: LoadContext, r: TemplateResource, targets: Array<Value | undefined>): void {
  const docNode = get(props(r), 'PolicyDocument');
  const doc = loadPolicyDocument(docNode, ctx.ev, r.loc);
  if (!doc) return;
  for (const t of targets) {
    const res = ctx.builder.resourceOf(t);
    if (res) res.policies.push(doc);
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

