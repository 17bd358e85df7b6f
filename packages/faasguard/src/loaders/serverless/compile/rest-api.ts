/**
 * The service's REST API (`ApiGatewayRestApi`) and what hangs off it at the API level: stage,
 * access logs, resource policy, API keys and usage plan. Created once, when the first `http`
 * event needs it.
 */
import { get, type TNode } from '../../../parse/tree.js';
import { naming } from '../naming.js';
import type { CompileContext } from './context.js';
import { first, getAtt, join, ref, text, truthy, type Shape } from './nodes.js';
import { statementItems } from './role-parts.js';

/**
 * `byPlugin`: the API is made for a plugin's routes (serverless-apigateway-service-proxy), with no
 * `http` event: the framework then sets the stage's logs after deployment, to a log group that no
 * template makes.
 */
export function ensureRestApi(ctx: CompileContext, byPlugin = false): void {
  if (ctx.has(naming.restApi)) return;
  const apiGateway = ctx.providerAt('apiGateway');
  const loc = apiGateway?.loc ?? ctx.provider?.loc ?? ctx.config.loc;
  const policy = get(apiGateway, 'resourcePolicy');
  ctx.add(naming.restApi, 'AWS::ApiGateway::RestApi', {
    Name: first(ctx.providerAt('apiName'), ctx.providerAt('apiGateway', 'restApiName')) ?? `${ctx.stage}-${ctx.service}`,
    EndpointConfiguration: { Types: [first(ctx.providerAt('endpointType')) ?? 'EDGE'] },
    Policy: policy ? { Version: '2012-10-17', Statement: policy } : undefined,
    DisableExecuteApiEndpoint: get(apiGateway, 'disableDefaultEndpoint'),
  }, loc);
  stage(ctx, byPlugin);
  apiKeys(ctx);
}

/** The stage the deployment creates, with access logs and tracing when the provider asks. */
function stage(ctx: CompileContext, byPlugin: boolean): void {
  const logs = ctx.providerAt('logs', 'restApi');
  const loc = logs?.loc ?? ctx.provider?.loc ?? ctx.config.loc;
  const logging = logs !== undefined && (truthy(logs) || (logs.kind === 'map' && text(get(logs, 'accessLogging')) !== 'false'));
  const logGroupName = `/aws/api-gateway/${ctx.service}-${ctx.stage}`;
  if (logging && !byPlugin) {
    ctx.add(naming.restLogGroup, 'AWS::Logs::LogGroup', { LogGroupName: logGroupName, RetentionInDays: ctx.providerAt('logRetentionInDays') }, loc);
  }
  const destination = byPlugin ? join(['arn:', ref('AWS::Partition'), ':logs:', ref('AWS::Region'), ':', ref('AWS::AccountId'), `:log-group:${logGroupName}`]) : getAtt(naming.restLogGroup, 'Arn');
  ctx.add(naming.restStage, 'AWS::ApiGateway::Stage', {
    RestApiId: ref(naming.restApi),
    StageName: ctx.stage,
    AccessLogSetting: logging ? { DestinationArn: destination, Format: get(logs, 'format') } : undefined,
    TracingEnabled: ctx.providerAt('tracing', 'apiGateway'),
    MethodSettings: executionLogging(logs),
  }, loc);
}

/**
 * `provider.logs.restApi` also turns on execution logging unless `executionLogging: false`, at
 * `level` (INFO by default) and with `fullExecutionData` (on by default: full requests and responses).
 */
function executionLogging(logs: TNode | undefined): Shape {
  if (logs === undefined || !(truthy(logs) || logs.kind === 'map') || text(get(logs, 'executionLogging')) === 'false') return undefined;
  return [{ HttpMethod: '*', ResourcePath: '/*', LoggingLevel: get(logs, 'level') ?? 'INFO', DataTraceEnabled: get(logs, 'fullExecutionData') ?? true }];
}

/** `provider.apiGateway.apiKeys` with one usage plan (and its throttle and quota). */
function apiKeys(ctx: CompileContext): void {
  const keys = statementItems(ctx.providerAt('apiGateway', 'apiKeys'));
  const plan = ctx.providerAt('apiGateway', 'usagePlan');
  if (keys.length === 0 && plan === undefined) return;
  const planConfig = plan?.kind === 'seq' ? plan.items[0] : plan;
  ctx.add(naming.usagePlan, 'AWS::ApiGateway::UsagePlan', {
    ApiStages: [{ ApiId: ref(naming.restApi), Stage: ctx.stage }],
    Throttle: throttle(get(planConfig, 'throttle')),
    Quota: get(planConfig, 'quota'),
  }, (plan ?? keys[0])!.loc);
  keys.forEach((key, i) => {
    const n = i + 1;
    const name = text(key) ?? get(key, 'name');
    ctx.add(naming.apiKey(n), 'AWS::ApiGateway::ApiKey', { Enabled: true, Name: name, Value: get(key, 'value'), StageKeys: [{ RestApiId: ref(naming.restApi), StageName: ctx.stage }] }, key.loc);
    ctx.add(naming.usagePlanKey(n), 'AWS::ApiGateway::UsagePlanKey', { KeyId: ref(naming.apiKey(n)), KeyType: 'API_KEY', UsagePlanId: ref(naming.usagePlan) }, key.loc);
  });
}

function throttle(node: ReturnType<typeof get>): Shape {
  if (node?.kind !== 'map') return undefined;
  return { BurstLimit: get(node, 'burstLimit'), RateLimit: get(node, 'rateLimit') };
}
