/**
 * AppSync GraphQL APIs as entry points: a Lambda data source (`AWS::AppSync::DataSource` of type
 * `AWS_LAMBDA`, SAM's `DataSources.Lambda`) lets the API invoke the function for every resolver
 * that uses it. Who can send the request follows the API's authorization, which the analysis reads
 * from the model (`model/facts/graphql-api-facts.ts`, `analysis/exposure.ts`).
 */
import type { GraphqlOperation } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { asString, isComposite, referencedResource, type Value } from '../../model/value.js';
import { get } from '../../parse/tree.js';
import { requestOperations } from './appsync-request-operations.js';
import { isRemote } from './local-file.js';
import { referenceRefusalDiagnostic } from '../../files/read-regular-file.js';
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

/**
 * SAM's `AWS::Serverless::GraphQLApi`: `DataSources: { Lambda: { Name: { FunctionArn } } }` as
 * triggers, and what its pipeline functions (`Functions`) ask of their data sources.
 */
export function linkSamGraphqlApi(ctx: LoadContext, r: TemplateResource): void {
  const id = ctx.template.resourceId(r.logicalId);
  addSamFunctionOperations(ctx, r, id);
  const lambdas = get(get(props(r), 'DataSources'), 'Lambda');
  if (lambdas?.kind !== 'map') return;
  for (const entry of lambdas.entries) {
    const fn = ctx.builder.functionOf(ctx.ev.value(get(entry.value, 'FunctionArn')));
    if (!fn) continue;
    ctx.builder.addTrigger({ id: `${id}#${entry.key}`, kind: 'appsync-resolver', functionId: fn.id, sourceId: id, asynchronous: false, details: { dataSource: entry.key }, loc: entry.keyLoc });
  }
}

/**
 * What a resolver of a field (`AWS::AppSync::Resolver`, a unit resolver: a pipeline resolver's own
 * code reaches no data source) or a pipeline function (`AWS::AppSync::FunctionConfiguration`)
 * sends to its data source (`Resource.graphqlOperations`).
 */
export function linkAppSyncResolver(ctx: LoadContext, r: TemplateResource): void {
  const resolver = r.type === 'AWS::AppSync::Resolver';
  if (resolver && asString(prop(ctx, r, 'Kind').value)?.toUpperCase() === 'PIPELINE') return;
  const dataSource = prop(ctx, r, 'DataSourceName').value;
  const code = requestCode(ctx, r);
  const resource = ctx.builder.resource(ctx.template.resourceId(r.logicalId));
  if (dataSource === undefined || code === undefined || !resource) return;
  const field = [asString(prop(ctx, r, 'TypeName').value), asString(prop(ctx, r, 'FieldName').value)];
  const name = resolver ? (field[0] && field[1] ? `${field[0]}.${field[1]}` : r.logicalId) : (asString(prop(ctx, r, 'Name').value) ?? r.logicalId);
  const api = referencedResource(prop(ctx, r, 'ApiId').value)?.target;
  addOperation(resource, { kind: resolver ? 'resolver' : 'function', name, ...(api ? { apiId: api } : {}), dataSource, loc: r.loc }, code);
}

/** The request code, inline or in a local file the template names (which packaging uploads). */
function requestCode(ctx: LoadContext, r: TemplateResource): string | undefined {
  for (const key of ['Code', 'RequestMappingTemplate']) {
    const text = textOf(prop(ctx, r, key).value);
    if (text !== undefined) return text;
  }
  for (const key of ['CodeS3Location', 'RequestMappingTemplateS3Location']) {
    const named = prop(ctx, r, key);
    const text = localText(ctx, named.value, key, named.loc);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** SAM's `Functions: { Name: { DataSource, CodeUri | InlineCode } }`. */
function addSamFunctionOperations(ctx: LoadContext, r: TemplateResource, apiId: string): void {
  const functions = get(props(r), 'Functions');
  const resource = ctx.builder.resource(apiId);
  if (functions?.kind !== 'map' || !resource) return;
  for (const entry of functions.entries) {
    const dataSource = ctx.ev.value(get(entry.value, 'DataSource'));
    const codeUri = get(entry.value, 'CodeUri');
    const code = textOf(ctx.ev.value(get(entry.value, 'InlineCode'))) ?? localText(ctx, ctx.ev.value(codeUri), 'CodeUri', codeUri?.loc ?? entry.keyLoc);
    if (dataSource === undefined || code === undefined) continue;
    addOperation(resource, { kind: 'function', name: entry.key, apiId, dataSource, loc: entry.keyLoc }, code);
  }
}

function addOperation(resource: { graphqlOperations?: GraphqlOperation[] }, op: Omit<GraphqlOperation, 'operations' | 'createsOnly'>, code: string): void {
  const { operations, createsOnly } = requestOperations(code);
  if (operations.length > 0) (resource.graphqlOperations ??= []).push({ ...op, operations, createsOnly });
}

/** Code written in the template: a string, or the text parts of one built with `Fn::Sub` or `Fn::Join`. */
function textOf(v: Value | undefined): string | undefined {
  if (typeof v === 'string') return v;
  return isComposite(v) ? v.parts.filter((p): p is string => typeof p === 'string').join('') : undefined;
}

/**
 * A local file's text; one that cannot be read is reported at the property that names it (`what`),
 * and its operations stay unknown.
 */
function localText(ctx: LoadContext, location: Value | undefined, what: string, at: SourceLocation): string | undefined {
  if (typeof location !== 'string' || isRemote(location) || !ctx.reader) return undefined;
  const read = ctx.reader.textOrWhyNot(at.file, location);
  if ('text' in read) return read.text;
  const d = ctx.template.diagnostics;
  const unknown = 'the DynamoDB operations of its request are unknown';
  if (read.notRead === 'outside') d.error('path-outside-project', `${what} ${location} points outside the scanned directory: not read`, at);
  else if (read.notRead === 'missing') d.warning('file-not-found', `${what} ${location}: no such file in the scanned directory; ${unknown}`, at);
  else if (read.notRead === 'excluded') d.note('file-excluded', `${what} ${location} is excluded from the scan: not read; ${unknown}`, at);
  else if (read.notRead === 'refused') {
    const refused = referenceRefusalDiagnostic(read.refusal, at, `${what} ${location}`);
    d[refused.severity](refused.code, refused.message, at);
  }
  return undefined;
}
