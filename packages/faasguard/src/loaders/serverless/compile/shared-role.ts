/**
 * The shared execution role `IamRoleLambdaExecution`, generated when at least one function runs
 * with it: the provider's statements (`provider.iam.role.statements`, or the legacy
 * `provider.iamRoleStatements`), its managed policies, log permissions, and the statements that
 * event sources of its functions need.
 */
import { get } from '../../../parse/tree.js';
import { naming } from '../naming.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { first } from './nodes.js';
import { hasVpc, LAMBDA_TRUST, logStatements, managedPolicies, statementItems } from './role-parts.js';

export function compileSharedRole(ctx: CompileContext, users: ServerlessFunction[]): void {
  if (users.length === 0) return;
  const roleConfig = ctx.providerAt('iam', 'role');
  const statementsNode = first(get(roleConfig, 'statements'), ctx.providerAt('iamRoleStatements'));
  const loc = statementsNode?.loc ?? roleConfig?.loc ?? ctx.providerAt('iam')?.loc ?? ctx.provider?.loc ?? ctx.config.loc;
  const statements = [
    ...logStatements(`${ctx.service}-${ctx.stage}*`, loc),
    ...statementItems(statementsNode),
    ...users.flatMap((f) => f.eventStatements),
  ];
  const inVpc = users.some((f) => hasVpc(ctx, get(f.node, 'vpc')));
  ctx.add(naming.roleLogicalId, 'AWS::IAM::Role', {
    AssumeRolePolicyDocument: LAMBDA_TRUST,
    Policies: [{ PolicyName: `${ctx.stage}-${ctx.service}-lambda`, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
    Path: first(get(roleConfig, 'path')) ?? '/',
    RoleName: first(get(roleConfig, 'name')) ?? `${ctx.service}-${ctx.stage}-${ctx.region}-lambdaRole`,
    ManagedPolicyArns: managedPolicies([first(get(roleConfig, 'managedPolicies'), ctx.providerAt('iamManagedPolicies'))], inVpc, loc),
    PermissionsBoundary: first(get(roleConfig, 'permissionsBoundary'), ctx.providerAt('iam', 'permissionsBoundary'), ctx.providerAt('rolePermissionsBoundary')),
  }, loc);
}
