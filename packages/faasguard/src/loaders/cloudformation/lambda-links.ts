/**
 * Lambda resources that connect functions to callers: permissions, Function URLs, event source
 * mappings, asynchronous invocation settings.
 */
import type { TriggerKind } from '../../model/app-model.js';
import { asBoolean, isValueMap, referencedResource, type Value, type ValueMap } from '../../model/value.js';
import { elementBase, prop, type LoadContext } from './load-context.js';
import type { TemplateResource } from './template.js';

export function linkPermission(ctx: LoadContext, r: TemplateResource): void {
  const fnValue = prop(ctx, r, 'FunctionName').value;
  const fn = ctx.builder.functionOf(fnValue);
  ctx.builder.addPermission({
    ...elementBase(ctx, r),
    ...(fn ? { functionId: fn.id } : {}),
    action: prop(ctx, r, 'Action').value ?? 'lambda:InvokeFunction',
    principal: prop(ctx, r, 'Principal').value ?? null,
    sourceArn: prop(ctx, r, 'SourceArn').value,
    sourceAccount: prop(ctx, r, 'SourceAccount').value,
    principalOrgId: prop(ctx, r, 'PrincipalOrgID').value,
    functionUrlAuthType: prop(ctx, r, 'FunctionUrlAuthType').value,
    viaFunctionUrl: asBoolean(prop(ctx, r, 'InvokedViaFunctionUrl').value) === true,
  });
}

export function linkFunctionUrl(ctx: LoadContext, r: TemplateResource): void {
  const fn = ctx.builder.functionOf(prop(ctx, r, 'TargetFunctionArn').value);
  if (!fn) return;
  const auth = prop(ctx, r, 'AuthType');
  const triggerId = ctx.template.resourceId(r.logicalId);
  const qualifier = prop(ctx, r, 'Qualifier').value;
  fn.urls.push({ triggerId, ...(qualifier !== undefined ? { qualifier } : {}), authType: auth.value ?? null, cors: prop(ctx, r, 'Cors').value, invokeMode: prop(ctx, r, 'InvokeMode').value, loc: auth.node ? auth.loc : r.loc });
  ctx.builder.addTrigger({ id: triggerId, kind: 'function-url', functionId: fn.id, asynchronous: false, details: {}, loc: r.loc });
}

export function linkEventSourceMapping(ctx: LoadContext, r: TemplateResource): void {
  const fn = ctx.builder.functionOf(prop(ctx, r, 'FunctionName').value);
  if (!fn) return;
  const source = prop(ctx, r, 'EventSourceArn').value;
  const kind = mappingKind(ctx, r, source);
  const sourceRes = ctx.builder.resourceOf(source);
  ctx.builder.addTrigger({
    id: ctx.template.resourceId(r.logicalId),
    kind,
    functionId: fn.id,
    ...(sourceRes ? { sourceId: sourceRes.id } : {}),
    ...(source !== undefined ? { source } : {}),
    asynchronous: false,
    details: mappingDetails(ctx, r),
    loc: r.loc,
  });
}

function mappingKind(ctx: LoadContext, r: TemplateResource, source: Value | undefined): TriggerKind {
  if (prop(ctx, r, 'SelfManagedEventSource').value !== undefined) return 'kafka-self-managed';
  if (prop(ctx, r, 'DocumentDBEventSourceConfig').value !== undefined) return 'documentdb';
  return kindOfSource(ctx, source);
}

/** The kind of a poll-based source, from the resource it refers to or the service named in its ARN. */
export function kindOfSource(ctx: LoadContext, source: Value | undefined): TriggerKind {
  const ref = referencedResource(source);
  const type = ref ? ctx.template.resources.get(ref.logicalId)?.type : undefined;
  if (type) return kindOfSourceType(type);
  const arn = typeof source === 'string' ? source : String(source ?? '');
  if (arn.includes(':sqs:')) return 'sqs';
  if (arn.includes(':dynamodb:')) return 'dynamodb-stream';
  if (arn.includes(':kinesis:')) return 'kinesis-stream';
  if (arn.includes(':kafka:')) return 'kafka-msk';
  if (arn.includes(':mq:')) return 'mq';
  return 'unknown';
}

export function kindOfSourceType(type: string): TriggerKind {
  if (type === 'AWS::SQS::Queue') return 'sqs';
  if (type === 'AWS::DynamoDB::Table' || type === 'AWS::DynamoDB::GlobalTable' || type === 'AWS::Serverless::SimpleTable') return 'dynamodb-stream';
  if (type === 'AWS::Kinesis::Stream') return 'kinesis-stream';
  if (type === 'AWS::MSK::Cluster' || type === 'AWS::MSK::ServerlessCluster') return 'kafka-msk';
  if (type === 'AWS::AmazonMQ::Broker') return 'mq';
  if (type === 'AWS::DocDB::DBCluster') return 'documentdb';
  return 'unknown';
}

function mappingDetails(ctx: LoadContext, r: TemplateResource): ValueMap {
  const out: ValueMap = {};
  for (const key of ['BatchSize', 'StartingPosition', 'MaximumRetryAttempts', 'BisectBatchOnFunctionError', 'FunctionResponseTypes', 'Enabled', 'ParallelizationFactor']) {
    const v = prop(ctx, r, key).value;
    if (v !== undefined) out[key] = v;
  }
  const dest = prop(ctx, r, 'DestinationConfig', 'OnFailure', 'Destination').value;
  if (dest !== undefined) out['OnFailure'] = dest;
  return out;
}

export function linkEventInvokeConfig(ctx: LoadContext, r: TemplateResource): void {
  const fn = ctx.builder.functionOf(prop(ctx, r, 'FunctionName').value);
  if (!fn) return;
  const dest = prop(ctx, r, 'DestinationConfig').value;
  fn.asyncConfig = {
    maxRetryAttempts: prop(ctx, r, 'MaximumRetryAttempts').value,
    maxEventAgeSeconds: prop(ctx, r, 'MaximumEventAgeInSeconds').value,
    onFailure: isValueMap(dest) && isValueMap(dest['OnFailure']) ? dest['OnFailure']['Destination'] : undefined,
    onSuccess: isValueMap(dest) && isValueMap(dest['OnSuccess']) ? dest['OnSuccess']['Destination'] : undefined,
    loc: r.loc,
  };
}

/**
 * An alias, or a published version, stands for its function wherever it is invoked (Lambda@Edge
 * associations name versions); an alias may carry the function's provisioned concurrency. Linked
 * before the resources that invoke it.
 */
export function linkAlias(ctx: LoadContext, r: TemplateResource): void {
  const fn = ctx.builder.functionOf(prop(ctx, r, 'FunctionName').value);
  if (fn) ctx.builder.addAlias(ctx.template.resourceId(r.logicalId), fn);
  const pc = prop(ctx, r, 'ProvisionedConcurrencyConfig', 'ProvisionedConcurrentExecutions').value;
  if (fn && pc !== undefined) fn.provisionedConcurrency = pc;
}
