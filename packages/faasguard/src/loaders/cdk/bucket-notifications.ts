/**
 * CDK does not write S3 notifications on the bucket: `bucket.addEventNotification` creates a
 * `Custom::S3BucketNotifications` resource that configures the bucket at deploy time. Its
 * properties say which bucket invokes which function, so they become s3 triggers.
 */
import { ResourceRef } from '../../model/value.js';
import type { TNode } from '../../parse/tree.js';
import { get, items, scalarString, toJs } from '../../parse/tree.js';
import type { ModelBuilder } from '../model-builder.js';

export function linkBucketNotificationsResource(file: string, logicalId: string, node: TNode, builder: ModelBuilder): void {
  const props = get(node, 'Properties');
  const bucketLogicalId = refTarget(get(props, 'BucketName'));
  const bucketId = bucketLogicalId ? `${file}/${bucketLogicalId}` : undefined;
  const configs = items(get(get(props, 'NotificationConfiguration'), 'LambdaFunctionConfigurations'));
  configs.forEach((config, i) => {
    const fnLogicalId = getAttTarget(get(config, 'LambdaFunctionArn'));
    const fn = fnLogicalId ? builder.function(`${file}/${fnLogicalId}`) : undefined;
    if (!fn) return;
    const events = items(get(config, 'Events')).map((e) => scalarString(e) ?? '');
    const filter = get(config, 'Filter');
    builder.addTrigger({
      id: `${file}/${logicalId}#notification${i}`,
      kind: 's3',
      functionId: fn.id,
      ...(bucketId && builder.resource(bucketId) ? { sourceId: bucketId, source: new ResourceRef(bucketId, bucketLogicalId!) } : {}),
      asynchronous: true,
      details: { events, ...(filter ? { filter: JSON.stringify(toJs(filter)) } : {}) },
      loc: config.loc,
    });
  });
}

function refTarget(node: TNode | undefined): string | undefined {
  return scalarString(get(node, 'Ref'));
}

function getAttTarget(node: TNode | undefined): string | undefined {
  const att = get(node, 'Fn::GetAtt');
  if (att?.kind === 'seq') return scalarString(att.items[0]);
  return scalarString(att)?.split('.')[0];
}
