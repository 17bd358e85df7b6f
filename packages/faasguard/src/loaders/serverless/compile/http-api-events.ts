/**
 * `httpApi` events into API Gateway v2 routes and integrations. `'*'` is the `$default` route; an
 * event's `authorizer` names one of `provider.httpApi.authorizers`, or is `{ type: aws_iam }`, or
 * `{ id: … }` for an authorizer outside the service.
 */
import type { SourceLocation } from '../../../model/location.js';
import type { TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';
import { naming } from '../naming.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { build, getAtt, join, ref, text, type Shape } from './nodes.js';
import { ensureHttpApi } from './http-api.js';

export function compileHttpApiEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode): void {
  ensureHttpApi(ctx);
  const routeKey = httpApiRouteKey(event);
  const integration = naming.httpApiIntegration(fn.name);
  if (!ctx.has(integration)) {
    ctx.add(integration, 'AWS::ApiGatewayV2::Integration', { ApiId: ref(naming.httpApi), IntegrationType: 'AWS_PROXY', IntegrationUri: getAtt(fn.logicalId, 'Arn'), PayloadFormatVersion: '2.0' }, fn.loc);
    ctx.add(naming.httpApiPermission(fn.name), 'AWS::Lambda::Permission', {
      FunctionName: getAtt(fn.logicalId, 'Arn'),
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: join(['arn:', ref('AWS::Partition'), ':execute-api:', ref('AWS::Region'), ':', ref('AWS::AccountId'), ':', ref(naming.httpApi), '/*']),
    }, event.loc);
  }
  const auth = routeAuth(ctx, get(event, 'authorizer'), event.loc);
  ctx.add(naming.httpApiRoute(routeKey === '$default' ? '*' : routeKey), 'AWS::ApiGatewayV2::Route', {
    ApiId: ref(naming.httpApi),
    RouteKey: routeKey,
    Target: join(['integrations/', ref(integration)]),
    AuthorizationType: build(auth.type, auth.loc),
    AuthorizerId: auth.authorizerId,
    AuthorizationScopes: get(get(event, 'authorizer'), 'scopes'),
  }, event.loc);
}

/** `'GET /users'`, `'*'`, or `{ method, path }` into a route key. */
function httpApiRouteKey(event: TNode): string {
  const short = text(event);
  const raw = short ?? `${text(get(event, 'method')) ?? '*'} ${text(get(event, 'path')) ?? '*'}`;
  if (raw.trim() === '*' || raw.trim() === '* *') return '$default';
  const [method, ...rest] = raw.trim().split(/\s+/);
  return `${method === '*' ? 'ANY' : method!.toUpperCase()} ${rest.join(' ') || '/'}`;
}

function routeAuth(ctx: CompileContext, node: TNode | undefined, eventLoc: SourceLocation): { type: string; authorizerId?: Shape; loc: SourceLocation } {
  if (node === undefined) return { type: 'NONE', loc: eventLoc };
  if ((text(get(node, 'type')) ?? '').toLowerCase() === 'aws_iam') return { type: 'AWS_IAM', loc: node.loc };
  const external = get(node, 'id');
  if (external !== undefined) return { type: (text(get(node, 'type')) ?? '').toLowerCase() === 'request' ? 'CUSTOM' : 'JWT', authorizerId: external, loc: node.loc };
  const name = text(get(node, 'name')) ?? text(node) ?? '';
  const config = get(ctx.providerAt('httpApi', 'authorizers'), name);
  if (config === undefined) {
    ctx.diagnostics.warning('broken-reference', `httpApi authorizer ${name} is not declared under provider.httpApi.authorizers`, node.loc);
    return { type: 'JWT', loc: node.loc };
  }
  const request = (text(get(config, 'type')) ?? '').toLowerCase() === 'request';
  return { type: request ? 'CUSTOM' : 'JWT', authorizerId: ref(naming.httpApiAuthorizer(name)), loc: node.loc };
}
