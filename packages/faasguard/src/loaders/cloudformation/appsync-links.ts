/**
 * AppSync GraphQL APIs as entry points: a Lambda data source (`AWS::AppSync::DataSource` of type
 * `AWS_LAMBDA`, SAM's `DataSources.Lambda`) lets the API invoke the function for every resolver
 * that uses it. Who can send the request follows the API's authorization, which the analysis reads
 * from the model (`model/facts/graphql-api-facts.ts`, `analysis/exposure.ts`).
 */
import { asString, referencedResource } from '../../model/value.js';
import { get } from '../../parse/tree.js';
import { prop, props, type LoadContext } from './load-context.js';
import type { TemplateResource } from './template.js';

export function linkAppSyncDataSource(ctx: LoadContext, r: TemplateResource): void {
  if (asString(prop(ctx, r, 'Type').value)?.toUpperCase() !== 'AWS_LAMBDA') return;
  const target = prop(ctx, r, 'LambdaConfig', 'LambdaFunctionArn');
  const fn = ctx.builder.functionOf(target.value);
  if (!fn) return;
  const api = referencedResource(prop(ctx, r, 'ApiId').value);
  const id = ctx.template.resourceId(r.logicalId);
  ctx.builder.addTrigger({
    id,
    kind: 'appsync-resolver',
    functionId: fn.id,
    ...(api ? { sourceId: api.target } : {}),
    asynchronous: false,
    details: { dataSource: prop(ctx, r, 'Name').value ?? r.logicalId },
    loc: target.loc,
  });
}

/** SAM's `AWS::Serverless::GraphQLApi` with `DataSources: { Lambda: { Name: { FunctionArn } } }`. */
export function linkSamGraphqlApi(ctx: LoadContext, r: TemplateResource): void {
  const lambdas = get(get(props(r), 'DataSources'), 'Lambda');
  if (lambdas?.kind !== 'map') return;
  const id = ctx.template.resourceId(r.logicalId);
  for (const entry of lambdas.entries) {
    const fn = ctx.builder.functionOf(ctx.ev.value(get(entry.value, 'FunctionArn')));
    if (!fn) continue;
    ctx.builder.addTrigger({ id: `${id}#${entry.key}`, kind: 'appsync-resolver', functionId: fn.id, sourceId: id, asynchronous: false, details: { dataSource: entry.key }, loc: entry.keyLoc });
  }
}
