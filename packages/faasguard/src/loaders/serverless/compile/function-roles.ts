/**
 * Per-function roles, as the `serverless-iam-roles-per-function` plugin generates them: a function
 * with its own `iamRoleStatements` gets `<Function>IamRoleLambdaExecution` holding those statements
 * (plus the provider's when `iamRoleStatementsInherit` or the plugin's `defaultInherit` says so).
 * Without the plugin the framework ignores these statements, and so does the model.
 */
import type { TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';
import { naming } from '../naming.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { functionName } from './function-resource.js';
import { entries, first, text, truthy } from './nodes.js';
import { hasVpc, LAMBDA_TRUST, logStatements, managedPolicies, statementItems } from './role-parts.js';

const PLUGIN = 'serverless-iam-roles-per-function';

/** Decides which functions get their own role (before events add statements to it). */
export function assignFunctionRoles(ctx: CompileContext): void {
  const plugin = hasPlugin(ctx);
  for (const fn of ctx.functions) {
    const statements = get(fn.node, 'iamRoleStatements');
    if (statements === undefined || get(fn.node, 'role') !== undefined) continue;
    if (!plugin) {
      ctx.diagnostics.warning('serverless-plugin-missing', `function ${fn.name} has iamRoleStatements, which only the ${PLUGIN} plugin applies; it is not in plugins, so the function runs with the shared role`, statements.loc);
      continue;
    }
    fn.ownRoleId = naming.functionRole(fn.name);
  }
}

export function compileFunctionRole(ctx: CompileContext, fn: ServerlessFunction): void {
  if (!fn.ownRoleId) return;
  const own = get(fn.node, 'iamRoleStatements')!;
  const inherit = first(get(fn.node, 'iamRoleStatementsInherit'), pluginSetting(ctx, 'defaultInherit'));
  const providerStatements = truthy(inherit) ? statementItems(first(ctx.providerAt('iam', 'role', 'statements'), ctx.providerAt('iamRoleStatements'))) : [];
  const name = text(get(fn.node, 'name')) ?? functionName(ctx, fn.name);
  const statements: TNode[] = [...logStatements(name, own.loc), ...statementItems(own), ...providerStatements, ...fn.eventStatements];
  ctx.add(fn.ownRoleId, 'AWS::IAM::Role', {
    AssumeRolePolicyDocument: LAMBDA_TRUST,
    Policies: [{ PolicyName: `${ctx.service}-${ctx.stage}-${fn.name}-lambdaPolicy`, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
    Path: '/',
    RoleName: first(get(fn.node, 'iamRoleStatementsName')) ?? `${ctx.service}-${ctx.stage}-${fn.name}-${ctx.region}-lambdaRole`.slice(0, 64),
    ManagedPolicyArns: managedPolicies([get(fn.node, 'iamManagedPolicies')], hasVpc(ctx, get(fn.node, 'vpc')), own.loc),
    PermissionsBoundary: get(fn.node, 'iamPermissionsBoundary'),
  }, own.loc);
}

function hasPlugin(ctx: CompileContext): boolean {
  const plugins = ctx.config.entries.find((e) => e.key === 'plugins')?.value;
  const list = plugins?.kind === 'map' ? get(plugins, 'modules') : plugins;
  return statementItems(list).some((p) => text(p) === PLUGIN);
}

function pluginSetting(ctx: CompileContext, key: string): TNode | undefined {
  const custom = ctx.config.entries.find((e) => e.key === 'custom')?.value;
  return get(entries(custom).find((e) => e.key === PLUGIN)?.value, key);
}
