/**
 * `functions.<name>` into AWS::Lambda::Function, with the provider's defaults applied as the
 * framework applies them: a function's own setting wins, else the provider's, else the
 * framework's default.
 */
import type { TMapEntry, TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';
import { naming } from '../naming.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { build, first, getAtt, ref, text, type Shape } from './nodes.js';
import { functionRoleValue } from './role-choice.js';
import { defaultRuntime } from './default-runtime.js';

/** Defaults of the framework (v3 and v4) when neither the function nor the provider sets one; the runtime's, see `default-runtime.ts`. */
const DEFAULT_MEMORY = 1024;
const DEFAULT_TIMEOUT = 6;

export function compileFunction(ctx: CompileContext, fn: ServerlessFunction): void {
  const own = (key: string) => get(fn.node, key);
  const either = (key: string, providerKey = key) => first(own(key), ctx.providerAt(providerKey));
  const image = own('image');
  ctx.add(fn.logicalId, 'AWS::Lambda::Function', {
    FunctionName: first(own('name')) ?? functionName(ctx, fn.name),
    Handler: image ? undefined : own('handler'),
    Runtime: image ? undefined : either('runtime') ?? defaultRuntime(text(get(ctx.config, 'frameworkVersion'))),
    PackageType: image ? 'Image' : undefined,
    Code: image ? { ImageUri: image } : { S3Bucket: ref(naming.deploymentBucket), S3Key: `serverless/${ctx.service}/${ctx.stage}/${fn.name}.zip` },
    MemorySize: either('memorySize') ?? DEFAULT_MEMORY,
    Timeout: either('timeout') ?? DEFAULT_TIMEOUT,
    ReservedConcurrentExecutions: own('reservedConcurrency'),
    Environment: environment(ctx, fn),
    TracingConfig: tracing(ctx, fn),
    Layers: either('layers'),
    Role: functionRoleValue(ctx, fn),
    VpcConfig: vpc(first(own('vpc'), ctx.providerAt('vpc'))),
    KmsKeyArn: either('kmsKeyArn'),
    DeadLetterConfig: own('onError') ? { TargetArn: own('onError') } : undefined,
    Architectures: either('architecture') ? [either('architecture')] : undefined,
  }, fn.loc);
}

/** `<service>-<stage>-<function>`, the framework's default FunctionName. */
export function functionName(ctx: CompileContext, name: string): string {
  return `${ctx.service}-${ctx.stage}-${name}`;
}

/** The provider's variables, then the function's (which win); each keeps its own location. */
function environment(ctx: CompileContext, fn: ServerlessFunction): Shape {
  const merged: TMapEntry[] = [];
  for (const source of [ctx.providerAt('environment'), get(fn.node, 'environment')]) {
    if (source?.kind !== 'map') continue;
    for (const e of source.entries) {
      const i = merged.findIndex((m) => m.key === e.key);
      if (i >= 0) merged.splice(i, 1);
      merged.push(e);
    }
  }
  if (merged.length === 0) return undefined;
  const loc = get(fn.node, 'environment')?.loc ?? ctx.providerAt('environment')?.loc ?? fn.loc;
  return { Variables: { kind: 'map', entries: merged, loc } };
}

/** `tracing: Active` on the function, or `provider.tracing.lambda: true | Active | PassThrough`. */
function tracing(ctx: CompileContext, fn: ServerlessFunction): Shape {
  const node = first(get(fn.node, 'tracing'), ctx.providerAt('tracing', 'lambda'));
  const value = text(node);
  if (node === undefined || value === undefined || value === 'false') return undefined;
  const mode = value === 'true' ? 'Active' : value;
  return { Mode: build(mode, node.loc) };
}

function vpc(node: TNode | undefined): Shape {
  if (node?.kind !== 'map') return undefined;
  return { SecurityGroupIds: get(node, 'securityGroupIds'), SubnetIds: get(node, 'subnetIds') };
}

export { getAtt };
