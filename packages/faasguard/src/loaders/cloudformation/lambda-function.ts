/**
 * AWS::Lambda::Function (and the common part of AWS::Serverless::Function) into the model.
 */
import { inlineCodeText } from './inline-code-text.js';
import path from 'node:path';
import type { EnvironmentVariable, FunctionCode, LambdaFunction, RoleBinding } from '../../model/app-model.js';
import { asArray, isValueMap, referencedResource, type Value } from '../../model/value.js';
import type { TNode } from '../../parse/tree.js';
import { get } from '../../parse/tree.js';
import type { TemplateResource } from './template.js';
import { elementBase, prop, withOptionalBase, type LoadContext } from './load-context.js';

export function loadLambdaFunction(ctx: LoadContext, r: TemplateResource): LambdaFunction {
  const fn = commonFunction(ctx, r);
  fn.code = cfnCode(ctx, r);
  fn.tracing = prop(ctx, r, 'TracingConfig', 'Mode').value;
  fn.deadLetterTarget = prop(ctx, r, 'DeadLetterConfig', 'TargetArn').value;
  return fn;
}

/** The properties both resource types share, under the same names. */
export function commonFunction(ctx: LoadContext, r: TemplateResource): LambdaFunction {
  const vpc = prop(ctx, r, 'VpcConfig').value;
  const base = elementBase(ctx, r);
  const fn: LambdaFunction = {
    id: base.id,
    logicalId: base.logicalId,
    stack: base.stack,
    loc: base.loc,
    name: prop(ctx, r, 'FunctionName').value,
    runtime: prop(ctx, r, 'Runtime').value,
    handler: prop(ctx, r, 'Handler').value,
    code: { kind: 'unknown' },
    memorySize: prop(ctx, r, 'MemorySize').value,
    timeout: prop(ctx, r, 'Timeout').value,
    reservedConcurrency: prop(ctx, r, 'ReservedConcurrentExecutions').value,
    environment: environment(ctx, prop(ctx, r, 'Environment', 'Variables').node),
    layers: asArray(prop(ctx, r, 'Layers').value),
    kmsKeyArn: prop(ctx, r, 'KmsKeyArn').value,
    inVpc: isValueMap(vpc) && asArray(vpc['SubnetIds']).length > 0,
    urls: [],
  };
  withOptionalBase(fn, base);
  const role = roleBinding(ctx, r);
  if (role) fn.role = role;
  return fn;
}

export function environment(ctx: LoadContext, node: TNode | undefined): EnvironmentVariable[] {
  if (node?.kind !== 'map') return [];
  const out: EnvironmentVariable[] = [];
  for (const e of node.entries) {
    const value = ctx.ev.value(e.value);
    if (value !== undefined) out.push({ name: e.key, value, loc: e.value.loc });
  }
  return out;
}

function roleBinding(ctx: LoadContext, r: TemplateResource): RoleBinding | undefined {
  const { value, loc } = prop(ctx, r, 'Role');
  if (value === undefined) return undefined;
  const ref = referencedResource(value);
  if (ref && ctx.template.resources.get(ref.logicalId)?.type === 'AWS::IAM::Role') return { roleId: ref.target, loc };
  return { arn: value, loc };
}

function cfnCode(ctx: LoadContext, r: TemplateResource): FunctionCode {
  const code = prop(ctx, r, 'Code');
  // `aws cloudformation package` input (and a Terraform function's packed folder): a local path.
  // A packed archive (`build/code.zip`) holds code the scan does not read.
  if (typeof code.value === 'string' && /\.(zip|jar)$/i.test(code.value)) return { kind: 'archive', loc: code.loc };
  const local = typeof code.value === 'string' ? localCodePath(ctx.template.file, code.value) : undefined;
  if (local !== undefined) return { kind: 'path', path: local || '.', loc: code.loc };
  if (!isValueMap(code.value)) return { kind: 'unknown', loc: code.loc };
  const inline = inlineCodeText(ctx, r, 'Code', 'ZipFile');
  if (inline) return { kind: 'inline', ...inline };
  if (code.value['ImageUri'] !== undefined) return { kind: 'image', loc: code.loc };
  // `aws cloudformation package` input: Code may be a local path before packaging.
  return { kind: 's3', loc: code.loc };
}

/** A local code path, relative to the scan root, from a path relative to the template. */
export function localCodePath(templateFile: string, codePath: Value | undefined): string | undefined {
  if (typeof codePath !== 'string' || /^s3:\/\//.test(codePath)) return undefined;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(templateFile), codePath));
  return joined.startsWith('../') ? undefined : joined.replace(/\/$/, '');
}

export function nodeAt(r: TemplateResource, ...keys: string[]): TNode | undefined {
  let node: TNode | undefined = get(r.node, 'Properties');
  for (const k of keys) node = get(node, k);
  return node;
}
