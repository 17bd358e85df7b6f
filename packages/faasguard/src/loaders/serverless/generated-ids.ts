/**
 * Logical ids the framework generates that the compiled template leaves out, because their names
 * hold a hash or a timestamp of the deployment (`HelloLambdaVersionAbC…`, `ApiGatewayDeployment1699…`)
 * or because they only carry the deployment (`WebsocketsDeploymentStage`). `resources` may still
 * refer to them.
 */
import type { TMap } from '../../parse/tree.js';
import { get } from '../../parse/tree.js';
import type { CompileContext } from './compile/context.js';
import { truthy } from './compile/nodes.js';
import { naming } from './naming.js';

export interface GeneratedIds {
  ids: string[];
  patterns: RegExp[];
}

export function serverlessGeneratedIds(ctx: CompileContext, template: TMap): GeneratedIds {
  const resources = get(template, 'Resources');
  const has = (id: string) => get(resources, id) !== undefined;
  const ids: string[] = [];
  const patterns: RegExp[] = [];
  if (versionsFunctions(ctx)) {
    for (const fn of ctx.functions) patterns.push(new RegExp(`^${fn.logicalId.replace(/LambdaFunction$/, '')}LambdaVersion[0-9A-Za-z]+$`));
  }
  if (has(naming.restApi)) patterns.push(/^ApiGatewayDeployment[0-9A-Za-z]+$/);
  if (has(naming.websocketsApi)) {
    ids.push('WebsocketsDeploymentStage');
    patterns.push(/^WebsocketsDeployment[0-9A-Za-z]+$/);
  }
  return { ids, patterns };
}

/** `provider.versionFunctions` is true unless set to false. */
function versionsFunctions(ctx: CompileContext): boolean {
  const setting = ctx.providerAt('versionFunctions');
  return setting === undefined || truthy(setting);
}
