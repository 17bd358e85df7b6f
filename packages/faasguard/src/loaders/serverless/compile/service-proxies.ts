/**
 * The routes of the `serverless-apigateway-service-proxy` plugin (`custom.apiGatewayServiceProxies`):
 * methods of the service's REST API that hand requests straight to Kinesis, SQS, S3, SNS, DynamoDB
 * or EventBridge, with the logical ids and integrations the plugin gives them. The plugin compiles
 * them with the functions' events, so `resources` merges over them as over the framework's own: a
 * method of the same logical id written there changes the plugin's, property by property.
 *
 * The plugin's defaults: no authorization (`authorizationType: NONE`), no API key unless `private:
 * true`, request templates that put the request's body in the message, record, item or event.
 * The plugin makes the API and a Deployment; the framework then applies `provider.logs.restApi` and
 * `provider.tracing.apiGateway` to that stage after deployment, so the stage is read as the
 * framework's own, but for the access logs' group, which no template makes (see `ensureRestApi`).
 */
import type { SourceLocation } from '../../../model/location.js';
import type { TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';
import { naming, normalizePath } from '../naming.js';
import { resourcePlugins } from '../resource-plugins.js';
import type { CompileContext } from './context.js';
import { corsPreflight, ensureResources } from './http-events.js';
import { build, entries, getAtt, join, ref, text, truthy, type Shape } from './nodes.js';
import { ensureRestApi } from './rest-api.js';

const PLUGIN = 'serverless-apigateway-service-proxy';

/** What a proxy's integration sends to its service. */
interface ServiceIntegration {
  integrationHttpMethod: string;
  uri: Shape;
  passthroughBehavior?: string;
  requestParameters?: Shape;
  requestTemplates?: Shape;
}

export function compileServiceProxies(ctx: CompileContext): void {
  if (!resourcePlugins(ctx.config).includes(PLUGIN)) return;
  const list = get(get(ctx.config, 'custom'), 'apiGatewayServiceProxies');
  if (list === undefined) return;
  if (list.kind !== 'seq') {
    ctx.diagnostics.warning('malformed-serverless', `custom.apiGatewayServiceProxies must be a list (the ${PLUGIN} plugin rejects it): its routes are not in the model`, list.loc);
    return;
  }
  for (const item of list.items) {
    const [entry] = entries(item);
    if (entry) compileProxy(ctx, entry.key, entry.value, entry.keyLoc);
    else ctx.diagnostics.warning('malformed-serverless', 'a service proxy must be a mapping of one service name to its settings: this route is not in the model', item.loc);
  }
}

function compileProxy(ctx: CompileContext, service: string, proxy: TNode, loc: SourceLocation): void {
  const integration = serviceIntegration(service, proxy);
  const path = text(get(proxy, 'path'));
  const method = text(get(proxy, 'method'))?.toUpperCase();
  if (!integration) {
    ctx.diagnostics.warning('malformed-serverless', `${service} is not a service the ${PLUGIN} plugin proxies (kinesis, sqs, s3, sns, dynamodb, eventbridge): this route is not in the model`, loc);
    return;
  }
  if (path === undefined || method === undefined) {
    ctx.diagnostics.warning('malformed-serverless', `the ${service} proxy needs a path and a method (the ${PLUGIN} plugin rejects it): this route is not in the model`, loc);
    return;
  }
  const resourcePath = path.replace(/^\/+|\/+$/g, '');
  ensureRestApi(ctx, true);
  const resourceId = ensureResources(ctx, resourcePath, proxy.loc);
  const custom = get(get(proxy, 'request'), 'template');
  ctx.add(naming.restMethod(normalizePath(resourcePath), method), 'AWS::ApiGateway::Method', {
    HttpMethod: method,
    RequestParameters: get(proxy, 'acceptParameters') ?? {},
    AuthorizationType: get(proxy, 'authorizationType') ?? build('NONE', proxy.loc),
    AuthorizerId: get(proxy, 'authorizerId'),
    AuthorizationScopes: get(proxy, 'authorizationScopes'),
    ApiKeyRequired: build(truthy(get(proxy, 'private')), get(proxy, 'private')?.loc ?? proxy.loc),
    ResourceId: resourceId,
    RestApiId: ref(naming.restApi),
    Integration: {
      Type: 'AWS',
      IntegrationHttpMethod: integration.integrationHttpMethod,
      Credentials: get(proxy, 'roleArn') ?? getAtt(`ApigatewayTo${ROLE_SERVICE[service]}Role`, 'Arn'),
      Uri: integration.uri,
      PassthroughBehavior: text(get(get(proxy, 'request'), 'passThrough')) ?? integration.passthroughBehavior,
      RequestParameters: integration.requestParameters,
      RequestTemplates: withCustomTemplates(integration.requestTemplates, custom),
    },
  }, proxy.loc);
  if (get(proxy, 'cors') !== undefined && truthy(get(proxy, 'cors')) !== false) corsPreflight(ctx, resourcePath, resourceId, proxy.loc);
}

/** The plugin's role for each service (`ApigatewayToSqsRole` …), which the integration assumes unless `roleArn` names another. */
const ROLE_SERVICE: Readonly<Record<string, string>> = { kinesis: 'Kinesis', sqs: 'Sqs', s3: 'S3', sns: 'Sns', dynamodb: 'Dynamodb', eventbridge: 'EventBridge' };

/** `request.template` adds content types to the plugin's templates, or replaces them. */
function withCustomTemplates(defaults: Shape, custom: TNode | undefined): Shape {
  if (custom?.kind !== 'map') return defaults;
  const base = defaults && typeof defaults === 'object' && !Array.isArray(defaults) ? (defaults as { [key: string]: Shape }) : {};
  return { ...base, ...Object.fromEntries(custom.entries.map((e) => [e.key, e.value])) };
}

/**
 * `Fn::Sub`, as the plugin writes its URIs and templates: the shape matters, since `resources` merges
 * over it key by key (a user's `!Sub` URI replaces the plugin's string; any other form would sit beside it).
 */
const sub = (template: string, vars: { [key: string]: Shape } = {}): Shape => ({ 'Fn::Sub': Object.keys(vars).length > 0 ? [template, vars] : template });
const apiGatewayArn = (rest: string): string => `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:${rest}`;
const value = (proxy: TNode, key: string): Shape => get(proxy, key) ?? null;

function serviceIntegration(service: string, proxy: TNode): ServiceIntegration | undefined {
  switch (service) {
    case 'kinesis':
      return kinesis(proxy);
    case 'sqs':
      return sqs(proxy);
    case 's3':
      return s3(proxy);
    case 'sns':
      return sns(proxy);
    case 'dynamodb':
      return dynamodb(proxy);
    case 'eventbridge':
      return eventbridge(proxy);
    default:
      return undefined;
  }
}

/** `PutRecord` (or `action: PutRecords`) of the request's data to `streamName`. */
function kinesis(proxy: TNode): ServiceIntegration {
  const body = sub('{"StreamName": "${StreamName}", "Data": "$util.base64Encode($input.json(\'$.Data\'))", "PartitionKey": "$context.requestId"}', { StreamName: value(proxy, 'streamName') });
  return {
    integrationHttpMethod: 'POST',
    uri: sub(apiGatewayArn('kinesis:action/${action}'), { action: text(get(proxy, 'action')) ?? 'PutRecord' }),
    passthroughBehavior: 'NEVER',
    requestTemplates: { 'application/json': body, 'application/x-www-form-urlencoded': body },
  };
}

/** `SendMessage` of the request's body to `queueName`: by query parameters, or by a form body where the proxy writes its own templates. */
function sqs(proxy: TNode): ServiceIntegration {
  const uri = sub(apiGatewayArn('sqs:path//${AWS::AccountId}/${queueName}'), { queueName: value(proxy, 'queueName') });
  if (get(get(proxy, 'request'), 'template') === undefined) {
    return {
      integrationHttpMethod: 'POST',
      uri,
      requestParameters: { 'integration.request.querystring.Action': "'SendMessage'", 'integration.request.querystring.MessageBody': 'method.request.body' },
      requestTemplates: { 'application/json': '{statusCode:200}' },
    };
  }
  return { integrationHttpMethod: 'POST', uri, passthroughBehavior: 'NEVER', requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" }, requestTemplates: { 'application/json': 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' } };
}

/** `GetObject`, `PutObject` or `DeleteObject` on an object of `bucket`, its key from the path, the query or the proxy. */
function s3(proxy: TNode): ServiceIntegration {
  const method: Record<string, string> = { GetObject: 'GET', PutObject: 'PUT', DeleteObject: 'DELETE' };
  return {
    integrationHttpMethod: method[text(get(proxy, 'action')) ?? ''] ?? 'GET',
    uri: sub('arn:aws:apigateway:${AWS::Region}:s3:path/{bucket}/{object}'),
    passthroughBehavior: 'WHEN_NO_MATCH',
    requestParameters: { 'integration.request.path.bucket': sub("'${bucket}'", { bucket: value(proxy, 'bucket') }) },
  };
}

/** `Publish` of the request's body to `topicName`. */
function sns(proxy: TNode): ServiceIntegration {
  const topicArn = sub('arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${topicName}', { topicName: value(proxy, 'topicName') });
  const body = join(["Action=Publish&Message=$util.urlEncode($input.body)&TopicArn=$util.urlEncode('", topicArn, "')"]);
  return {
    integrationHttpMethod: 'POST',
    uri: sub(apiGatewayArn('sns:path//')),
    passthroughBehavior: 'NEVER',
    requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
    requestTemplates: { 'application/json': body, 'application/x-www-form-urlencoded': body },
  };
}

/** `action` (`PutItem`, `GetItem`, `DeleteItem`, `Scan`, `Query`) on `tableName`, keyed by the request. */
function dynamodb(proxy: TNode): ServiceIntegration {
  const body = sub('{"TableName": "${TableName}"}', { TableName: value(proxy, 'tableName') });
  return {
    integrationHttpMethod: 'POST',
    uri: sub(apiGatewayArn('dynamodb:action/${action}'), { action: value(proxy, 'action') }),
    passthroughBehavior: 'NEVER',
    requestTemplates: { 'application/json': body, 'application/x-www-form-urlencoded': body },
  };
}

/** `PutEvents` of the request's body to `eventBusName`. */
function eventbridge(proxy: TNode): ServiceIntegration {
  const body = sub('{"Entries": [{"EventBusName": "${EventBusName}", "Detail": "$util.escapeJavaScript($input.body)"}]}', { EventBusName: value(proxy, 'eventBusName') });
  return { integrationHttpMethod: 'POST', uri: sub(apiGatewayArn('events:action/PutEvents')), passthroughBehavior: 'NEVER', requestTemplates: { 'application/json': body, 'application/x-www-form-urlencoded': body } };
}
