/**
 * `http` events into API Gateway REST resources, methods, authorizers and permissions, with the
 * framework's logical ids. A method's authorization comes from the event's `authorizer` (AWS_IAM,
 * a Lambda authorizer of the service or by ARN, a Cognito user pool, an existing authorizer id)
 * and `private: true` (an API key).
 */
import type { SourceLocation } from '../../../model/location.js';
import type { TNode } from '../../../parse/tree.js';
import { get } from '../../../parse/tree.js';
import { naming, normalizePath } from '../naming.js';
import type { CompileContext, ServerlessFunction } from './context.js';
import { build, getAtt, join, ref, text, truthy, type Shape } from './nodes.js';
import { ensureRestApi } from './rest-api.js';

interface MethodAuth {
  type: 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS';
  authorizerId?: Shape;
  loc: SourceLocation;
}

export function compileHttpEvent(ctx: CompileContext, fn: ServerlessFunction, event: TNode): void {
  const short = text(event);
  const [methodText, pathText] = short !== undefined ? splitShortForm(short) : [text(get(event, 'method')) ?? 'ANY', text(get(event, 'path')) ?? ''];
  const resourcePath = pathText.replace(/^\/+|\/+$/g, '');
  const method = methodText === '*' ? 'ANY' : methodText.toUpperCase();
  ensureRestApi(ctx);
  const resourceId = ensureResources(ctx, resourcePath, event.loc);
  const auth = methodAuth(ctx, get(event, 'authorizer'), event.loc);
  ctx.add(naming.restMethod(normalizePath(resourcePath), method), 'AWS::ApiGateway::Method', {
    HttpMethod: method,
    RequestParameters: {},
    // `request.schemas` makes the framework create models and a body validator for the method.
    RequestValidatorId: get(get(event, 'request'), 'schemas') !== undefined ? 'ServerlessRequestBodyValidator' : undefined,
    ResourceId: resourceId,
    RestApiId: ref(naming.restApi),
    ApiKeyRequired: build(truthy(get(event, 'private')), get(event, 'private')?.loc ?? event.loc),
    AuthorizationType: build(auth.type, auth.loc),
    AuthorizerId: auth.authorizerId,
    Integration: {
      Type: 'AWS_PROXY',
      IntegrationHttpMethod: 'POST',
      Uri: join(['arn:', ref('AWS::Partition'), ':apigateway:', ref('AWS::Region'), ':lambda:path/2015-03-31/functions/', getAtt(fn.logicalId, 'Arn'), '/invocations']),
    },
  }, event.loc);
  if (get(event, 'cors') !== undefined && truthy(get(event, 'cors')) !== false) corsPreflight(ctx, resourcePath, resourceId, event.loc);
  ctx.add(naming.restPermission(fn.name), 'AWS::Lambda::Permission', {
    FunctionName: getAtt(fn.logicalId, 'Arn'),
    Action: 'lambda:InvokeFunction',
    Principal: 'apigateway.amazonaws.com',
    SourceArn: join(['arn:', ref('AWS::Partition'), ':execute-api:', ref('AWS::Region'), ':', ref('AWS::AccountId'), ':', ref(naming.restApi), '/*/*']),
  }, event.loc);
}

/** `GET users/{id}` → ['GET', 'users/{id}']. */
function splitShortForm(s: string): [string, string] {
  const [method, ...rest] = s.trim().split(/\s+/);
  return [method ?? 'ANY', rest.join(' ')];
}

/** One AWS::ApiGateway::Resource per path prefix; the value refers to the last one. */
export function ensureResources(ctx: CompileContext, resourcePath: string, loc: SourceLocation): Shape {
  if (resourcePath === '') return getAtt(naming.restApi, 'RootResourceId');
  let parent: Shape = getAtt(naming.restApi, 'RootResourceId');
  const parts = resourcePath.split('/');
  for (let i = 0; i < parts.length; i++) {
    const prefix = parts.slice(0, i + 1).join('/');
    const id = naming.restResource(prefix);
    if (!ctx.has(id)) ctx.add(id, 'AWS::ApiGateway::Resource', { ParentId: parent, PathPart: parts[i], RestApiId: ref(naming.restApi) }, loc);
    parent = ref(id);
  }
  return parent;
}

export function corsPreflight(ctx: CompileContext, resourcePath: string, resourceId: Shape, loc: SourceLocation): void {
  ctx.add(naming.restMethod(normalizePath(resourcePath), 'OPTIONS'), 'AWS::ApiGateway::Method', {
    HttpMethod: 'OPTIONS',
    ResourceId: resourceId,
    RestApiId: ref(naming.restApi),
    AuthorizationType: 'NONE',
    Integration: { Type: 'MOCK' },
  }, loc);
}

function methodAuth(ctx: CompileContext, node: TNode | undefined, eventLoc: SourceLocation): MethodAuth {
  if (node === undefined) return { type: 'NONE', loc: eventLoc };
  const loc = node.loc;
  const name = text(node) ?? text(get(node, 'name'));
  const type = (text(get(node, 'type')) ?? '').toLowerCase();
  if (/^aws_iam$/i.test(name ?? '') || type === 'aws_iam') return { type: 'AWS_IAM', loc };
  const existing = get(node, 'authorizerId');
  if (existing !== undefined) return { type: type === 'cognito_user_pools' ? 'COGNITO_USER_POOLS' : 'CUSTOM', authorizerId: existing, loc };
  const arn = text(get(node, 'arn')) ?? (name?.startsWith('arn:') ? name : undefined);
  const arnNode = get(node, 'arn') ?? (arn ? node : undefined);
  const cognito = type === 'cognito_user_pools' || (arn ?? '').includes(':cognito-idp:');
  const authorizerName = arn && name === arn ? arn.split(/[:/]/).pop()! : (name ?? arn?.split(/[:/]/).pop() ?? 'Authorizer');
  const id = naming.restAuthorizer(authorizerName);
  if (!ctx.has(id)) addAuthorizer(ctx, id, authorizerName, cognito, arnNode, node);
  return { type: cognito ? 'COGNITO_USER_POOLS' : 'CUSTOM', authorizerId: ref(id), loc };
}

function addAuthorizer(ctx: CompileContext, id: string, name: string, cognito: boolean, arnNode: TNode | undefined, node: TNode): void {
  const identitySource = get(node, 'identitySource') ?? 'method.request.header.Authorization';
  if (cognito) {
    ctx.add(id, 'AWS::ApiGateway::Authorizer', { Name: name, Type: 'COGNITO_USER_POOLS', IdentitySource: identitySource, ProviderARNs: [arnNode ?? null], RestApiId: ref(naming.restApi) }, node.loc);
    return;
  }
  const local = ctx.fn(text(get(node, 'name')) ?? text(node) ?? '');
  const target: Shape = local ? getAtt(local.logicalId, 'Arn') : (arnNode ?? null);
  const type = (text(get(node, 'type')) ?? 'token').toUpperCase() === 'REQUEST' ? 'REQUEST' : 'TOKEN';
  ctx.add(id, 'AWS::ApiGateway::Authorizer', {
    Name: name,
    Type: type,
    IdentitySource: identitySource,
    AuthorizerUri: join(['arn:', ref('AWS::Partition'), ':apigateway:', ref('AWS::Region'), ':lambda:path/2015-03-31/functions/', target, '/invocations']),
    RestApiId: ref(naming.restApi),
    AuthorizerResultTtlInSeconds: get(node, 'resultTtlInSeconds'),
  }, node.loc);
}
