/**
 * What an action lets its holder do, in the terms of the blast radius: delete or overwrite data,
 * read data, manage IAM, pass roles, change functions, invoke functions, assume roles.
 *
 * The access level comes from the catalogue; which services hold *data* is a judgement written
 * down here. Queues and streams are transit: receiving, deleting and re-timing their messages is
 * what an event-source mapping needs (AWS's own execution policies grant it on `*`), so those
 * actions count as no capability. Deleting a queue or stream, or sending to it, still counts.
 */
import type { ExpandedAction } from './expand-actions.js';
import { lookupTable } from '../util/own-keys.js';

/** A power over the account that a function's role may grant. */
export type Capability =
  | 'admin'
  | 'delete-data'
  | 'write-data'
  | 'read-all-data'
  | 'manage-iam'
  | 'pass-role'
  | 'modify-functions'
  | 'invoke-any-function'
  | 'control-workflows'
  | 'assume-roles';

export const CAPABILITIES: readonly Capability[] = [
  'admin',
  'manage-iam',
  'pass-role',
  'assume-roles',
  'modify-functions',
  'invoke-any-function',
  'control-workflows',
  'delete-data',
  'write-data',
  'read-all-data',
];

interface DataService {
  /** Read actions that return the data itself (not its configuration) */
  read: RegExp;
  /** Whether its Write actions change stored data (KMS keys are read through Decrypt only) */
  write: boolean;
}

const NEVER = /^$/;

/** Services whose resources hold the application's data. */
const DATA_SERVICES: Readonly<Record<string, DataService>> = lookupTable({
  s3: { read: /^GetObject(Version)?$/, write: true },
  dynamodb: { read: /^(GetItem|BatchGetItem|Query|Scan|PartiQLSelect)$/, write: true },
  rds: { read: NEVER, write: true },
  'rds-data': { read: /^(ExecuteStatement|BatchExecuteStatement|ExecuteSql)$/, write: true },
  'redshift-data': { read: /^(ExecuteStatement|BatchExecuteStatement|GetStatementResult)$/, write: true },
  secretsmanager: { read: /^(GetSecretValue|BatchGetSecretValue)$/, write: true },
  ssm: { read: /^(GetParameter|GetParameters|GetParametersByPath|GetParameterHistory)$/, write: true },
  kms: { read: /^Decrypt$/, write: false },
  sqs: { read: NEVER, write: true },
  sns: { read: NEVER, write: true },
  kinesis: { read: NEVER, write: true },
  firehose: { read: NEVER, write: true },
  elasticfilesystem: { read: /^ClientMount$/, write: true },
  glacier: { read: /^GetJobOutput$/, write: true },
  es: { read: /^ESHttpGet$/, write: true },
  timestream: { read: /^Select$/, write: true },
  backup: { read: NEVER, write: true },
});

/** Message handling an event-source mapping needs (see the module comment). */
const TRANSIT = /^(sqs:(DeleteMessage|DeleteMessageBatch|ChangeMessageVisibility|ChangeMessageVisibilityBatch|ReceiveMessage)|kinesis:(GetRecords|GetShardIterator|SubscribeToShard)|dynamodb:(GetRecords|GetShardIterator))$/i;

const DELETE_NAME = /^(Delete|BatchDelete|Purge|Remove|Empty|Drop|Truncate)/;
const FUNCTION_CHANGE = /^(Update|Delete|Put|Add|Remove|Publish|CreateAlias|CreateFunctionUrlConfig|CreateEventSourceMapping)/;

/**
 * The capability one action gives, if any. `read-all-data` and `invoke-any-function` are only
 * capabilities on every resource: the caller decides that from the statement's resources.
 */
export function capabilityOf(a: ExpandedAction): Capability | undefined {
  // The catalogue's actions are shared objects, asked about again for every role that grants them.
  const known = judged.get(a);
  if (known !== undefined) return known ?? undefined;
  const capability = judgedCapability(a);
  judged.set(a, capability ?? null);
  return capability;
}

const judged = new WeakMap<ExpandedAction, Capability | null>();

function judgedCapability(a: ExpandedAction): Capability | undefined {
  if (WORKFLOW_CONTROL.test(`${a.service}:${a.name}`)) return 'control-workflows';
  if (a.service === 'iam') return iamCapability(a);
  if (a.service === 'sts') return /^AssumeRole/.test(a.name) ? 'assume-roles' : undefined;
  if (a.service === 'lambda') return lambdaCapability(a);
  return dataCapability(a);
}

function iamCapability(a: ExpandedAction): Capability | undefined {
  if (a.name === 'PassRole') return 'pass-role';
  // A service-linked role's trust and permissions are fixed by AWS: creating one changes no one's access.
  if (a.name === 'CreateServiceLinkedRole') return undefined;
  return a.accessLevel === 'Write' || a.accessLevel === 'Permissions management' ? 'manage-iam' : undefined;
}

/**
 * Actions that start, rewrite or decide other workflows: a state machine runs with its own role, so
 * starting or rewriting any of them reaches what its role can; stopping or redriving an execution,
 * or completing the callback a durable function waits for (an approval, say), decides its outcome.
 * A durable function's own checkpoints (`CheckpointDurableExecution`, which AWS's
 * `AWSLambdaBasicDurableExecutionRolePolicy` grants on `*`) are not counted.
 */
const WORKFLOW_CONTROL = /^(states:(StartExecution|StartSyncExecution|StopExecution|RedriveExecution|UpdateStateMachine|UpdateStateMachineAlias)|lambda:(SendDurableExecutionCallbackSuccess|SendDurableExecutionCallbackFailure|StopDurableExecution))$/i;

function lambdaCapability(a: ExpandedAction): Capability | undefined {
  if (a.name === 'InvokeFunction' || a.name === 'InvokeAsync') return 'invoke-any-function';
  if (a.accessLevel !== 'Write' && a.accessLevel !== 'Permissions management') return undefined;
  return FUNCTION_CHANGE.test(a.name) ? 'modify-functions' : undefined;
}

/**
 * Write-level actions that change who receives the data, not the data: a subscription delivers every
 * later message to an endpoint the caller chooses, which on every topic reads all of them.
 */
const RECEIVING = /^sns:Subscribe$/i;
const SUBSCRIPTION_UPKEEP = /^sns:(ConfirmSubscription|Unsubscribe)$/i;
/**
 * Write-level actions of a data service that change no stored data: Systems Manager's automation,
 * command and association runs (its data is its parameters), and registering a stream consumer
 * (which only reads).
 */
const NOT_DATA_WRITE = /^(ssm:(?!\w*Parameter)\w+|kinesis:(Register|Deregister)StreamConsumer)$/i;
/**
 * An action the catalogue files under a writing level whose name says it lists or reads
 * (`backup:ListIndexedRecoveryPointsForSearch`, "Permissions management"): it changes nothing.
 */
const LISTS_BY_NAME = /^(List|Get|Describe)[A-Z]/;
/**
 * Destroying a KMS key destroys what it encrypted: nothing can decrypt it again, once the waiting
 * period AWS sets (7 to 30 days) is over for a scheduled deletion, at once for imported key
 * material. KMS's other writes change keys, not data.
 */
const KEY_DESTRUCTION = /^kms:(ScheduleKeyDeletion|DeleteImportedKeyMaterial)$/i;
/** A snapshot copies a database; it changes none (sharing or copying it elsewhere are other actions). */
const SNAPSHOT_CREATION = /^rds:Create(DB|DBCluster)Snapshot$/i;

function dataCapability(a: ExpandedAction): Capability | undefined {
  const service = DATA_SERVICES[a.service];
  if (!service || TRANSIT.test(`${a.service}:${a.name}`)) return undefined;
  if (RECEIVING.test(`${a.service}:${a.name}`)) return 'read-all-data';
  if (SUBSCRIPTION_UPKEEP.test(`${a.service}:${a.name}`) || SNAPSHOT_CREATION.test(`${a.service}:${a.name}`)) return undefined;
  if (a.accessLevel === 'Read') return service.read.test(a.name) ? 'read-all-data' : undefined;
  if (KEY_DESTRUCTION.test(`${a.service}:${a.name}`)) return 'delete-data';
  if (!service.write || (a.accessLevel !== 'Write' && a.accessLevel !== 'Permissions management')) return undefined;
  if (a.accessLevel === 'Write' && NOT_DATA_WRITE.test(`${a.service}:${a.name}`)) return undefined;
  if (LISTS_BY_NAME.test(a.name)) return undefined;
  return DELETE_NAME.test(a.name) ? 'delete-data' : 'write-data';
}

/** Whether the service stores application data (see DATA_SERVICES). */
export function isDataService(service: string): boolean {
  return Object.hasOwn(DATA_SERVICES, service);
}

/** Capabilities that only matter when granted on every resource. */
export function needsAnyResource(c: Capability): boolean {
  return c === 'read-all-data' || c === 'invoke-any-function' || c === 'control-workflows';
}

/** Plain words for messages: "can delete data". */
export const CAPABILITY_TEXT: Readonly<Record<Capability, string>> = {
  admin: 'do anything in the account (administrator)',
  'delete-data': 'delete data',
  'write-data': 'overwrite data',
  'read-all-data': 'read all data',
  'manage-iam': 'change IAM users, roles and policies',
  'pass-role': 'pass roles to AWS services',
  'modify-functions': "change functions' code or configuration",
  'invoke-any-function': 'invoke any function',
  'control-workflows': 'start, rewrite or decide any workflow',
  'assume-roles': 'assume other roles',
};
