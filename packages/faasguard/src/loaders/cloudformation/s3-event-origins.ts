/**
 * S3 object events that reach a function through EventBridge: a rule (or a SAM `EventBridgeRule`
 * event) whose pattern has `source: aws.s3`. A bucket sends its events to EventBridge when its
 * `NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled` is true, and EventBridge
 * refuses `PutEvents` entries whose source starts with `aws.`, so those buckets are the only origin
 * of such events: the trigger's source is the bucket, as for an S3 notification, and whoever can
 * write to the bucket chooses what the function receives.
 *
 * The pattern's `detail.bucket.name` names the buckets (`!Ref Uploads`, or the bucket's literal
 * `BucketName`); a pattern without it takes every bucket of the stack that sends to EventBridge.
 * Names given by prefix or wildcard (`{ "prefix": … }`) are not matched.
 */
import type { Resource, Trigger } from '../../model/app-model.js';
import { parseJsonText } from '../../model/json-text.js';
import { asArray, asBoolean, Composite, isValueMap, ResourceRef, valueAt, type Value } from '../../model/value.js';
import type { ModelBuilder } from '../model-builder.js';

const BUCKET_TYPE = 'AWS::S3::Bucket';

/** The buckets of the stack whose S3 events the pattern selects; none when it selects no S3 event. */
export function s3EventOrigins(builder: ModelBuilder, stack: string, pattern: Value | undefined): Resource[] {
  const p = typeof pattern === 'string' || pattern instanceof Composite ? parseJsonText(pattern) : pattern;
  if (!isValueMap(p) || !asArray(p['source']).includes('aws.s3')) return [];
  const sending = builder.model.resources.filter((r) => r.stack === stack && r.type === BUCKET_TYPE && sendsToEventBridge(r));
  const names = valueAt(p, 'detail', 'bucket', 'name');
  if (names === undefined) return sending;
  const wanted = asArray(names);
  return sending.filter((b) => wanted.some((n) => isNamedBy(b, n)));
}

function sendsToEventBridge(bucket: Resource): boolean {
  return asBoolean(valueAt(bucket.properties['NotificationConfiguration'], 'EventBridgeConfiguration', 'EventBridgeEnabled')) === true;
}

/** `!Ref Bucket` is the bucket's name; a literal names the bucket whose `BucketName` it is. */
function isNamedBy(bucket: Resource, name: Value): boolean {
  if (name instanceof ResourceRef) return name.target === bucket.id && name.attribute === undefined;
  return typeof name === 'string' && bucket.properties['BucketName'] === name;
}

/**
 * The triggers of one EventBridge target: one per bucket whose S3 events the pattern selects (the
 * first keeps the target's id), or the target's own when it selects none.
 */
export function withS3Origins(builder: ModelBuilder, stack: string, pattern: Value | undefined, trigger: Trigger): Trigger[] {
  const origins = s3EventOrigins(builder, stack, pattern);
  if (origins.length === 0) return [trigger];
  return origins.map((bucket, i) => ({ ...trigger, id: i === 0 ? trigger.id : `${trigger.id}@${bucket.logicalId}`, sourceId: bucket.id }));
}
