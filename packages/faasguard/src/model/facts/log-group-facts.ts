/**
 * What a CloudWatch Logs log group says about the function whose logs it keeps.
 *
 * Lambda writes to `/aws/lambda/<function name>` unless the function names another group in
 * `LoggingConfig.LogGroup`. A template that does not declare that group leaves Lambda to create it
 * on first invocation, with no retention: logs are then kept forever and outside the stack.
 */
import type { AppModel, LambdaFunction, Resource } from '../app-model.js';
import { asNumber, isComposite, isRef, type Value } from '../value.js';

export const LOG_GROUP_TYPE = 'AWS::Logs::LogGroup';
/** What CDK's `logRetention` option creates: a custom resource that sets retention on the named group. */
export const CDK_LOG_RETENTION_TYPE = 'Custom::LogRetention';

/** Typed view of an `AWS::Logs::LogGroup` (or of CDK's `Custom::LogRetention`, which says the same). */
export interface LogGroupFacts {
  resource: Resource;
  /** LogGroupName as written, when set */
  name?: Value;
  /** RetentionInDays, when set to a number */
  retentionDays?: number;
  /** Whether RetentionInDays is written at all (a parameter may set it) */
  hasRetention: boolean;
  /** KmsKeyId, when set: the group is encrypted with that customer managed key */
  kmsKeyId?: Value;
}

export function logGroupFacts(resource: Resource): LogGroupFacts | undefined {
  if (resource.type !== LOG_GROUP_TYPE && resource.type !== CDK_LOG_RETENTION_TYPE) return undefined;
  const p = resource.properties;
  const retentionDays = asNumber(p['RetentionInDays']);
  return {
    resource,
    ...(p['LogGroupName'] !== undefined ? { name: p['LogGroupName'] } : {}),
    ...(retentionDays !== undefined ? { retentionDays } : {}),
    hasRetention: p['RetentionInDays'] !== undefined && p['RetentionInDays'] !== null,
    ...(p['KmsKeyId'] !== undefined && p['KmsKeyId'] !== null ? { kmsKeyId: p['KmsKeyId'] } : {}),
  };
}

/** The start of the name of the group Lambda writes a function's logs to by default. */
export const LAMBDA_PREFIX = '/aws/lambda/';

/** Whether a log group name is the default group of `fn`: `/aws/lambda/<FunctionName>` or `/aws/lambda/${Fn}`. */
export function isDefaultLogGroupName(name: Value | undefined, fn: LambdaFunction): boolean {
  if (typeof name === 'string') return typeof fn.name === 'string' && name === LAMBDA_PREFIX + fn.name;
  if (!isComposite(name)) return false;
  const [prefix, target, ...rest] = name.parts;
  if (rest.length > 0 || prefix !== LAMBDA_PREFIX) return false;
  // `${Fn}` is the function's physical name; `${Fn.Arn}` would not be a valid group name.
  return isRef(target) && target.target === fn.id && target.attribute === undefined;
}

/**
 * What makes a group name a function's default one, as a key: `name:<FunctionName>` for
 * `/aws/lambda/<FunctionName>` written out, `ref:<model id>` for `/aws/lambda/${Fn}`; undefined
 * for a name that cannot be a default one. A name is `fn`'s default group (`isDefaultLogGroupName`)
 * exactly when its key is one of `defaultLogGroupKeysOf(fn)`: a large app looks its groups up by
 * key rather than comparing each with each function.
 */
export function defaultLogGroupKey(name: Value | undefined): string | undefined {
  if (typeof name === 'string') return name.startsWith(LAMBDA_PREFIX) ? `name:${name.slice(LAMBDA_PREFIX.length)}` : undefined;
  if (!isComposite(name) || name.parts.length !== 2) return undefined;
  const [prefix, target] = name.parts;
  return prefix === LAMBDA_PREFIX && isRef(target) && target.attribute === undefined ? `ref:${target.target}` : undefined;
}

/** The keys (`defaultLogGroupKey`) of the names `fn`'s default group may have. */
export function defaultLogGroupKeysOf(fn: LambdaFunction): string[] {
  return typeof fn.name === 'string' ? [`name:${fn.name}`, `ref:${fn.id}`] : [`ref:${fn.id}`];
}

/** The function whose default log group (`/aws/lambda/<name>`) the resource is: the one that writes its lines. */
export function logGroupWriter(model: AppModel, group: Resource | undefined): LambdaFunction | undefined {
  const name = group ? logGroupFacts(group)?.name : undefined;
  return name === undefined ? undefined : model.functions.find((fn) => isDefaultLogGroupName(name, fn));
}
