/**
 * API Gateway HTTP and WebSocket APIs (v2) declared resource by resource.
 */
import type { Api, RequestValidation, RouteAuth, RouteAuthType, RouteIntegration } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { get } from '../../parse/tree.js';
import { resolveIntegration } from '../openapi/integration.js';
import { apiTriggerKind } from '../../model/trigger-kind.js';
import { asBoolean, isValueMap, referencedResource, type Value, type ValueMap } from '../../model/value.js';
import { elementBase, prop, props, type LoadContext } from './load-context.js';
import { stageSettings } from './stage-settings.js';
import { apiOfChild } from './api-of-child.js';
import type { TemplateResource } from './template.js';

export function loadApiV2(ctx: LoadContext, r: TemplateResource): Api {
  return {
    ...elementBase(ctx, r),
    protocol: prop(ctx, r, 'ProtocolType').value === 'WEBSOCKET' ? 'websocket' : 'http',
    implicit: false,
    authorizers: [],
    apiKeyRequiredByDefault: false,
    stages: [],
    cors: prop(ctx, r, 'CorsConfiguration').value,
    disableExecuteApiEndpoint: asBoolean(prop(ctx, r, 'DisableExecuteApiEndpoint').value) === true,
  };
}

/**
 * Quick create: `Target` on an HTTP API makes a `$default` route with no authorization, its
 * integration, and a `$default` stage that deploys automatically, none of them declared. An
 * `AWS::ApiGatewayV2::ApiGatewayManagedOverrides` of the API sets their properties (its `Route`
 * the route's authorization, its `Stage` the stage's logs and limits).
 */
export function linkApiV2QuickCreate(ctx: LoadContext, r: TemplateResource): void {
  const target = prop(ctx, r, 'Target');
  if (target.value === undefined) return;
  const apiId = ctx.template.resourceId(r.logicalId);
  const api = ctx.builder.api(apiId);
  const overrides = managedOverridesOf(ctx, r.logicalId);
  const stage = overrides ? get(props(overrides), 'Stage') : undefined;
  api?.stages.push({ name: '$default', quickCreate: true, ...stageSettings(ctx.ev, { node: stage, protocol: api.protocol, loc: stage?.loc ?? target.loc }) });
  const fn = ctx.builder.functionOf(target.value);
  if (!fn) return;
  const id = `${apiId}#default-route`;
  ctx.builder.addRoute({ ...elementBase(ctx, r), id, apiId, method: 'ANY', path: '$default', functionId: fn.id, auth: quickCreateAuth(ctx, overrides, target.loc) });
  ctx.builder.addTrigger({ id, kind: apiTriggerKind(api?.protocol ?? 'http'), functionId: fn.id, routeId: id, sourceId: apiId, asynchronous: false, details: {}, loc: target.loc });
}

/** The `AWS::ApiGatewayV2::ApiGatewayManagedOverrides` of the API, when the template has one. */
function managedOverridesOf(ctx: LoadContext, apiLogicalId: string): TemplateResource | undefined {
  for (const o of ctx.template.resources.values()) {
    if (o.type === 'AWS::ApiGatewayV2::ApiGatewayManagedOverrides' && referencedResource(prop(ctx, o, 'ApiId').value)?.logicalId === apiLogicalId) return o;
  }
  return undefined;
}

/** The quick-create route's authorization: none, unless the overrides' `Route` sets it. */
function quickCreateAuth(ctx: LoadContext, overrides: TemplateResource | undefined, fallback: SourceLocation): RouteAuth {
  const authType = overrides ? prop(ctx, overrides, 'Route', 'AuthorizationType') : undefined;
  if (!overrides || authType?.node === undefined) return { type: 'none', apiKeyRequired: false, loc: fallback };
  const authorizer = referencedResource(prop(ctx, overrides, 'Route', 'AuthorizerId').value)?.logicalId;
  return { type: v2AuthType(authType.value), ...(authorizer ? { authorizer } : {}), apiKeyRequired: false, loc: authType.loc };
}

export function linkApiV2Authorizer(ctx: LoadContext, r: TemplateResource): void {
  const api = apiOfChild(ctx, r, 'ApiId', 'http');
  if (!api) return;
  const type = prop(ctx, r, 'AuthorizerType').value === 'JWT' ? 'jwt' : 'lambda';
  const fn = ctx.builder.functionOf(prop(ctx, r, 'AuthorizerUri').value);
  api.authorizers.push({ name: r.logicalId, type, ...(fn ? { functionId: fn.id } : {}), ...(type === 'lambda' ? { payload: 'request' as const } : {}), loc: r.loc });
}

export function linkApiV2Stage(ctx: LoadContext, r: TemplateResource): void {
  const api = apiOfChild(ctx, r, 'ApiId', 'http');
  if (!api) return;
  api.stages.push({
    name: prop(ctx, r, 'StageName').value ?? r.logicalId,
    resourceLogicalId: r.logicalId,
    ...stageSettings(ctx.ev, { node: props(r), protocol: api.protocol, loc: r.loc }),
  });
}

export function linkApiV2Route(ctx: LoadContext, r: TemplateResource): void {
  const api = apiOfChild(ctx, r, 'ApiId', 'http');
  if (!api) return;
  const target = integrationResource(ctx, prop(ctx, r, 'Target').value);
  const fn = target ? ctx.builder.functionOf(prop(ctx, target, 'IntegrationUri').value) : undefined;
  const routeKey = String(prop(ctx, r, 'RouteKey').value ?? '$default');
  // Only WebSocket APIs have `$connect`, `$disconnect` and custom `$` keys.
  if (api.definedElsewhere && routeKey.startsWith('$') && routeKey !== '$default') api.protocol = 'websocket';
  const [method, path] = routeKey.includes(' ') ? (routeKey.split(' ', 2) as [string, string]) : [api.protocol === 'websocket' ? routeKey : 'ANY', routeKey];
  const authType = prop(ctx, r, 'AuthorizationType');
  const authorizer = referencedResource(prop(ctx, r, 'AuthorizerId').value)?.logicalId;
  const id = ctx.template.resourceId(r.logicalId);
  ctx.builder.addRoute({
    ...elementBase(ctx, r),
    apiId: api.id,
    method: method.toUpperCase() === method ? method : method.toUpperCase(),
    path,
    ...(fn ? { functionId: fn.id } : {}),
    ...(target ? { integration: v2Integration(ctx, target) } : {}),
    auth: { type: v2AuthType(authType.value), ...(authorizer ? { authorizer } : {}), apiKeyRequired: asBoolean(prop(ctx, r, 'ApiKeyRequired').value) === true, loc: authType.node ? authType.loc : r.loc },
    ...(api.protocol === 'websocket' ? webSocketValidation(ctx, r) : {}),
  });
  if (fn) ctx.builder.addTrigger({ id, kind: apiTriggerKind(api.protocol), functionId: fn.id, routeId: id, sourceId: api.id, asynchronous: false, details: {}, loc: r.loc });
}

/**
 * A WebSocket route with request models and a model selection expression: API Gateway checks each
 * message's body against the model the expression selects and rejects what does not match. A
 * message carries no query string or headers to require, so nothing is left unvalidated there.
 */
function webSocketValidation(ctx: LoadContext, r: TemplateResource): { requestValidation?: RequestValidation } {
  const models = prop(ctx, r, 'RequestModels');
  const selected = models.value;
  if (prop(ctx, r, 'ModelSelectionExpression').value === undefined || !isValueMap(selected) || Object.keys(selected).length === 0) return {};
  return { requestValidation: { body: true, parameters: true, requiredParameters: [], loc: models.node ? models.loc : r.loc } };
}

/** `integrations/<IntegrationId>` → the AWS::ApiGatewayV2::Integration it names. */
function integrationResource(ctx: LoadContext, target: Value | undefined): TemplateResource | undefined {
  const ref = referencedResource(target);
  const integration = ref ? ctx.template.resources.get(ref.logicalId) : undefined;
  return integration?.type === 'AWS::ApiGatewayV2::Integration' ? integration : undefined;
}

/** The integration read as an OpenAPI integration is (the same fields, capitalised). */
function v2Integration(ctx: LoadContext, r: TemplateResource): RouteIntegration {
  const p = ctx.builder.resource(ctx.template.resourceId(r.logicalId))?.properties ?? {};
  const fields: ValueMap = { type: p['IntegrationType'], uri: p['IntegrationUri'], connectionType: p['ConnectionType'], integrationSubtype: p['IntegrationSubtype'], requestParameters: p['RequestParameters'], requestTemplates: p['RequestTemplates'] };
  return resolveIntegration(ctx, fields, r.loc).integration;
}

function v2AuthType(v: Value | undefined): RouteAuthType {
  switch (v) {
    case undefined:
    case 'NONE':
      return 'none';
    case 'AWS_IAM':
      return 'iam';
    case 'JWT':
      return 'jwt';
    case 'CUSTOM':
      return 'lambda';
    default:
      return 'unknown';
  }
}
