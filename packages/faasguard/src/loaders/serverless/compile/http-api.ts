/**
 * The service's HTTP API (`HttpApi`), its `$default` stage and the authorizers declared under
 * `provider.httpApi.authorizers`, created once when the first `httpApi` event needs them.
 */
import type { TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';
import { naming } from '../naming.js';
import type { CompileContext } from './context.js';
import { entries, first, getAtt, ref, text, truthy, type Shape } from './nodes.js';

export function ensureHttpApi(ctx: CompileContext): void {
  if (ctx.has(naming.httpApi)) return;
  const config = ctx.providerAt('httpApi');
  const loc = config?.loc ?? ctx.provider?.loc ?? ctx.config.loc;
  ctx.add(naming.httpApi, 'AWS::ApiGatewayV2::Api', {
    Name: first(get(config, 'name')) ?? `${ctx.stage}-${ctx.service}`,
    ProtocolType: 'HTTP',
    CorsConfiguration: cors(get(config, 'cors')),
    DisableExecuteApiEndpoint: get(config, 'disableDefaultEndpoint'),
  }, loc);
  const logs = ctx.providerAt('logs', 'httpApi');
  if (logs !== undefined && (truthy(logs) || logs.kind === 'map')) {
    ctx.add(naming.httpApiLogGroup, 'AWS::Logs::LogGroup', { LogGroupName: `/aws/http-api/${ctx.service}-${ctx.stage}`, RetentionInDays: ctx.providerAt('logRetentionInDays') }, logs.loc);
  }
  const logging = ctx.has(naming.httpApiLogGroup);
  ctx.add(naming.httpApiStage, 'AWS::ApiGatewayV2::Stage', {
    ApiId: ref(naming.httpApi),
    StageName: '$default',
    AutoDeploy: true,
    AccessLogSettings: logging ? { DestinationArn: getAtt(naming.httpApiLogGroup, 'Arn'), Format: get(logs, 'format') } : undefined,
    DefaultRouteSettings: { DetailedMetricsEnabled: get(config, 'metrics') ?? false },
  }, loc);
  for (const e of entries(get(config, 'authorizers'))) authorizer(ctx, e.key, e.value);
}

/** `cors: true` allows every origin (and the framework's default headers); a mapping names them. */
function cors(node: TNode | undefined): Shape {
  if (node === undefined) return undefined;
  if (node.kind === 'scalar') {
    return truthy(node) ? { AllowOrigins: [{ kind: 'scalar', value: '*', loc: node.loc }], AllowHeaders: ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amz-User-Agent', 'X-Amzn-Trace-Id'], AllowMethods: ['OPTIONS', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'] } : undefined;
  }
  return {
    AllowOrigins: get(node, 'allowedOrigins') ?? ['*'],
    AllowHeaders: get(node, 'allowedHeaders'),
    AllowMethods: get(node, 'allowedMethods'),
    AllowCredentials: get(node, 'allowCredentials'),
    ExposeHeaders: get(node, 'exposedResponseHeaders'),
    MaxAge: get(node, 'maxAge'),
  };
}

function authorizer(ctx: CompileContext, name: string, node: TNode): void {
  const type = (text(get(node, 'type')) ?? 'jwt').toLowerCase();
  const local = ctx.fn(text(get(node, 'functionName')) ?? '');
  const target: Shape = local ? getAtt(local.logicalId, 'Arn') : get(node, 'functionArn');
  ctx.add(naming.httpApiAuthorizer(name), 'AWS::ApiGatewayV2::Authorizer', {
    ApiId: ref(naming.httpApi),
    Name: name,
    AuthorizerType: type === 'request' ? 'REQUEST' : 'JWT',
    IdentitySource: get(node, 'identitySource') ? [get(node, 'identitySource')] : undefined,
    JwtConfiguration: type === 'request' ? undefined : { Audience: get(node, 'audience'), Issuer: get(node, 'issuerUrl') },
    AuthorizerUri: type === 'request' ? { 'Fn::Join': ['', ['arn:', ref('AWS::Partition'), ':apigateway:', ref('AWS::Region'), ':lambda:path/2015-03-31/functions/', target ?? null, '/invocations']] } : undefined,
    AuthorizerPayloadFormatVersion: type === 'request' ? (get(node, 'payloadVersion') ?? '2.0') : undefined,
  }, node.loc);
}
