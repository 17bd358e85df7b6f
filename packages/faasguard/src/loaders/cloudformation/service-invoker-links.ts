/**
 * Services that hand a function a request, a record batch or a connection attempt as its event:
 * a VPC Lattice target group of type `LAMBDA`, an S3 Object Lambda access point's transformation,
 * a Firehose delivery stream's Lambda processor, an IoT custom authorizer, a Bedrock agent's
 * action group, a Transfer Family server's identity provider and a CloudFront distribution's
 * Lambda@Edge associations. Each is a trigger of
 * the function it names; who can reach it is for the exposure analysis to say.
 */
import { asString, type Value, type ValueMap } from '../../model/value.js';
import type { SourceLocation } from '../../model/location.js';
import { get, items, type TNode } from '../../parse/tree.js';
import { prop, props, type LoadContext } from './load-context.js';
import type { TemplateResource } from './template.js';

/** `AWS::VpcLattice::TargetGroup` of type `LAMBDA`: the service invokes each target with the requests its listeners route to the group. */
export function linkLatticeTargetGroup(ctx: LoadContext, r: TemplateResource): void {
  if (asString(prop(ctx, r, 'Type').value)?.toUpperCase() !== 'LAMBDA') return;
  const groupId = ctx.template.resourceId(r.logicalId);
  items(prop(ctx, r, 'Targets').node).forEach((target, i) => {
    const id = get(target, 'Id');
    addInvoker(ctx, ctx.ev.value(id), { id: `${groupId}#target${i}`, kind: 'vpc-lattice', sourceId: groupId, loc: id?.loc ?? r.loc });
  });
}

/** `AWS::S3ObjectLambda::AccessPoint`: each transformation runs its function on the GetObject (or list, head) requests made through the access point. */
export function linkObjectLambdaAccessPoint(ctx: LoadContext, r: TemplateResource): void {
  const pointId = ctx.template.resourceId(r.logicalId);
  items(prop(ctx, r, 'ObjectLambdaConfiguration', 'TransformationConfigurations').node).forEach((transformation, i) => {
    const arn = get(get(get(transformation, 'ContentTransformation'), 'AwsLambda'), 'FunctionArn');
    addInvoker(ctx, ctx.ev.value(arn), { id: `${pointId}#transformation${i}`, kind: 's3-object-lambda', sourceId: pointId, loc: arn?.loc ?? r.loc });
  });
}

/**
 * `AWS::KinesisFirehose::DeliveryStream`: a `Lambda` processor of a destination's
 * `ProcessingConfiguration` transforms the records its producers put, batch by batch.
 */
export function linkFirehoseProcessors(ctx: LoadContext, r: TemplateResource): void {
  const streamId = ctx.template.resourceId(r.logicalId);
  const body = props(r);
  if (body?.kind !== 'map') return;
  for (const destination of body.entries.filter((e) => e.key.endsWith('DestinationConfiguration'))) {
    items(get(get(destination.value, 'ProcessingConfiguration'), 'Processors')).forEach((processor, i) => {
      const arn = lambdaArnParameter(processor);
      addInvoker(ctx, ctx.ev.value(arn), { id: `${streamId}#${destination.key}${i}`, kind: 'kinesis-firehose', sourceId: streamId, loc: arn?.loc ?? r.loc });
    });
  }
}

/** The `LambdaArn` parameter's value node of a processor (`Parameters: [{ParameterName, ParameterValue}]`). */
function lambdaArnParameter(processor: TNode): TNode | undefined {
  const parameter = items(get(processor, 'Parameters')).find((p) => {
    const name = get(p, 'ParameterName');
    return name?.kind === 'scalar' && name.value === 'LambdaArn';
  });
  return get(parameter, 'ParameterValue');
}

/**
 * `AWS::IoT::Authorizer`: IoT Core invokes the function with the token and connection data of each
 * device that connects naming it. With `SigningDisabled`, IoT checks no signature first, so any
 * client's attempt reaches the function (`details.signingDisabled`).
 */
export function linkIotAuthorizer(ctx: LoadContext, r: TemplateResource): void {
  const arn = prop(ctx, r, 'AuthorizerFunctionArn');
  const signingDisabled = prop(ctx, r, 'SigningDisabled').value;
  addInvoker(ctx, arn.value, {
    id: ctx.template.resourceId(r.logicalId),
    kind: 'iot-authorizer',
    sourceId: ctx.template.resourceId(r.logicalId),
    loc: arn.loc,
    details: { signingDisabled: signingDisabled === true || signingDisabled === 'true' },
  });
}

/**
 * `AWS::Bedrock::Agent`: the function of each action group's `ActionGroupExecutor` runs the actions
 * the model chooses while it answers a user, with the user's prompt and the parameters it drew from it.
 */
export function linkAgentActionGroups(ctx: LoadContext, r: TemplateResource): void {
  const agentId = ctx.template.resourceId(r.logicalId);
  items(prop(ctx, r, 'ActionGroups').node).forEach((group, i) => {
    const lambda = get(get(group, 'ActionGroupExecutor'), 'Lambda');
    addInvoker(ctx, ctx.ev.value(lambda), { id: `${agentId}#actionGroup${i}`, kind: 'bedrock-agent', sourceId: agentId, loc: lambda?.loc ?? r.loc });
  });
}

/**
 * `AWS::Transfer::Server` with `IdentityProviderType: AWS_LAMBDA`: the function checks the user name
 * and password of each client that signs in. Whether the internet reaches the server is its
 * endpoint's: `PUBLIC` (the default), or `VPC` with Elastic IP addresses (`details.internetFacing`).
 */
export function linkTransferIdentityProvider(ctx: LoadContext, r: TemplateResource): void {
  if (asString(prop(ctx, r, 'IdentityProviderType').value) !== 'AWS_LAMBDA') return;
  const fnNode = prop(ctx, r, 'IdentityProviderDetails', 'Function');
  const endpoint = asString(prop(ctx, r, 'EndpointType').value) ?? 'PUBLIC';
  const addresses = prop(ctx, r, 'EndpointDetails', 'AddressAllocationIds').value;
  const internetFacing = endpoint === 'PUBLIC' || (endpoint === 'VPC' && Array.isArray(addresses) && addresses.length > 0);
  const serverId = ctx.template.resourceId(r.logicalId);
  addInvoker(ctx, fnNode.value, { id: serverId, kind: 'transfer-identity-provider', sourceId: serverId, loc: fnNode.loc, details: { internetFacing } });
}

/**
 * `AWS::CloudFront::Distribution`: each Lambda@Edge association of a cache behavior runs its
 * function (a version of it) on the requests of that behavior's paths: on every viewer request or
 * response, or on those CloudFront forwards to the origin (cache misses) and their responses.
 */
export function linkDistributionFunctions(ctx: LoadContext, r: TemplateResource): void {
  const distributionId = ctx.template.resourceId(r.logicalId);
  const config = prop(ctx, r, 'DistributionConfig').node;
  const behaviors = [{ node: get(config, 'DefaultCacheBehavior'), name: 'default' }, ...items(get(config, 'CacheBehaviors')).map((node, i) => ({ node, name: `behavior${i}` }))];
  for (const behavior of behaviors) {
    const pathPattern = ctx.ev.value(get(behavior.node, 'PathPattern')) ?? '*';
    items(get(behavior.node, 'LambdaFunctionAssociations')).forEach((association, i) => {
      const arn = get(association, 'LambdaFunctionARN');
      const details: ValueMap = { eventType: ctx.ev.value(get(association, 'EventType')) ?? null, includeBody: ctx.ev.value(get(association, 'IncludeBody')) ?? false, pathPattern };
      addInvoker(ctx, ctx.ev.value(arn), { id: `${distributionId}#${behavior.name}-edge${i}`, kind: 'cloudfront', sourceId: distributionId, loc: arn?.loc ?? r.loc, details });
    });
  }
}

interface Invoker {
  id: string;
  kind: 'vpc-lattice' | 's3-object-lambda' | 'kinesis-firehose' | 'iot-authorizer' | 'bedrock-agent' | 'transfer-identity-provider' | 'cloudfront';
  sourceId: string;
  loc: SourceLocation;
  details?: ValueMap;
}

/** The service invokes the function synchronously: it waits for the answer, the transformed records or the policy. */
function addInvoker(ctx: LoadContext, fnValue: Value | undefined, invoker: Invoker): void {
  const fn = ctx.builder.functionOf(fnValue);
  if (!fn) return;
  ctx.builder.addTrigger({ id: invoker.id, kind: invoker.kind, functionId: fn.id, sourceId: invoker.sourceId, asynchronous: false, details: invoker.details ?? {}, loc: invoker.loc });
}

