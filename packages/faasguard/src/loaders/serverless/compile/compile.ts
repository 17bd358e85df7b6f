/**
 * A resolved serverless.yml into the CloudFormation template the framework would deploy. Order
 * matters: roles are chosen before events (which add statements to them), and written after.
 */
import type { TMap } from '../../../parse/tree.js';
import { CompileContext } from './context.js';
import { compileDeploymentBucket } from './deployment-bucket.js';
import { compileEvents } from './events.js';
import { compileFunctionExtras } from './function-extras.js';
import { compileLayers } from './layers.js';
import { compileFunction } from './function-resource.js';
import { collectFunctions } from './functions-list.js';
import { reportMiscasedKeys } from './miscased-keys.js';
import { assignFunctionRoles, compileFunctionRole } from './function-roles.js';
import { usesSharedRole } from './role-choice.js';
import { compileServiceProxies } from './service-proxies.js';
import { compileSharedRole } from './shared-role.js';
import { assembleTemplate, userResources } from './template.js';

export function compileServerless(ctx: CompileContext): TMap {
  ctx.functions.push(...collectFunctions(ctx));
  reportMiscasedKeys(ctx, ctx.functions);
  ctx.userResources = userResources(ctx.config);
  compileDeploymentBucket(ctx);
  compileLayers(ctx);
  assignFunctionRoles(ctx);
  for (const fn of ctx.functions) compileEvents(ctx, fn);
  compileServiceProxies(ctx);
  for (const fn of ctx.functions) {
    compileFunction(ctx, fn);
    compileFunctionExtras(ctx, fn);
    compileFunctionRole(ctx, fn);
  }
  compileSharedRole(ctx, ctx.functions.filter((fn) => usesSharedRole(ctx, fn)));
  return assembleTemplate(ctx);
}
