/**
 * AWS::Serverless::Api and AWS::Serverless::HttpApi (and the implicit APIs SAM creates for
 * events that name none) into the model, with their authorizers and defaults.
 */
import type { Api, ApiProtocol, Authorizer, ModelElement } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { asBoolean, isValueMap, type Value, type ValueMap } from '../../model/value.js';
import type { TMap, TNode } from '../../parse/tree.js';
import { get, getEntry } from '../../parse/tree.js';
import type { LoadContext } from '../cloudformation/load-context.js';
import { elementBase } from '../cloudformation/load-context.js';
import { samApiResourcePolicy } from './api-resource-policy.js';
import type { TemplateResource } from '../cloudformation/template.js';
import { globalsFor } from './globals.js';
import { stageSettings } from '../cloudformation/stage-settings.js';

export function loadSamApi(ctx: LoadContext, r: TemplateResource): Api {
  const protocol: ApiProtocol = r.type === 'AWS::Serverless::HttpApi' ? 'http' : 'rest';
  const propsNode = get(r.node, 'Properties');
  return buildApi(ctx, elementBase(ctx, r), protocol, propsNode?.kind === 'map' ? propsNode : undefined, false);
}

/** `ServerlessRestApi` / `ServerlessHttpApi`: configured only by Globals. */
export function implicitApi(ctx: LoadContext, protocol: ApiProtocol, loc: SourceLocation): Api {
  const logicalId = protocol === 'http' ? 'ServerlessHttpApi' : 'ServerlessRestApi';
  const globals = globalsFor(ctx.template.root, protocol === 'http' ? 'AWS::Serverless::HttpApi' : 'AWS::Serverless::Api');
  const base = { id: ctx.template.resourceId(logicalId), logicalId, stack: ctx.template.stackId, loc };
  return buildApi(ctx, base, protocol, globals, true);
}

function buildApi(ctx: LoadContext, base: ModelElement, protocol: ApiProtocol, props: TMap | undefined, implicit: boolean): Api {
  const v = ctx.ev.value(props);
  const p: ValueMap = isValueMap(v) ? v : {};
  const authNode = get(props, 'Auth');
  const auth = isValueMap(p['Auth']) ? p['Auth'] : {};
  const api: Api = {
    ...base,
    protocol,
    implicit,
    authorizers: authorizers(ctx, auth, get(authNode, 'Authorizers'), base.loc, protocol),
    apiKeyRequiredByDefault: asBoolean(auth['ApiKeyRequired']) === true,
    stages: [stage(ctx, p, props, base.loc, protocol)],
    cors: protocol === 'http' ? p['CorsConfiguration'] : p['Cors'],
    disableExecuteApiEndpoint: asBoolean(p['DisableExecuteApiEndpoint']) === true,
    endpointType: isValueMap(p['EndpointConfiguration']) ? p['EndpointConfiguration']['Type'] : p['EndpointConfiguration'],
  };
  if (typeof auth['DefaultAuthorizer'] === 'string') api.defaultAuthorizer = auth['DefaultAuthorizer'];
  const policyNode = get(authNode, 'ResourcePolicy');
  if (policyNode) api.resourcePolicy = samApiResourcePolicy(policyNode, ctx.ev);
  if (makesExtraStage(protocol, p, api)) api.samExtraStage = { loc: base.loc };
  return api;
}

/**
 * SAM gives a REST API's Deployment the stage name `Stage` unless the API (or `Globals: Api`)
 * writes an `OpenApiVersion`: any value it does not read as empty (an intrinsic counts as written).
 */
function makesExtraStage(protocol: ApiProtocol, p: ValueMap, api: Api): boolean {
  const version = p['OpenApiVersion'];
  if (protocol !== 'rest' || (version !== undefined && version !== null && version !== '')) return false;
  return api.stages.every((s) => s.name !== 'Stage');
}

function authorizers(ctx: LoadContext, auth: ValueMap, defsNode: TNode | undefined, fallback: SourceLocation, protocol: ApiProtocol): Authorizer[] {
  const defs = auth['Authorizers'];
  if (!isValueMap(defs)) return [];
  return Object.entries(defs).map(([name, def]) => {
    const loc = getEntry(defsNode, name)?.keyLoc ?? fallback;
    const d = isValueMap(def) ? def : {};
    const fn = ctx.builder.functionOf(d['FunctionArn']);
    const type = d['UserPoolArn'] !== undefined ? 'cognito' : d['JwtConfiguration'] !== undefined ? 'jwt' : 'lambda';
    const authorizer: Authorizer = { name, type, ...(fn ? { functionId: fn.id } : {}), loc };
    if (type === 'lambda') authorizer.payload = protocol !== 'rest' || d['FunctionPayloadType'] === 'REQUEST' ? 'request' : 'token';
    if (d['UserPoolArn'] !== undefined) authorizer.userPools = [d['UserPoolArn']];
    return authorizer;
  });
}

/** The stage SAM makes of the API's own properties: at its `StageName`, which names it, when written. */
function stage(ctx: LoadContext, p: ValueMap, props: TMap | undefined, loc: SourceLocation, protocol: ApiProtocol): Api['stages'][number] {
  return {
    name: p['StageName'] ?? (protocol === 'http' ? '$default' : 'Prod'),
    ...stageSettings(ctx.ev, { node: props, protocol, loc: get(props, 'StageName')?.loc ?? props?.loc ?? loc }),
  };
}
