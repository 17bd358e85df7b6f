/**
 * What the framework generates beside each function: its log group, Function URL, asynchronous
 * invocation settings (destinations) and provisioned concurrency alias.
 */
import { get } from '../../../parse/tree.js';
import type { TNode } from '../../../parse/tree.js';
import { naming } from '../naming.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { functionName } from './function-resource.js';
import { build, first, getAtt, ref, text, truthy, type Shape } from './nodes.js';

export function compileFunctionExtras(ctx: CompileContext, fn: ServerlessFunction): void {
  logGroup(ctx, fn);
  functionUrl(ctx, fn);
  destinations(ctx, fn);
  provisionedConcurrency(ctx, fn);
}

function logGroup(ctx: CompileContext, fn: ServerlessFunction): void {
  if (truthy(get(fn.node, 'disableLogs')) || truthy(ctx.providerAt('disableLogs'))) return;
  const retention = first(get(fn.node, 'logRetentionInDays'), ctx.providerAt('logRetentionInDays'));
  const name = text(get(fn.node, 'name')) ?? functionName(ctx, fn.name);
  ctx.add(naming.logGroup(fn.name), 'AWS::Logs::LogGroup', { LogGroupName: `/aws/lambda/${name}`, RetentionInDays: retention }, retention?.loc ?? fn.loc);
}

/** `url: true` is public (AuthType NONE); `url.authorizer: aws_iam` requires signed requests. */
function functionUrl(ctx: CompileContext, fn: ServerlessFunction): void {
  const url = get(fn.node, 'url');
  if (url === undefined || (url.kind === 'scalar' && !truthy(url))) return;
  const authorizer = get(url, 'authorizer');
  const authType = /^aws_iam$/i.test(text(authorizer) ?? '') ? 'AWS_IAM' : 'NONE';
  const authLoc = authorizer?.loc ?? url.loc;
  ctx.add(naming.functionUrl(fn.name), 'AWS::Lambda::Url', {
    AuthType: build(authType, authLoc),
    TargetFunctionArn: getAtt(fn.logicalId, 'Arn'),
    Cors: cors(get(url, 'cors')),
    InvokeMode: get(url, 'invokeMode'),
  }, url.loc);
  if (authType !== 'NONE') return;
  ctx.add(naming.functionUrlPermission(fn.name), 'AWS::Lambda::Permission', {
    FunctionName: getAtt(fn.logicalId, 'Arn'),
    Action: 'lambda:InvokeFunctionUrl',
    Principal: '*',
    FunctionUrlAuthType: 'NONE',
  }, url.loc);
}

/** `cors: true` allows every origin; a mapping names them. */
function cors(node: TNode | undefined): Shape {
  if (node === undefined) return undefined;
  if (node.kind === 'scalar') return truthy(node) ? { AllowOrigins: ['*'], AllowHeaders: ['Content-Type', 'Authorization'], AllowMethods: ['*'] } : undefined;
  return {
    AllowOrigins: get(node, 'allowedOrigins') ?? ['*'],
    AllowHeaders: get(node, 'allowedHeaders'),
    AllowMethods: get(node, 'allowedMethods') ?? ['*'],
    AllowCredentials: get(node, 'allowCredentials'),
    ExposeHeaders: get(node, 'exposedResponseHeaders'),
    MaxAge: get(node, 'maxAge'),
  };
}

function destinations(ctx: CompileContext, fn: ServerlessFunction): void {
  const dest = get(fn.node, 'destinations');
  const retries = get(fn.node, 'maximumRetryAttempts');
  const age = get(fn.node, 'maximumEventAge');
  if (dest === undefined && retries === undefined && age === undefined) return;
  const target = (node: TNode | undefined) => (node === undefined ? undefined : { Destination: destinationArn(ctx, node) });
  ctx.add(naming.eventInvokeConfig(fn.name), 'AWS::Lambda::EventInvokeConfig', {
    FunctionName: ref(fn.logicalId),
    Qualifier: '$LATEST',
    MaximumRetryAttempts: retries,
    MaximumEventAgeInSeconds: age,
    DestinationConfig: dest ? { OnSuccess: target(get(dest, 'onSuccess')), OnFailure: target(get(dest, 'onFailure')) } : undefined,
  }, dest?.loc ?? fn.loc);
}

/** A destination is an ARN, or the name of another function of the service. */
function destinationArn(ctx: CompileContext, node: TNode): Shape {
  const name = text(node) ?? text(get(node, 'arn'));
  const other = name ? ctx.fn(name) : undefined;
  if (other) return getAtt(other.logicalId, 'Arn');
  return get(node, 'arn') ?? node;
}

function provisionedConcurrency(ctx: CompileContext, fn: ServerlessFunction): void {
  const pc = get(fn.node, 'provisionedConcurrency');
  if (pc === undefined) return;
  ctx.add(`${fn.logicalId.replace(/LambdaFunction$/, '')}ProvConcLambdaAlias`, 'AWS::Lambda::Alias', {
    FunctionName: ref(fn.logicalId),
    FunctionVersion: '$LATEST',
    Name: 'provisioned',
    ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: pc },
  }, pc.loc);
}
