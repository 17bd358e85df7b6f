/**
 * What Lambda does with a function's execution role for that function, beyond the actions every
 * function's platform uses (`code-usage.ts`): it delivers failed asynchronous events to the
 * dead-letter queue, results to the asynchronous destinations, failed batches of an event source
 * mapping to its on-failure destination, reads (and decrypts) the secret an Amazon MQ, Kafka or
 * DocumentDB event source authenticates with, connects to and reads an MSK cluster that
 * authenticates with IAM, checkpoints a durable function's steps, and mounts an Amazon S3 Files
 * file system (reading the linked bucket's objects directly when that is on). A role granting
 * `sqs:SendMessage` on the function's dead-letter queue grants what the platform uses.
 */
import type { AppModel, LambdaFunction } from '../model/app-model.js';
import { eventSourceMappingFacts, mappingProperties } from '../model/facts/event-source-mapping-facts.js';
import { ModelIndex } from '../model/model-index.js';
import { asArray, asNumber, display, isValueMap, referencedResource, ResourceRef, type Value, type ValueMap } from '../model/value.js';

/** The action a delivery needs, by the target's service (from its ARN or its resource type). */
const DELIVERY: Readonly<Record<string, string>> = {
  sqs: 'sqs:sendmessage',
  sns: 'sns:publish',
  lambda: 'lambda:invokefunction',
  events: 'events:putevents',
  s3: 's3:putobject',
};

const SERVICE_OF_KIND: Readonly<Record<string, string>> = { queue: 'sqs', topic: 'sns', function: 'lambda', bucket: 's3' };

/**
 * A durable function (`DurableConfig`): the durable execution SDK in its runtime checkpoints each
 * step and reads the execution's state with the role (Lambda's documentation lists both as the
 * execution role's minimum).
 */
const DURABLE_EXECUTION = ['lambda:checkpointdurableexecution', 'lambda:getdurableexecutionstate'];

/**
 * An Amazon MSK event source whose cluster authenticates with IAM: the poller connects, reads the
 * topics and commits the consumer group's offsets with the function's role (Lambda's MSK
 * permissions page lists these for IAM authentication).
 */
const MSK_IAM_POLLER = [
  'kafka-cluster:connect',
  'kafka-cluster:describegroup',
  'kafka-cluster:altergroup',
  'kafka-cluster:describetopic',
  'kafka-cluster:readdata',
  'kafka-cluster:describeclusterdynamicconfiguration',
];

/**
 * An Amazon S3 Files file system mounted in the function (`FileSystemConfigs` naming an
 * `AWS::S3Files::AccessPoint`): Lambda mounts it with the role, and with direct reads on it reads
 * objects straight from the linked bucket, which needs `s3:GetObject` and `s3:GetObjectVersion`
 * (Lambda's `S3FilesConfig` reference: `AUTO`, the default, turns direct reads on from 512 MB of memory).
 */
const S3_FILES_MOUNT = ['s3files:clientmount', 's3files:clientwrite'];
const S3_DIRECT_READ = ['s3:getobject', 's3:getobjectversion'];
const DIRECT_READ_MIN_MEMORY_MB = 512;
const DEFAULT_MEMORY_MB = 128;

function s3FilesActions(fn: LambdaFunction, index: ModelIndex): string[] {
  const mounts = asArray(index.resource(fn.id)?.properties['FileSystemConfigs']).filter((c): c is ValueMap => isValueMap(c) && namesS3Files(c['Arn'], index));
  if (mounts.length === 0) return [];
  return mounts.some((c) => readsDirectly(c, fn)) ? [...S3_FILES_MOUNT, ...S3_DIRECT_READ] : S3_FILES_MOUNT;
}

function namesS3Files(arn: Value | undefined, index: ModelIndex): boolean {
  const ref = referencedResource(arn);
  if (ref) return index.resource(ref.target)?.type.startsWith('AWS::S3Files::') === true;
  return display(arn).includes(':s3files:');
}

/** A memory size not known here counts as one that reads directly: the rule then keeps the actions. */
function readsDirectly(mount: ValueMap, fn: LambdaFunction): boolean {
  const config = mount['S3FilesConfig'];
  const setting = isValueMap(config) ? display(config['DirectS3Read']).toUpperCase() : 'AUTO';
  if (setting === 'DISABLED') return false;
  if (setting === 'ENABLED') return true;
  const memory = fn.memorySize === undefined ? DEFAULT_MEMORY_MB : asNumber(fn.memorySize);
  return memory === undefined || memory >= DIRECT_READ_MIN_MEMORY_MB;
}

/** Authentications a mapping names that are not IAM: with one, the poller signs in with a secret. */
const NOT_IAM_AUTH = /^(SASL_SCRAM_(256|512)_AUTH|CLIENT_CERTIFICATE_TLS_AUTH|BASIC_AUTH)$/;

function authenticatesWithSecret(properties: Value | undefined): boolean {
  const configs = isValueMap(properties) ? properties['SourceAccessConfigurations'] : undefined;
  return Array.isArray(configs) && configs.some((c) => isValueMap(c) && typeof c['Type'] === 'string' && NOT_IAM_AUTH.test(c['Type']));
}

/** Lower-case actions Lambda performs with the role for `fn`. */
export function platformActions(model: AppModel, fn: LambdaFunction): string[] {
  const index = ModelIndex.of(model);
  const targets: Array<Value | undefined> = [fn.deadLetterTarget, fn.asyncConfig?.onFailure, fn.asyncConfig?.onSuccess];
  const actions = new Set<string>();
  for (const t of index.triggersOf(fn)) {
    const properties = mappingProperties(model, t);
    targets.push(eventSourceMappingFacts(properties).onFailure);
    // The credentials of a broker or cluster, read by the poller from Secrets Manager, and decrypted
    // with kms:Decrypt when a customer managed key encrypts the secret (Lambda's DocumentDB, MQ and
    // Kafka pages list both in the execution role's permissions).
    if (isValueMap(properties) && properties['SourceAccessConfigurations'] !== undefined) {
      actions.add('secretsmanager:getsecretvalue');
      actions.add('kms:decrypt');
    }
    if (t.kind === 'kafka-msk' && !authenticatesWithSecret(properties)) for (const a of MSK_IAM_POLLER) actions.add(a);
  }
  if (index.resource(fn.id)?.properties['DurableConfig'] !== undefined) for (const a of DURABLE_EXECUTION) actions.add(a);
  for (const a of s3FilesActions(fn, index)) actions.add(a);
  for (const target of targets) {
    const service = target === undefined ? undefined : serviceOf(target, index);
    const action = service ? DELIVERY[service] : undefined;
    if (action) actions.add(action);
  }
  return [...actions];
}

function serviceOf(target: Value, index: ModelIndex): string | undefined {
  if (target instanceof ResourceRef) {
    const r = index.resource(target.target);
    if (!r) return undefined;
    return r.type === 'AWS::Events::EventBus' ? 'events' : SERVICE_OF_KIND[r.kind];
  }
  return typeof target === 'string' ? /^arn:[^:]+:([^:]+):/.exec(target)?.[1] : undefined;
}
