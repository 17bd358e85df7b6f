/**
 * `websocket` events into an API Gateway v2 WebSocket API (`WebsocketsApi`), with one route per
 * route key. Only `$connect` can carry an authorizer (a Lambda REQUEST authorizer).
 */
import type { TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';
import { naming } from '../naming.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { build, getAtt, join, ref, text, type Shape } from './nodes.js';

export function compileWebsocketEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode): void {
  ensureWebsocketsApi(ctx, event);
  const routeKey = text(event) ?? text(get(event, 'route')) ?? '$default';
  const integration = naming.websocketsIntegration(fn.name);
  const uri = join(['arn:', ref('AWS::Partition'), ':apigateway:', ref('AWS::Region'), ':lambda:path/2015-03-31/functions/', getAtt(fn.logicalId, 'Arn'), '/invocations']);
  if (!ctx.has(integration)) {
    ctx.add(integration, 'AWS::ApiGatewayV2::Integration', { ApiId: ref(naming.websocketsApi), IntegrationType: 'AWS_PROXY', IntegrationUri: uri }, fn.loc);
    ctx.add(naming.websocketsPermission(fn.name), 'AWS::Lambda::Permission', { FunctionName: getAtt(fn.logicalId, 'Arn'), Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com', SourceArn: join(['arn:', ref('AWS::Partition'), ':execute-api:', ref('AWS::Region'), ':', ref('AWS::AccountId'), ':', ref(naming.websocketsApi), '/*']) }, event.loc);
  }
  const authorizer = get(event, 'authorizer');
  const authorizerId = authorizer ? websocketAuthorizer(ctx, authorizer) : undefined;
  ctx.add(naming.websocketsRoute(routeKey), 'AWS::ApiGatewayV2::Route', {
    ApiId: ref(naming.websocketsApi),
    RouteKey: routeKey,
    AuthorizationType: build(authorizerId ? 'CUSTOM' : 'NONE', authorizer?.loc ?? event.loc),
    AuthorizerId: authorizerId,
    Target: join(['integrations/', ref(integration)]),
  }, event.loc);
}

function ensureWebsocketsApi(ctx: CompileContext, event: TNode): void {
  if (ctx.has(naming.websocketsApi)) return;
  const config = ctx.providerAt('websocketsApiRouteSelectionExpression');
  ctx.add(naming.websocketsApi, 'AWS::ApiGatewayV2::Api', {
    Name: ctx.providerAt('websocketsApiName') ?? `${ctx.stage}-${ctx.service}-websockets`,
    ProtocolType: 'WEBSOCKET',
    RouteSelectionExpression: config ?? '$request.body.action',
  }, event.loc);
}

function websocketAuthorizer(ctx: CompileContext, node: TNode): Shape {
  const name = text(node) ?? text(get(node, 'name')) ?? text(get(node, 'arn'))?.split(':').pop() ?? 'Authorizer';
  const local = ctx.fn(name);
  const target: Shape = local ? getAtt(local.logicalId, 'Arn') : (get(node, 'arn') ?? null);
  const id = naming.websocketsAuthorizer(name);
  if (!ctx.has(id)) {
    ctx.add(id, 'AWS::ApiGatewayV2::Authorizer', {
      ApiId: ref(naming.websocketsApi),
      Name: name,
      AuthorizerType: 'REQUEST',
      AuthorizerUri: join(['arn:', ref('AWS::Partition'), ':apigateway:', ref('AWS::Region'), ':lambda:path/2015-03-31/functions/', target, '/invocations']),
      IdentitySource: get(node, 'identitySource') ?? ['route.request.header.Auth'],
    }, node.loc);
  }
  return ref(id);
}
