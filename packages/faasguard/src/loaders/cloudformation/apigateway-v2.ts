/**
 * API Gateway HTTP and WebSocket APIs (v2) declared resource by resource.
 */
import type { Api, RouteAuthType } from '../../model/app-model.js';
import { apiTriggerKind } from '../../model/trigger-kind.js';
import { asBoolean, referencedResource, type Value } from '../../model/value.js';
import { elementBase, prop, type LoadContext } from './load-context.js';
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

/** Quick create: `Target` on the API makes a `$default` route with no authorization. */
export function linkApiV2QuickCreate(ctx: LoadContext, r: TemplateResource): void {
  const target = prop(ctx, r, 'Target');
  const fn = ctx.builder.functionOf(target.value);
  if (!fn) return;
  const id = `${ctx.template.resourceId(r.logicalId)}#default-route`;
  const apiId = ctx.template.resourceId(r.logicalId);
  ctx.builder.addRoute({ ...elementBase(ctx, r), id, apiId, method: 'ANY', path: '$default', functionId: fn.id, auth: { type: 'none', apiKeyRequired: false, loc: target.loc } });
  ctx.builder.addTrigger({ id, kind: apiTriggerKind(ctx.builder.api(apiId)?.protocol ?? 'http'), functionId: fn.id, routeId: id, sourceId: apiId, asynchronous: false, details: {}, loc: target.loc });
}

export function linkApiV2Authorizer(ctx: LoadContext, r: TemplateResource): void {
  const api = ctx.builder.api(referencedResource(prop(ctx, r, 'ApiId').value)?.target ?? '');
  if (!api) return;
  const type = prop(ctx, r, 'AuthorizerType').value === 'JWT' ? 'jwt' : 'lambda';
  const fn = ctx.builder.functionOf(prop(ctx, r, 'AuthorizerUri').value);
  api.authorizers.push({ name: r.logicalId, type, ...(fn ? { functionId: fn.id } : {}), loc: r.loc });
}

export function linkApiV2Stage(ctx: LoadContext, r: TemplateResource): void {
  const api = ctx.builder.api(referencedResource(prop(ctx, r, 'ApiId').value)?.target ?? '');
  if (!api) return;
  api.stages.push({
    name: prop(ctx, r, 'StageName').value ?? r.logicalId,
    accessLogDestination: prop(ctx, r, 'AccessLogSettings', 'DestinationArn').value,
    throttling: { burstLimit: prop(ctx, r, 'DefaultRouteSettings', 'ThrottlingBurstLimit').value, rateLimit: prop(ctx, r, 'DefaultRouteSettings', 'ThrottlingRateLimit').value },
    loc: r.loc,
  });
}

export function linkApiV2Route(ctx: LoadContext, r: TemplateResource): void {
  const api = ctx.builder.api(referencedResource(prop(ctx, r, 'ApiId').value)?.target ?? '');
  if (!api) return;
  const fn = integrationFunction(ctx, prop(ctx, r, 'Target').value);
  const routeKey = String(prop(ctx, r, 'RouteKey').value ?? '$default');
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
    auth: { type: v2AuthType(authType.value), ...(authorizer ? { authorizer } : {}), apiKeyRequired: asBoolean(prop(ctx, r, 'ApiKeyRequired').value) === true, loc: authType.node ? authType.loc : r.loc },
  });
  if (fn) ctx.builder.addTrigger({ id, kind: apiTriggerKind(api.protocol), functionId: fn.id, routeId: id, sourceId: api.id, asynchronous: false, details: {}, loc: r.loc });
}

/** `integrations/<IntegrationId>` → the integration's function. */
function integrationFunction(ctx: LoadContext, target: Value | undefined) {
  const ref = referencedResource(target);
  const integration = ref ? ctx.template.resources.get(ref.logicalId) : undefined;
  if (integration?.type !== 'AWS::ApiGatewayV2::Integration') return undefined;
  return ctx.builder.functionOf(prop(ctx, integration, 'IntegrationUri').value);
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
