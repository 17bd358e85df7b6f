/**
 * `s3` events. Without `existing`, the framework creates the bucket (`S3Bucket<Name>`) with the
 * notification; `resources` may declare the same logical id to configure it further (policies,
 * ACLs), and the two merge. With `existing: true` the notification is added to a bucket the
 * framework does not create, through a custom resource: the trigger is recorded against the bucket
 * declared under `resources` (found by logical id or BucketName), else against the bucket's name.
 */
import type { TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';
import { naming } from '../naming.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { build, entries, getAtt, join, ref, text, truthy, type Shape } from './nodes.js';
import { statementItems } from './role-parts.js';

export function compileS3Event(ctx: CompileContext, fn: ServerlessFunction, event: TNode): void {
  const bucketNode = event.kind === 'scalar' ? event : get(event, 'bucket');
  const bucket = text(bucketNode) ?? referencedLogicalId(bucketNode);
  if (bucket === undefined) {
    ctx.diagnostics.warning('malformed-serverless', 's3 event without a bucket name: skipped', event.loc);
    return;
  }
  const events = statementItems(get(event, 'event') ?? build('s3:ObjectCreated:*', event.loc));
  const configs = events.map((e) => build({ Event: e, Function: getAtt(fn.logicalId, 'Arn'), Filter: filter(get(event, 'rules')) }, event.loc));
  if (truthy(get(event, 'existing'))) return existingBucket(ctx, fn, bucket, events, event);
  const id = naming.bucket(bucket);
  const current = ctx.resources.get(id);
  const existing = get(get(get(current?.node, 'Properties'), 'NotificationConfiguration'), 'LambdaConfigurations');
  const all = [...(existing?.kind === 'seq' ? existing.items : []), ...configs];
  ctx.add(id, 'AWS::S3::Bucket', { BucketName: bucketNode, NotificationConfiguration: { LambdaConfigurations: all } }, current?.keyLoc ?? event.loc);
  permission(ctx, fn, bucket, event);
}

function existingBucket(ctx: CompileContext, fn: ServerlessFunction, bucket: string, events: TNode[], event: TNode): void {
  // The framework wires an existing bucket through a custom resource at deploy time: the bucket's
  // own definition is left as written, so it does not depend on the function.
  const declared = entries(ctx.userResources).find((e) => e.key === bucket || text(get(get(e.value, 'Properties'), 'BucketName')) === bucket);
  for (const e of events) {
    const details = { event: text(e) ?? null, existing: true };
    ctx.externalTriggers.push({ kind: 's3', functionLogicalId: fn.logicalId, source: bucket, ...(declared ? { sourceLogicalId: declared.key } : {}), details, loc: event.loc });
  }
  permission(ctx, fn, bucket, event);
}

/** `rules: [{ prefix: uploads/ }, { suffix: .jpg }]` into an S3 key filter. */
function filter(rules: TNode | undefined): Shape {
  const items = statementItems(rules);
  if (items.length === 0) return undefined;
  const filterRules = items.flatMap((r) => entries(r).map((e) => ({ Name: e.key, Value: e.value })));
  return { S3Key: { Rules: filterRules } };
}

function permission(ctx: CompileContext, fn: ServerlessFunction, bucket: string, event: TNode): void {
  ctx.add(naming.s3Permission(fn.name, bucket), 'AWS::Lambda::Permission', {
    FunctionName: getAtt(fn.logicalId, 'Arn'),
    Action: 'lambda:InvokeFunction',
    Principal: 's3.amazonaws.com',
    SourceArn: join(['arn:', ref('AWS::Partition'), `:s3:::${bucket}`]),
    SourceAccount: ref('AWS::AccountId'),
  }, event.loc);
}

function referencedLogicalId(node: TNode | undefined): string | undefined {
  return text(get(node, 'Ref'));
}
