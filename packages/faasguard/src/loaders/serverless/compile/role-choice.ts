/**
 * Which role each function runs with, as the framework decides: the function's `role`, else the
 * provider's existing role (`provider.iam.role` or the legacy `provider.role` as a name or ARN),
 * else a role generated for the function alone (per-function IAM statements), else the shared
 * `IamRoleLambdaExecution`.
 */
import type { TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';
import { naming } from '../naming.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { getAtt, type Shape } from './nodes.js';

/** The provider's existing role, when it names one instead of configuring the generated one. */
export function providerExistingRole(ctx: CompileContext): TNode | undefined {
  const iamRole = ctx.providerAt('iam', 'role');
  if (iamRole && iamRole.kind !== 'map') return iamRole;
  if (isIntrinsic(iamRole)) return iamRole;
  return ctx.providerAt('role');
}

export function usesSharedRole(ctx: CompileContext, fn: ServerlessFunction): boolean {
  return get(fn.node, 'role') === undefined && fn.ownRoleId === undefined && providerExistingRole(ctx) === undefined;
}

export function functionRoleValue(ctx: CompileContext, fn: ServerlessFunction): Shape {
  const own = get(fn.node, 'role');
  if (own) return roleReference(own);
  if (fn.ownRoleId) return getAtt(fn.ownRoleId, 'Arn');
  const provider = providerExistingRole(ctx);
  if (provider) return roleReference(provider);
  return getAtt(naming.roleLogicalId, 'Arn');
}

/** An ARN or intrinsic is used as it is; a bare name is a role declared under `resources`. */
function roleReference(node: TNode): Shape {
  if (node.kind !== 'scalar') return node;
  const value = String(node.value ?? '');
  if (value.startsWith('arn:') || value.includes('\u0000')) return node;
  return { 'Fn::GetAtt': [{ kind: 'scalar', value, loc: node.loc }, 'Arn'] };
}

function isIntrinsic(node: TNode | undefined): boolean {
  return node?.kind === 'map' && node.entries.length === 1 && /^(Ref|Fn::)/.test(node.entries[0]!.key);
}
