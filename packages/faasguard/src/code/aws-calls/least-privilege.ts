/**
 * Least privilege from the code: per function, the IAM actions its SDK calls need and the
 * resources they act on (an ARN built from the environment variable the call reads, when the
 * template binds it to a resource, or from a literal name), and the calls that could not be
 * determined. Computed once per scan from the calls the code facts found in each file they reached.
 */
import { codeFactsFor } from '../code-facts.js';
import type { CodeScope } from '../code-scope.js';
import type { AppModel, LambdaFunction, Resource } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import type { SourceLocation } from '../../model/location.js';
import { Composite, ResourceRef, type Value } from '../../model/value.js';
import { actionsForCall, KMS_FOR_S3 } from './action-exceptions.js';
import type { CallTarget, SdkCall, UndeterminedCall } from './aws-call.js';

/** One IAM action the function needs. */
export interface UsedAction {
  /** `service:Name` as the catalogue spells it */
  action: string;
  /** ARNs (as Fn::Sub text) it acts on; empty when not known (the policy then needs `*`) */
  resources: string[];
  /** Model ids of the template resources it acts on */
  resourceIds: string[];
  /** The calls that need it */
  locs: SourceLocation[];
}

export interface FunctionPrivilege {
  fn: LambdaFunction;
  /** Whether the handler was found and every file it reaches was read */
  analyzed: boolean;
  /** Sorted by action */
  actions: UsedAction[];
  /** Calls whose operation or IAM action could not be determined */
  undetermined: UndeterminedCall[];
}

const CACHE = new WeakMap<AppModel, Map<string, FunctionPrivilege[]>>();

/** Every function's least privilege, in model order. */
export function leastPrivilegeFor(model: AppModel, scope: CodeScope): FunctionPrivilege[] {
  let byRoot = CACHE.get(model);
  if (!byRoot) CACHE.set(model, (byRoot = new Map()));
  const known = byRoot.get(scope.root);
  if (known) return known;
  const result = compute(model, scope);
  byRoot.set(scope.root, result);
  return result;
}

function compute(model: AppModel, scope: CodeScope): FunctionPrivilege[] {
  const facts = codeFactsFor(model, scope);
  const index = ModelIndex.of(model);
  return facts.functions.map((f) => {
    const analyzed = f.analysis !== undefined;
    const calls: SdkCall[] = [];
    const undetermined: UndeterminedCall[] = [];
    let complete = analyzed;
    const found = f.files.map((file) => facts.files.get(file)?.calls);
    if (f.fn.code.kind === 'inline') found.push(f.inlineCalls);
    for (const fileCalls of found) {
      if (!fileCalls) complete = false;
      // A call made with credentials the code supplies is not the execution role's to grant.
      calls.push(...(fileCalls?.calls ?? []).filter((c) => !c.ownCredentials));
      undetermined.push(...(fileCalls?.undetermined ?? []));
    }
    const actions = new Map<string, UsedAction>();
    for (const call of calls) addCall(call, f.fn, index, actions, undetermined);
    return { fn: f.fn, analyzed: complete, actions: [...actions.values()].sort((a, b) => (a.action < b.action ? -1 : 1)), undetermined };
  });
}

function addCall(call: SdkCall, fn: LambdaFunction, index: ModelIndex, out: Map<string, UsedAction>, undetermined: UndeterminedCall[]): void {
  const actions = actionsForCall(call);
  if (!actions) return void undetermined.push({ reason: `${call.service} ${call.operation} has no IAM action of that name`, loc: call.loc });
  const value = targetValue(call.target, fn);
  const resource = value instanceof ResourceRef ? index.resource(value.target) : undefined;
  for (const action of actions) {
    const arn = arnOf(action, value, resource);
    add(out, action, arn, resource?.id, call.loc);
    for (const kms of kmsActions(action, resource)) add(out, kms.action, kms.arn, undefined, call.loc);
  }
}

function add(out: Map<string, UsedAction>, action: string, arn: string | undefined, resourceId: string | undefined, loc: SourceLocation): void {
  const entry = out.get(action) ?? { action, resources: [], resourceIds: [], locs: [] };
  out.set(action, entry);
  if (arn !== undefined && !entry.resources.includes(arn)) entry.resources.push(arn);
  if (resourceId !== undefined && !entry.resourceIds.includes(resourceId)) entry.resourceIds.push(resourceId);
  entry.locs.push(loc);
}

/** The template value behind a call's target: the environment variable's value, or the literal. */
export function targetValue(target: CallTarget | undefined, fn: LambdaFunction): Value | undefined {
  if (!target) return undefined;
  if (target.kind === 'literal') return target.value;
  return fn.environment.find((e) => e.name === target.name)?.value;
}

const ACCOUNT = 'arn:${AWS::Partition}:%s:${AWS::Region}:${AWS::AccountId}:';

/** ARN text (Fn::Sub syntax) of what an action acts on; undefined when not known. */
function arnOf(action: string, value: Value | undefined, resource: Resource | undefined): string | undefined {
  const service = action.split(':')[0]!;
  if (value instanceof ResourceRef) return resource ? refArn(service, action, value, resource) : undefined;
  if (value instanceof Composite) return value.parts.every((p) => typeof p === 'string' || p instanceof ResourceRef) ? nameArn(service, action, value.toString()) : undefined;
  return typeof value === 'string' && value !== '' ? nameArn(service, action, value) : undefined;
}

function refArn(service: string, action: string, ref: ResourceRef, resource: Resource): string | undefined {
  if (ref.attribute === 'Arn') return `\${${ref.logicalId}.Arn}`;
  if (ref.attribute !== undefined) return undefined;
  const name = `\${${ref.logicalId}}`;
  switch (resource.kind) {
    case 'table':
      return service === 'dynamodb' ? nameArn(service, action, name) : undefined;
    case 'bucket':
      return service === 's3' ? nameArn(service, action, name) : undefined;
    case 'topic':
      return name; // Ref of a topic is its ARN
    case 'queue':
    case 'function':
    case 'stream':
      return `\${${ref.logicalId}.Arn}`;
    default:
      return /^AWS::(SecretsManager::Secret|StepFunctions::StateMachine|Serverless::StateMachine)$/.test(resource.type) ? name : undefined;
  }
}

/** ARN from a name (or an ARN already): tables, buckets and objects, queue URLs. */
function nameArn(service: string, action: string, name: string): string | undefined {
  if (name.startsWith('arn:')) return name;
  if (service === 'dynamodb') return `${ACCOUNT.replace('%s', 'dynamodb')}table/${name}`;
  if (service === 's3') return /Object|MultipartUpload/.test(action) ? `arn:\${AWS::Partition}:s3:::${name}/*` : `arn:\${AWS::Partition}:s3:::${name}`;
  const queue = /^https:\/\/sqs\.[^/]+\/[^/]+\/([^/]+)$/.exec(name);
  if (service === 'sqs' && queue) return `${ACCOUNT.replace('%s', 'sqs')}${queue[1]}`;
  return undefined;
}

/** KMS actions a bucket encrypted with a customer managed key adds, on that key. */
function kmsActions(action: string, resource: Resource | undefined): Array<{ action: string; arn: string | undefined }> {
  const key = resource?.kind === 'bucket' ? resource.encryption?.kmsKey : undefined;
  if (key === undefined) return [];
  const arn = key instanceof ResourceRef ? (key.attribute ? `\${${key.logicalId}.${key.attribute}}` : `\${${key.logicalId}.Arn}`) : typeof key === 'string' ? key : undefined;
  return (KMS_FOR_S3[action] ?? []).map((a) => ({ action: a, arn }));
}
