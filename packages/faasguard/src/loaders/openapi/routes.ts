/**
 * An API's OpenAPI definition into routes: every operation with an `x-amazon-apigateway-integration`
 * becomes a route of the API, to its function (with the trigger that exposes it) or to the service,
 * backend or mock it integrates with, and with its authorization. Routes are located at the
 * operation, in the file that defines it (an included file when the definition is included).
 *
 * Runs after function events: SAM merges an `Api`/`HttpApi` event into the definition, so an
 * operation that an event already made a route of is not a second route.
 */
import type { Api, RequestValidation } from '../../model/app-model.js';
import { NO_VALIDATOR, requestValidation, requiredOpenApiParameters, UNREAD_VALIDATOR, validatorFlags } from '../request-validation.js';
import type { SourceLocation } from '../../model/location.js';
import { apiTriggerKind } from '../../model/trigger-kind.js';
import { isValueMap, type Value, type ValueMap } from '../../model/value.js';
import type { TMapEntry, TNode } from '../../parse/tree.js';
import { get, getEntry } from '../../parse/tree.js';
import type { LoadContext } from '../cloudformation/load-context.js';
import type { TemplateResource } from '../cloudformation/template.js';
import { apiDefinition, type ApiDefinition } from './definition.js';
import { resolveIntegration } from './integration.js';
import { loadPolicyDocument } from '../cloudformation/policy-document.js';
import { extensionAuthType, routeAuth, securityContext, type SecurityContext } from './security.js';
import { namesCacheKeys } from '../cache-keys.js';
import { isSamEventRoute } from '../sam/event-routes-on-plain-apis.js';

const INTEGRATION = 'x-amazon-apigateway-integration';
const AUTH_EXTENSION = 'x-amazon-apigateway-auth';
const VALIDATOR = 'x-amazon-apigateway-request-validator';
const ANY_METHOD = 'x-amazon-apigateway-any-method';
const POLICY = 'x-amazon-apigateway-policy';
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', ANY_METHOD]);

interface Operation {
  path: string;
  /** Upper case, or ANY */
  method: string;
  value: ValueMap;
  node: TNode | undefined;
  loc: SourceLocation;
}

export function linkOpenApiRoutes(ctx: LoadContext, r: TemplateResource): void {
  const api = ctx.builder.api(ctx.template.resourceId(r.logicalId));
  if (!api) return;
  const def = apiDefinition(ctx, r);
  if (!def) return;
  const security = securityContext(ctx, api, def);
  readDefinitionPolicy(ctx, api, def);
  const ops = [...operations(def)];
  for (const op of ops) linkOperation(ctx, api, def, security, op);
  if (samLeavesDefinitionAsWritten(ctx, r)) dropUndeployedEventRoutes(ctx, api, ops);
}

/**
 * A REST API's resource policy written in its definition (`x-amazon-apigateway-policy` at the top),
 * when the resource gives none of its own (`Policy`, SAM's `Auth.ResourcePolicy`).
 */
function readDefinitionPolicy(ctx: LoadContext, api: Api, def: ApiDefinition): void {
  if (api.protocol !== 'rest' || api.resourcePolicy) return;
  const node = get(def.node, POLICY);
  const doc = node ? loadPolicyDocument(node, ctx.ev, node.loc) : undefined;
  if (doc) api.resourcePolicy = doc;
}

/**
 * SAM adds a function's `Api` events to the definitions it makes (an API without `DefinitionBody`
 * or `DefinitionUri`, or with `MergeDefinitions: true`), never to one the template writes: there,
 * an event's operation is deployed only if the definition has it (SAM's own comment: "it is
 * customer's responsibility to add to Swagger").
 */
function samLeavesDefinitionAsWritten(ctx: LoadContext, r: TemplateResource): boolean {
  return r.type === 'AWS::Serverless::Api' && ctx.builder.resource(ctx.template.resourceId(r.logicalId))?.properties['MergeDefinitions'] !== true;
}

function dropUndeployedEventRoutes(ctx: LoadContext, api: Api, ops: readonly Operation[]): void {
  const written = new Set(ops.map((op) => `${op.method} ${op.path}`));
  for (const route of ctx.builder.model.routes.filter((x) => x.apiId === api.id && isSamEventRoute(ctx, x.id))) {
    if (written.has(`${route.method} ${route.path}`)) continue;
    const [owner, event] = route.logicalId.split('.');
    ctx.template.diagnostics.note('sam-event-not-deployed', `event ${event} of ${owner} routes ${route.method} ${route.path} of ${api.logicalId}, whose own definition does not have it: SAM adds no operation to a definition the template writes, so this route is not deployed and is not judged (MergeDefinitions: true would add it)`, route.loc);
    ctx.builder.removeRoute(route.id);
  }
}

/** Operations as evaluated (a condition may remove one), each located at its key when written. */
function* operations(def: ApiDefinition): Generator<Operation> {
  const paths = def.value['paths'];
  if (!isValueMap(paths)) return;
  const pathsNode = get(def.node, 'paths');
  for (const [path, item] of Object.entries(paths)) {
    if (!isValueMap(item)) continue;
    const pathEntry = getEntry(pathsNode, path);
    for (const [key, value] of Object.entries(item)) {
      if (!METHODS.has(key.toLowerCase()) || !isValueMap(value)) continue;
      const entry: TMapEntry | undefined = getEntry(pathEntry?.value, key);
      const method = key.toLowerCase() === ANY_METHOD ? 'ANY' : key.toUpperCase();
      yield { path, method, value, node: entry?.value, loc: entry?.keyLoc ?? pathEntry?.keyLoc ?? def.node.loc };
    }
  }
}

function linkOperation(ctx: LoadContext, api: Api, def: ApiDefinition, security: SecurityContext, op: Operation): void {
  const integrationValue = resolveLocalRef(def.value, op.value[INTEGRATION]);
  if (!isValueMap(integrationValue)) return;
  const { integration, fn } = resolveIntegration(ctx, integrationValue, get(op.node, INTEGRATION)?.loc ?? op.loc);
  const routed = ctx.builder.model.routes.find((x) => x.apiId === api.id && x.method === op.method && x.path === op.path);
  if (routed) {
    // SAM writes no integration into a definition it does not manage (an explicit API's own
    // DefinitionBody): the definition's is the one deployed, and a custom one (`type: aws`)
    // decides what the function's event holds.
    if (!routed.integration && fn && fn.id === routed.functionId) routed.integration = integration;
    if (namesCacheKeys(integrationValue['cacheKeyParameters'])) routed.cacheKeyed = true;
    return;
  }
  const securityAuth = routeAuth(security, op.method, op.value['security'], get(op.node, 'security')?.loc ?? op.loc);
  const declared = extensionAuthType(op.value[AUTH_EXTENSION]);
  const auth = declared && securityAuth.type === 'none' ? { ...securityAuth, type: declared, loc: get(op.node, AUTH_EXTENSION)?.loc ?? op.loc } : securityAuth;
  const id = `${api.id}#${op.method} ${op.path}`;
  const validation = api.protocol === 'rest' ? { requestValidation: operationValidation(def, op) } : {};
  ctx.builder.addRoute({ id, logicalId: `${api.logicalId} ${op.method} ${op.path}`, stack: ctx.template.stackId, loc: op.loc, apiId: api.id, method: op.method, path: op.path, ...(fn ? { functionId: fn.id } : {}), auth, integration, ...validation, ...(api.protocol === 'rest' ? { cacheKeyed: namesCacheKeys(integrationValue['cacheKeyParameters']) } : {}) });
  if (fn) ctx.builder.addTrigger({ id, kind: apiTriggerKind(api.protocol), functionId: fn.id, routeId: id, sourceId: api.id, asynchronous: false, details: {}, loc: op.loc });
}

/** The operation's validator (else the document's default), resolved in `x-amazon-apigateway-request-validators`. */
function operationValidation(def: ApiDefinition, op: Operation): RequestValidation {
  const own = op.value[VALIDATOR];
  const name = own ?? def.value[VALIDATOR];
  const loc = (own !== undefined ? getEntry(op.node, VALIDATOR)?.keyLoc : getEntry(def.node, VALIDATOR)?.keyLoc) ?? op.loc;
  const required = requiredOpenApiParameters(op.value['parameters']);
  if (name === undefined) return requestValidation(NO_VALIDATOR, required, op.loc);
  const validators = def.value['x-amazon-apigateway-request-validators'];
  const named = typeof name === 'string' && isValueMap(validators) ? validators[name] : undefined;
  return requestValidation(named !== undefined ? validatorFlags(named) : UNREAD_VALIDATOR, required, loc);
}

/** `{ $ref: '#/components/x-amazon-apigateway-integrations/name' }` (HTTP APIs share integrations so). */
function resolveLocalRef(doc: ValueMap, v: Value | undefined): Value | undefined {
  const ref = isValueMap(v) ? v['$ref'] : undefined;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return v;
  let cur: Value | undefined = doc;
  for (const part of ref.slice(2).split('/')) cur = isValueMap(cur) ? cur[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return cur;
}
