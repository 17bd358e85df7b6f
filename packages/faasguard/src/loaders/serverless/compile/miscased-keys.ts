/**
 * Settings of `provider` and of a function written with other capitals than the framework's
 * (`Runtime:` for `runtime:`): the framework reads keys as written and ignores these, so the
 * setting the author meant does not apply. Each is a warning at its line; the compiled template
 * is what the framework deploys, without it. Only the settings this compiler reads are known here.
 */
import { get, type TNode } from '../../../parse/tree.js';
import type { CompileContext, ServerlessFunction } from './context.js';

const PROVIDER_KEYS = [
  'name', 'runtime', 'stage', 'region', 'memorySize', 'timeout', 'environment', 'layers', 'architecture', 'kmsKeyArn', 'tracing', 'vpc',
  'role', 'iam', 'iamRoleStatements', 'iamManagedPolicies', 'rolePermissionsBoundary', 'apiGateway', 'apiName', 'httpApi', 'endpointType',
  'deploymentBucket', 'logs', 'logRetentionInDays', 'disableLogs', 'websocketsApiName', 'websocketsApiRouteSelectionExpression',
];

const FUNCTION_KEYS = [
  'handler', 'image', 'name', 'runtime', 'memorySize', 'timeout', 'environment', 'layers', 'architecture', 'kmsKeyArn', 'tracing', 'vpc',
  'role', 'events', 'url', 'onError', 'destinations', 'reservedConcurrency', 'provisionedConcurrency', 'maximumEventAge',
  'maximumRetryAttempts', 'disableLogs', 'logRetentionInDays', 'iamRoleStatements', 'iamRoleStatementsName', 'iamRoleStatementsInherit',
  'iamManagedPolicies', 'iamPermissionsBoundary',
];

export function reportMiscasedKeys(ctx: CompileContext, functions: readonly ServerlessFunction[]): void {
  check(ctx, ctx.provider, 'provider', PROVIDER_KEYS);
  for (const fn of functions) check(ctx, fn.node, `function ${fn.name}`, FUNCTION_KEYS);
}

function check(ctx: CompileContext, node: TNode | undefined, where: string, known: readonly string[]): void {
  if (node?.kind !== 'map') return;
  for (const e of node.entries) {
    if (known.includes(e.key)) continue;
    const meant = known.find((k) => k.toLowerCase() === e.key.toLowerCase());
    if (meant === undefined || get(node, meant) !== undefined) continue;
    const effect = meant === 'runtime' ? ", and its functions run on the framework's default runtime, which the file does not name" : '';
    ctx.diagnostics.warning('serverless-key-case', `${where} sets ${e.key}, which the framework does not read (it reads ${meant}): the setting does not apply${effect}`, e.keyLoc);
  }
}
