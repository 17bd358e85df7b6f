/**
 * What one statement of a resource policy lets its principals do to the resource, in the words
 * findings use: read (or list) its data, write into it, manage it (change its policy, delete it).
 */
import type { PolicyStatement, Principal } from '../model/app-model.js';
import { Composite, isValueMap, Unknown, type Value } from '../model/value.js';
import { anyActionMatches } from '../iam/action-matches.js';
import type { GovernedKind } from './resource-policies.js';

export type Capability = 'read' | 'write' | 'manage';

/** Representative actions of each capability, by kind of resource. */
const ACTIONS: Readonly<Record<GovernedKind, Readonly<Record<Capability, readonly string[]>>>> = {
  bucket: {
    read: ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket', 's3:ListBucketVersions'],
    write: ['s3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutObjectAcl', 's3:RestoreObject'],
    manage: ['s3:PutBucketPolicy', 's3:DeleteBucketPolicy', 's3:PutBucketAcl', 's3:DeleteBucket', 's3:PutBucketPublicAccessBlock', 's3:PutLifecycleConfiguration'],
  },
  queue: {
    read: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:PurgeQueue'],
    write: ['sqs:SendMessage'],
    manage: ['sqs:SetQueueAttributes', 'sqs:AddPermission', 'sqs:RemovePermission', 'sqs:DeleteQueue'],
  },
  topic: {
    read: ['sns:Subscribe', 'sns:Receive'],
    write: ['sns:Publish'],
    manage: ['sns:SetTopicAttributes', 'sns:AddPermission', 'sns:RemovePermission', 'sns:DeleteTopic', 'sns:Unsubscribe'],
  },
  'event-bus': {
    // A rule of their own on the bus, with their target, receives every event that matches it.
    read: ['events:PutRule', 'events:PutTargets'],
    write: ['events:PutEvents'],
    manage: ['events:DeleteRule', 'events:RemoveTargets'],
  },
  stream: {
    read: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:SubscribeToShard'],
    write: ['kinesis:PutRecord', 'kinesis:PutRecords'],
    manage: ['kinesis:DeleteStream', 'kinesis:PutResourcePolicy', 'kinesis:DeleteResourcePolicy', 'kinesis:UpdateShardCount'],
  },
};

/** The service prefix of each kind's actions. */
export const SERVICE_OF: Readonly<Record<GovernedKind, string>> = { bucket: 's3', queue: 'sqs', topic: 'sns', 'event-bus': 'events', stream: 'kinesis' };

/** What an Allow statement lets its principals do, in a fixed order (read, write, manage). */
export function capabilities(s: PolicyStatement, kind: GovernedKind): Capability[] {
  if (s.effect !== 'Allow') return [];
  // NotAction grants a capability when one of its actions is left out of what it names.
  if (s.notActions.length > 0) return (['read', 'write', 'manage'] as const).filter((c) => ACTIONS[kind][c].some((a) => !anyActionMatches(s.notActions, [a])));
  if (s.actions.length === 0) return [];
  return (['read', 'write', 'manage'] as const).filter((c) => anyActionMatches(s.actions, ACTIONS[kind][c]));
}

/** Whether the statement allows every action of the service (`*`, `sqs:*`): more than any use needs. */
export function allowsEveryAction(s: PolicyStatement, kind: GovernedKind): boolean {
  if (s.effect !== 'Allow') return false;
  // NotAction: every action but those it names, which is the service's whole list but a few.
  if (s.notActions.length > 0) return true;
  const all = `${SERVICE_OF[kind]}:*`;
  return s.actions.some((a) => typeof a === 'string' && (a === '*' || a.toLowerCase() === all));
}

/**
 * Whether the statement hands access control to the account's S3 access points (`Principal: "*"`,
 * any action, on the condition `s3:DataAccessPointAccount` or `s3:DataAccessPointArn`): the pattern
 * S3 documents for access points, where each access point's own policy decides.
 */
export function delegatesToAccessPoints(s: PolicyStatement): boolean {
  return Object.values(s.conditions ?? {}).some((block) => isValueMap(block) && Object.keys(block).some((k) => /^s3:DataAccessPoint(Account|Arn)$/i.test(k)));
}

/** The actions as written, for messages: `s3:GetObject, s3:ListBucket`. */
export function actionsText(s: PolicyStatement): string {
  const names = (list: Value[]): string => list.map((a) => (typeof a === 'string' ? a : '<computed>')).join(', ');
  return s.notActions.length > 0 ? `every action but ${names(s.notActions)} (NotAction)` : names(s.actions);
}

/** The AWS account a principal names by a literal id (`123456789012`, `arn:aws:iam::123456789012:role/x`), if any. */
export function literalAccountOf(p: Principal): string | undefined {
  if (p.type !== 'AWS' || typeof p.value !== 'string') return undefined;
  return /^(\d{12})$/.exec(p.value)?.[1] ?? /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(p.value)?.[1];
}

/**
 * Whether a principal is the template's own account as a whole (`!Ref AWS::AccountId`,
 * `arn:…:iam::${AWS::AccountId}:root`): such a grant hands the decision to the account's IAM policies.
 */
export function isOwnAccount(p: Principal): boolean {
  if (p.type !== 'AWS') return false;
  const v: Value = p.value;
  if (v instanceof Unknown) return isAccountId(v);
  if (!(v instanceof Composite)) return false;
  const text = v.parts.map((part) => (typeof part === 'string' ? part : isAccountId(part) ? '<account>' : '\u0000')).join('');
  return /^arn:[^:]*:iam::<account>:root$/.test(text);
}

function isAccountId(v: unknown): boolean {
  return v instanceof Unknown && v.label === '<account>';
}
