/**
 * The authorization of an OpenAPI operation, as API Gateway imports it: the operation's `security`
 * (else the document's), each name resolved through the definition's security schemes
 * (`components.securitySchemes`, Swagger's `securityDefinitions`) and their
 * `x-amazon-apigateway-authorizer` / `x-amazon-apigateway-authtype`, or through the authorizers SAM's
 * `Auth` defines. API Gateway applies every listed requirement (SAM lists an authorizer and `api_key`
 * as two entries), so the entries add up rather than being alternatives.
 *
 * SAM rewrites the definition before API Gateway sees it: `Auth.DefaultAuthorizer` is added to every
 * operation with an integration unless the operation names one of SAM's authorizers or `NONE` (REST),
 * or has any security of its own (HTTP API, OPTIONS excluded); `Auth.ApiKeyRequired` adds `api_key`
 * unless the operation says `api_key_false`.
 */
import type { Api, Authorizer, AuthorizerType, RouteAuth, RouteAuthType } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { asArray, isValueMap, type Value, type ValueMap } from '../../model/value.js';
import { getEntry, type TNode } from '../../parse/tree.js';
import type { LoadContext } from '../cloudformation/load-context.js';
import type { ApiDefinition } from './definition.js';
import { lookupTable } from '../../util/own-keys.js';

/** Names in an operation's security requirements, one list per entry. */
type Requirements = string[][];
type SchemeKind = RouteAuthType | 'api-key';

export interface SecurityContext {
  api: Api;
  /** Authorizers SAM's `Auth` defines, and AWS_IAM: an operation naming one keeps it over the default */
  samAuthorizers: ReadonlySet<string>;
  schemes: ReadonlyMap<string, ValueMap>;
  /** The document's `security`, for operations without their own */
  global?: Value;
}

/** Reads the definition's schemes, and adds the authorizers they define to the API. */
export function securityContext(ctx: LoadContext, api: Api, def: ApiDefinition): SecurityContext {
  const samAuthorizers = new Set(['AWS_IAM', ...api.authorizers.map((a) => a.name)]);
  const schemes = new Map<string, ValueMap>();
  const { value, node } = schemesOf(def);
  for (const [name, scheme] of Object.entries(value)) {
    if (!isValueMap(scheme)) continue;
    schemes.set(name, scheme);
    const authorizer = schemeAuthorizer(ctx, name, scheme, getEntry(node, name)?.keyLoc ?? def.node.loc);
    if (authorizer && !api.authorizers.some((a) => a.name === name)) api.authorizers.push(authorizer);
  }
  return { api, samAuthorizers, schemes, ...(def.value['security'] !== undefined ? { global: def.value['security'] } : {}) };
}

function schemesOf(def: ApiDefinition): { value: ValueMap; node: TNode | undefined } {
  const components = def.value['components'];
  const oas3 = isValueMap(components) ? components['securitySchemes'] : undefined;
  if (isValueMap(oas3)) return { value: oas3, node: getEntry(getEntry(def.node, 'components')?.value, 'securitySchemes')?.value };
  const swagger = def.value['securityDefinitions'];
  return { value: isValueMap(swagger) ? swagger : {}, node: getEntry(def.node, 'securityDefinitions')?.value };
}

function schemeAuthorizer(ctx: LoadContext, name: string, scheme: ValueMap, loc: SourceLocation): Authorizer | undefined {
  const kind = schemeKind(scheme);
  if (kind !== 'cognito' && kind !== 'jwt' && kind !== 'lambda') return undefined;
  const ext = scheme['x-amazon-apigateway-authorizer'];
  const e = isValueMap(ext) ? ext : {};
  const fn = ctx.builder.functionOf(e['authorizerUri']);
  const authorizer: Authorizer = { name, type: kind as AuthorizerType, ...(fn ? { functionId: fn.id } : {}), loc };
  if (kind === 'cognito') authorizer.userPools = asArray(e['providerARNs']);
  const payload = lower(e['type']);
  if (payload === 'token' || payload === 'request') authorizer.payload = payload;
  return authorizer;
}

function schemeKind(s: ValueMap): SchemeKind {
  const ext = s['x-amazon-apigateway-authorizer'];
  if (isValueMap(ext)) return AUTHORIZER_TYPES[lower(ext['type'])] ?? 'unknown';
  const authType = lower(s['x-amazon-apigateway-authtype']);
  if (authType === 'awssigv4') return 'iam';
  if (authType === 'cognito_user_pools') return 'cognito';
  // API Gateway reads API keys from the x-api-key header only.
  if (lower(s['type']) === 'apikey' && lower(s['in']) === 'header' && lower(s['name']) === 'x-api-key') return 'api-key';
  return 'unknown';
}

const AUTHORIZER_TYPES: Readonly<Record<string, SchemeKind>> = lookupTable({
  token: 'lambda',
  request: 'lambda',
  cognito_user_pools: 'cognito',
  jwt: 'jwt',
});

/** The route's authorization; `loc` is where it is decided (the operation's `security`, else the operation). */
export function routeAuth(sc: SecurityContext, method: string, own: Value | undefined, loc: SourceLocation): RouteAuth {
  const requirements = withSamDefaults(sc, method, names(own)) ?? names(sc.global) ?? [];
  let apiKeyRequired = false;
  let chosen: { type: RouteAuthType; authorizer: string } | undefined;
  for (const name of requirements.flat()) {
    if (name === 'NONE' || name === 'api_key_false') continue;
    const kind = nameKind(sc, name);
    if (kind === 'api-key') apiKeyRequired = true;
    else chosen ??= { type: kind, authorizer: name };
  }
  return chosen ? { ...chosen, apiKeyRequired, loc } : { type: 'none', apiKeyRequired, loc };
}

/**
 * The authorization an operation's `x-amazon-apigateway-auth` extension sets (`type`, any case:
 * API Gateway reads it without regard to case), when it authenticates callers: AWS_IAM, CUSTOM (a
 * Lambda authorizer) or COGNITO_USER_POOLS. `NONE`, or no extension, leaves it to `security`.
 */
export function extensionAuthType(ext: Value | undefined): RouteAuthType | undefined {
  return isValueMap(ext) ? EXTENSION_AUTH_TYPES[lower(ext['type'])] : undefined;
}

const EXTENSION_AUTH_TYPES: Readonly<Record<string, RouteAuthType>> = lookupTable({ aws_iam: 'iam', custom: 'lambda', cognito_user_pools: 'cognito' });

function names(v: Value | undefined): Requirements | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((r) => (isValueMap(r) ? Object.keys(r) : []));
}

function nameKind(sc: SecurityContext, name: string): SchemeKind {
  if (name === 'AWS_IAM') return 'iam';
  const scheme = sc.schemes.get(name);
  if (scheme) return schemeKind(scheme);
  const authorizer = sc.api.authorizers.find((a) => a.name === name);
  if (authorizer) return authorizer.type;
  return name === 'api_key' ? 'api-key' : 'unknown';
}

function withSamDefaults(sc: SecurityContext, method: string, own: Requirements | undefined): Requirements | undefined {
  let requirements = own;
  const fallback = sc.api.defaultAuthorizer;
  if (fallback !== undefined) requirements = sc.api.protocol === 'http' ? httpDefault(requirements, fallback, method) : restDefault(requirements, fallback, sc.samAuthorizers);
  if (sc.api.apiKeyRequiredByDefault && sc.api.protocol === 'rest') requirements = apiKeyDefault(requirements ?? []);
  return requirements;
}

function restDefault(own: Requirements | undefined, fallback: string, samAuthorizers: ReadonlySet<string>): Requirements {
  const requirements = own ?? [];
  if (requirements.some((r) => r.includes('NONE'))) return requirements.filter((r) => !r.includes('NONE'));
  if (requirements.some((r) => r.some((n) => samAuthorizers.has(n)))) return requirements;
  return [...requirements, [fallback]];
}

function httpDefault(own: Requirements | undefined, fallback: string, method: string): Requirements | undefined {
  if (method === 'OPTIONS' || (own !== undefined && own.length > 0)) return own;
  return [[fallback]];
}

function apiKeyDefault(requirements: Requirements): Requirements {
  if (requirements.some((r) => r.includes('api_key_false') || r.includes('api_key'))) return requirements;
  return [...requirements, ['api_key']];
}

function lower(v: Value | undefined): string {
  return typeof v === 'string' ? v.toLowerCase() : '';
}
