/**
 * AWS::Serverless::Function into the model: the function, the role SAM creates for it when none
 * is given, its Function URL. Its events are linked later (`events.ts`), once every API exists.
 */
import { inlineCodeText } from '../cloudformation/inline-code-text.js';
import type { AttachedPolicy, FunctionCode, IamRole, LambdaFunction } from '../../model/app-model.js';
import { isValueMap, type Value } from '../../model/value.js';
import { at, get, items, scalarString } from '../../parse/tree.js';
import { awsManagedPolicy } from '../cloudformation/iam.js';
import { commonFunction, localCodePath } from '../cloudformation/lambda-function.js';
import { elementBase, prop, props, type LoadContext } from '../cloudformation/load-context.js';
import type { TemplateResource } from '../cloudformation/template.js';
import { samPolicies } from './policies.js';
import { lookupTable } from '../../util/own-keys.js';

export function loadSamFunction(ctx: LoadContext, r: TemplateResource): LambdaFunction {
  const fn = commonFunction(ctx, r);
  fn.code = samCode(ctx, r);
  fn.tracing = prop(ctx, r, 'Tracing').value;
  fn.deadLetterTarget = prop(ctx, r, 'DeadLetterQueue', 'TargetArn').value;
  fn.provisionedConcurrency = prop(ctx, r, 'ProvisionedConcurrencyConfig', 'ProvisionedConcurrentExecutions').value;
  addAsyncConfig(ctx, r, fn);
  addUrl(ctx, r, fn);
  if (!fn.role) {
    const role = implicitRole(ctx, r, fn);
    ctx.builder.addRole(role);
    fn.role = { roleId: role.id, loc: r.loc };
  }
  return fn;
}

function samCode(ctx: LoadContext, r: TemplateResource): FunctionCode {
  const inline = inlineCodeText(ctx, r, 'InlineCode');
  if (inline) return { kind: 'inline', ...inline };
  if (prop(ctx, r, 'ImageUri').value !== undefined || prop(ctx, r, 'PackageType').value === 'Image') return { kind: 'image', loc: r.loc };
  const uri = prop(ctx, r, 'CodeUri');
  if (isValueMap(uri.value)) return { kind: 's3', loc: uri.loc };
  const local = localCodePath(ctx.template.file, uri.value ?? '.');
  if (local === undefined) return { kind: 'unknown', loc: uri.loc };
  const entryPoints = buildEntryPoints(r);
  const bundler = buildBundler(r);
  return { kind: 'path', path: local || '.', loc: uri.loc, ...(entryPoints.length > 0 ? { entryPoints } : {}), ...(bundler ? { bundler } : {}) };
}

/** `Metadata: BuildMethod: esbuild` makes `sam build` bundle the handler and its imports. */
function buildBundler(r: TemplateResource): string | undefined {
  const method = scalarString(at(r.node, 'Metadata', 'BuildMethod'))?.toLowerCase();
  return method === 'esbuild' ? method : undefined;
}

/** esbuild builds name their sources here; the handler names the output, which may differ. */
function buildEntryPoints(r: TemplateResource): string[] {
  return items(at(r.node, 'Metadata', 'BuildProperties', 'EntryPoints'))
    .map(scalarString)
    .filter((s): s is string => s !== undefined && s !== '');
}

function addAsyncConfig(ctx: LoadContext, r: TemplateResource, fn: LambdaFunction): void {
  const config = prop(ctx, r, 'EventInvokeConfig');
  if (!isValueMap(config.value)) return;
  const dest = config.value['DestinationConfig'];
  const dests = isValueMap(dest) ? dest : {};
  fn.asyncConfig = {
    maxRetryAttempts: config.value['MaximumRetryAttempts'],
    maxEventAgeSeconds: config.value['MaximumEventAgeInSeconds'],
    onFailure: destination(dests['OnFailure']),
    onSuccess: destination(dests['OnSuccess']),
    loc: config.loc,
  };
}

function destination(v: Value | undefined): Value | undefined {
  return isValueMap(v) ? v['Destination'] ?? v['Type'] : undefined;
}

function addUrl(ctx: LoadContext, r: TemplateResource, fn: LambdaFunction): void {
  const config = prop(ctx, r, 'FunctionUrlConfig');
  if (!isValueMap(config.value)) return;
  const auth = prop(ctx, r, 'FunctionUrlConfig', 'AuthType');
  // SAM's transform writes both grants a public URL needs (InvokeFunctionUrl and InvokeFunction).
  const url = { triggerId: `${fn.id}Url`, authType: auth.value ?? null, grantedByFormat: true, cors: config.value['Cors'], invokeMode: config.value['InvokeMode'], loc: auth.node ? auth.loc : config.loc };
  fn.urls.push(url);
  ctx.builder.addTrigger({ id: url.triggerId, kind: 'function-url', functionId: fn.id, asynchronous: false, details: {}, loc: url.loc });
}

/** The role the SAM transform generates: basic execution, plus what Policies, tracing, VPC and poll-based events need. */
function implicitRole(ctx: LoadContext, r: TemplateResource, fn: LambdaFunction): IamRole {
  const base = elementBase(ctx, r);
  const policiesNode = get(props(r), 'Policies');
  const policies: AttachedPolicy[] = [awsManagedPolicy(ctx, 'AWSLambdaBasicExecutionRole', r.loc), ...samPolicies(ctx, policiesNode)];
  if (fn.tracing === 'Active') policies.push(awsManagedPolicy(ctx, 'AWSXRayDaemonWriteAccess', r.loc));
  if (fn.inVpc) policies.push(awsManagedPolicy(ctx, 'AWSLambdaVPCAccessExecutionRole', r.loc));
  for (const managed of pollerPolicies(ctx, r)) policies.push(awsManagedPolicy(ctx, managed, r.loc));
  return {
    id: `${base.id}Role`,
    logicalId: `${r.logicalId}Role`,
    stack: base.stack,
    loc: policiesNode?.loc ?? r.loc,
    ...(base.constructPath ? { constructPath: base.constructPath } : {}),
    trust: { statements: [{ effect: 'Allow', actions: ['sts:AssumeRole'], notActions: [], resources: [], notResources: [], principals: [{ type: 'Service', value: 'lambda.amazonaws.com' }], notPrincipals: [], loc: r.loc }], loc: r.loc },
    policies,
    ...(prop(ctx, r, 'PermissionsBoundary').value !== undefined ? { permissionsBoundary: prop(ctx, r, 'PermissionsBoundary').value! } : {}),
  };
}

const POLLER_POLICIES: Readonly<Record<string, string>> = lookupTable({
  SQS: 'AWSLambdaSQSQueueExecutionRole',
  Kinesis: 'AWSLambdaKinesisExecutionRole',
  DynamoDB: 'AWSLambdaDynamoDBExecutionRole',
  MSK: 'AWSLambdaMSKExecutionRole',
});

function pollerPolicies(ctx: LoadContext, r: TemplateResource): string[] {
  const events = prop(ctx, r, 'Events').value;
  if (!isValueMap(events)) return [];
  const names = new Set<string>();
  for (const e of Object.values(events)) {
    const type = isValueMap(e) ? e['Type'] : undefined;
    const policy = typeof type === 'string' ? POLLER_POLICIES[type] : undefined;
    if (policy) names.add(policy);
  }
  return [...names].sort();
}
