/**
 * API Gateway REST APIs (v1) declared resource by resource.
 */
import type { Api, AuthorizerType, RequestValidation, RouteAuthType, RouteIntegration } from '../../model/app-model.js';
import { NO_VALIDATOR, requestValidation, requiredMethodParameters, UNREAD_VALIDATOR, validatorFlags } from '../request-validation.js';
import { asArray, asBoolean, isValueMap, referencedResource, type Value, type ValueMap } from '../../model/value.js';
import { apiTriggerKind } from '../../model/trigger-kind.js';
import { loadPolicyDocument } from './policy-document.js';
import { elementBase, prop, props, type LoadContext } from './load-context.js';
import { stageSettings } from './stage-settings.js';
import { apiOfChild } from './api-of-child.js';
import type { TemplateResource } from './template.js';
import { resolveIntegration } from '../openapi/integration.js';
import { namesCacheKeys } from '../cache-keys.js';

export function loadRestApi(ctx: LoadContext, r: TemplateResource): Api {
  const policy = prop(ctx, r, 'Policy');
  const api: Api = {
    ...elementBase(ctx, r),
    protocol: 'rest',
    implicit: false,
    authorizers: [],
    apiKeyRequiredByDefault: false,
    stages: [],
    disableExecuteApiEndpoint: asBoolean(prop(ctx, r, 'DisableExecuteApiEndpoint').value) === true,
    endpointType: asArray(prop(ctx, r, 'EndpointConfiguration', 'Types').value)[0],
  };
  const doc = loadPolicyDocument(policy.node, ctx.ev, policy.loc);
  if (doc) api.resourcePolicy = doc;
  return api;
}

export function linkRestAuthorizer(ctx: LoadContext, r: TemplateResource): void {
  const api = apiOfChild(ctx, r, 'RestApiId', 'rest');
  if (!api) return;
  const declared = prop(ctx, r, 'Type').value;
  const type: AuthorizerType = declared === 'COGNITO_USER_POOLS' ? 'cognito' : 'lambda';
  const fn = ctx.builder.functionOf(prop(ctx, r, 'AuthorizerUri').value);
  // Terraform's `type` may be left out: it defaults to TOKEN (CloudFormation requires it).
  const payload = declared === 'TOKEN' || declared === undefined ? 'token' : declared === 'REQUEST' ? 'request' : undefined;
  api.authorizers.push({ name: r.logicalId, type, ...(fn ? { functionId: fn.id } : {}), ...(payload ? { payload } : {}), userPools: asArray(prop(ctx, r, 'ProviderARNs').value), loc: r.loc });
}

export function linkRestStage(ctx: LoadContext, r: TemplateResource): void {
  const api = apiOfChild(ctx, r, 'RestApiId', 'rest');
  if (!api) return;
  api.stages.push({
    name: prop(ctx, r, 'StageName').value ?? r.logicalId,
    resourceLogicalId: r.logicalId,
    ...stageSettings(ctx.ev, { node: props(r), protocol: 'rest', loc: r.loc }),
  });
}

/** A Deployment that names a stage creates it, configured by its `StageDescription`. */
export function linkRestDeploymentStage(ctx: LoadContext, r: TemplateResource): void {
  const name = prop(ctx, r, 'StageName');
  if (name.value === undefined) return;
  const api = apiOfChild(ctx, r, 'RestApiId', 'rest');
  if (!api) return;
  const description = prop(ctx, r, 'StageDescription');
  api.stages.push({
    name: name.value,
    resourceLogicalId: r.logicalId,
    ...stageSettings(ctx.ev, { node: description.node, protocol: 'rest', stageWide: description.loc, loc: r.loc }),
  });
}

export function linkRestMethod(ctx: LoadContext, r: TemplateResource): void {
  const api = apiOfChild(ctx, r, 'RestApiId', 'rest');
  if (!api) return;
  const fn = ctx.builder.functionOf(prop(ctx, r, 'Integration', 'Uri').value);
  const authType = prop(ctx, r, 'AuthorizationType');
  const authorizer = referencedResource(prop(ctx, r, 'AuthorizerId').value)?.logicalId;
  const method = String(prop(ctx, r, 'HttpMethod').value ?? 'ANY').toUpperCase();
  const routeId = ctx.template.resourceId(r.logicalId);
  ctx.builder.addRoute({
    ...elementBase(ctx, r),
    apiId: api.id,
    method,
    path: resourcePath(ctx, prop(ctx, r, 'ResourceId').value, 0),
    ...(fn ? { functionId: fn.id } : {}),
    ...methodIntegration(ctx, r),
    cacheKeyed: namesCacheKeys(prop(ctx, r, 'Integration', 'CacheKeyParameters').value),
    requestValidation: methodValidation(ctx, r),
    auth: {
      type: restAuthType(authType.value),
      ...(authorizer ? { authorizer } : {}),
      apiKeyRequired: asBoolean(prop(ctx, r, 'ApiKeyRequired').value) === true,
      loc: authType.node ? authType.loc : r.loc,
    },
  });
  if (fn) ctx.builder.addTrigger({ id: routeId, kind: apiTriggerKind(api.protocol), functionId: fn.id, routeId, sourceId: api.id, asynchronous: false, details: {}, loc: r.loc });
}

/** A method's `Integration`, read as an OpenAPI integration is (the same fields, capitalised). */
function methodIntegration(ctx: LoadContext, r: TemplateResource): { integration?: RouteIntegration } {
  const integration = prop(ctx, r, 'Integration');
  if (!isValueMap(integration.value)) return {};
  const v = integration.value;
  const fields: ValueMap = { type: v['Type'], uri: v['Uri'], connectionType: v['ConnectionType'], requestParameters: v['RequestParameters'], requestTemplates: v['RequestTemplates'], passthroughBehavior: v['PassthroughBehavior'] };
  return { integration: resolveIntegration(ctx, fields, integration.loc).integration };
}

/** The method's request validator (a RequestValidator of the template, or one it cannot read) and required parameters. */
function methodValidation(ctx: LoadContext, r: TemplateResource): RequestValidation {
  const id = prop(ctx, r, 'RequestValidatorId');
  const required = requiredMethodParameters(prop(ctx, r, 'RequestParameters').value);
  if (id.value === undefined) return requestValidation(NO_VALIDATOR, required, r.loc);
  const ref = referencedResource(id.value);
  const validator = ref ? ctx.template.resources.get(ref.logicalId) : undefined;
  const flags = validator?.type === 'AWS::ApiGateway::RequestValidator' ? validatorFlags(ctx.ev.value(props(validator))) : UNREAD_VALIDATOR;
  return requestValidation(flags, required, id.loc);
}

function restAuthType(v: Value | undefined): RouteAuthType {
  switch (v) {
    case undefined:
    case 'NONE':
      return 'none';
    case 'AWS_IAM':
      return 'iam';
    case 'COGNITO_USER_POOLS':
      return 'cognito';
    case 'CUSTOM':
      return 'lambda';
    default:
      return 'unknown';
  }
}

/** The path of an AWS::ApiGateway::Resource, following ParentId up to the root. */
function resourcePath(ctx: LoadContext, resourceId: Value | undefined, depth: number): string {
  const ref = referencedResource(resourceId);
  if (!ref || ref.attribute === 'RootResourceId' || depth > 50) return '/';
  const res = ctx.template.resources.get(ref.logicalId);
  if (res?.type !== 'AWS::ApiGateway::Resource') return '/';
  const part = String(prop(ctx, res, 'PathPart').value ?? '');
  const parent = resourcePath(ctx, prop(ctx, res, 'ParentId').value, depth + 1);
  return parent === '/' ? `/${part}` : `${parent}/${part}`;
}
