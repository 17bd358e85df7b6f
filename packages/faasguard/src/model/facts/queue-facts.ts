/**
 * What an SQS queue says about messages that keep failing: its redrive policy.
 */
import type { Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asNumber, isValueMap, type Value, type ValueMap } from '../value.js';

export const QUEUE_TYPE = 'AWS::SQS::Queue';

/** Typed view of an `AWS::SQS::Queue`. */
export interface QueueFacts {
  resource: Resource;
  /** Where messages go after `maxReceiveCount` failed receives; absent when the queue has no redrive policy */
  redrive?: { deadLetterTarget?: Value; maxReceiveCount?: number };
  /** MessageRetentionPeriod in seconds, when set (SQS keeps messages 4 days by default) */
  retentionSeconds?: number;
  /** Where `SqsManagedSseEnabled` is written, when it is */
  managedSseLoc?: SourceLocation;
}

export function queueFacts(resource: Resource): QueueFacts | undefined {
  if (resource.type !== QUEUE_TYPE) return undefined;
  const p = resource.properties;
  const retentionSeconds = asNumber(p['MessageRetentionPeriod']);
  const facts: QueueFacts = { resource, ...(retentionSeconds !== undefined ? { retentionSeconds } : {}) };
  if (p['SqsManagedSseEnabled'] !== undefined) facts.managedSseLoc = resource.locate('SqsManagedSseEnabled');
  const written = p['RedrivePolicy'];
  if (written === undefined || written === null) return facts;
  // A policy built with Fn::Sub or from a parameter exists even when its fields cannot be read.
  const policy = redrivePolicy(written) ?? {};
  const maxReceiveCount = asNumber(policy['maxReceiveCount']);
  facts.redrive = { ...(policy['deadLetterTargetArn'] !== undefined ? { deadLetterTarget: policy['deadLetterTargetArn'] } : {}), ...(maxReceiveCount !== undefined ? { maxReceiveCount } : {}) };
  return facts;
}

/** CloudFormation accepts the policy as an object or as its JSON text. */
function redrivePolicy(v: Value | undefined): ValueMap | undefined {
  if (isValueMap(v)) return v;
  if (typeof v !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(v);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as ValueMap) : undefined;
  } catch {
    return undefined;
  }
}
