/**
 * Whether a public REST API's resource policy keeps anyone on the internet from calling its open routes
 * (no authorizer, no IAM authorization, no API key), and how. API Gateway lets such a call through
 * only when a statement of the policy explicitly allows it, and refuses it when one denies it: a
 * policy whose every Allow for invoking holds a condition on where or when the call comes from (a
 * source address, VPC or endpoint, an organization, a time window) or names its principals, or
 * that denies every call from outside such a list (`NotIpAddress`, `StringNotEquals aws:SourceVpce`),
 * admits only those callers.
 *
 * A policy with no Allow for invoking (a SAM `AwsAccountBlacklist` alone), which would shut the API
 * entirely, is read as no policy: the routes stay public, erring toward reporting them.
 */
import type { Api, PolicyStatement, Resource } from '../model/app-model.js';
import type { SourceLocation } from '../model/location.js';
import { asArray, isValueMap, ParameterValue, referencedResource, ResourceRef, sameWrittenValue, Unknown, type Value } from '../model/value.js';
import { anyActionMatches } from '../iam/action-matches.js';
import { isPublicAllow } from './source-writers.js';
import { namesEveryone } from '../iam/everyone-principal.js';

export interface PolicyNarrowing {
  /** Who the policy admits, for a message: `only from the source addresses it names` */
  admits: string;
  /** The statement that decides it */
  loc: SourceLocation;
}

const INVOKE = ['execute-api:Invoke'];

export function apiPolicyNarrowing(api: Api | undefined): PolicyNarrowing | undefined {
  if (api?.protocol !== 'rest' || api.endpointType === 'PRIVATE' || !api.resourcePolicy) return undefined;
  const invoking = api.resourcePolicy.statements.filter((s) => anyActionMatches(s.actions, INVOKE));
  const allows = invoking.filter((s) => s.effect === 'Allow');
  if (allows.length === 0) return undefined;
  const allowList = invoking.find((s) => s.effect === 'Deny' && namesEveryone(s) && deniesOutsideList(s));
  if (allowList) return { admits: `only ${kindsOf([allowList])} it names`, loc: allowList.loc };
  if (allows.some((s) => isPublicAllow(s) && !testsKey(s, TIME_KEYS))) return undefined;
  const window = timeWindowOf(allows);
  return { admits: window ? `only ${window}` : `only ${kindsOf(allows)} it names`, loc: allows[0]!.loc };
}

/**
 * The time window every Allow names, when time is all they test and they name the same one:
 * `between 2022-09-01T00:00:00Z and 2022-09-30T23:59:59Z`, `after …`, `before …`.
 */
function timeWindowOf(allows: readonly PolicyStatement[]): string | undefined {
  const windows = new Set(allows.map(windowOf));
  const [only] = windows;
  return windows.size === 1 ? only : undefined;
}

function windowOf(s: PolicyStatement): string | undefined {
  const tests = conditionsOf(s);
  if (tests.length === 0 || !tests.every((c) => TIME_KEYS.test(c.key) && DATE_BOUND.test(c.operator) && c.values.length === 1 && typeof c.values[0] === 'string')) return undefined;
  const after = tests.find((c) => c.operator.startsWith('DateGreaterThan'))?.values[0];
  const before = tests.find((c) => c.operator.startsWith('DateLessThan'))?.values[0];
  if (after !== undefined && before !== undefined) return `between ${String(after)} and ${String(before)}`;
  return after !== undefined ? `after ${String(after)}` : `before ${String(before)}`;
}

const DATE_BOUND = /^Date(GreaterThan|LessThan)(Equals)?$/;

/** Keys of where a call comes from, and of when it is made. */
const SOURCE_KEYS = /^aws:(SourceIp|SourceVpce?|SourceVpcArn|VpceAccount|VpceOrgID|VpceOrgPaths|PrincipalOrgID|PrincipalOrgPaths|PrincipalAccount)$/i;
const TIME_KEYS = /^aws:(CurrentTime|EpochTime)$/i;

/** A Deny whose condition is negated: it refuses every call whose source is not listed. */
function deniesOutsideList(s: PolicyStatement): boolean {
  return Object.entries(s.conditions ?? {}).some(([operator, block]) => /^(NotIpAddress|String(NotEquals|NotLike)(IgnoreCase)?)(IfExists)?$/.test(operator) && isValueMap(block) && Object.keys(block).some((k) => SOURCE_KEYS.test(k)));
}

function testsKey(s: PolicyStatement, key: RegExp): boolean {
  return Object.values(s.conditions ?? {}).some((block) => isValueMap(block) && Object.keys(block).some((k) => key.test(k)));
}

/** What the statements limit callers by, in words: `the source addresses or times` */
function kindsOf(statements: readonly PolicyStatement[]): string {
  const kinds = new Set<string>();
  for (const s of statements) {
    if (testsKey(s, /^aws:SourceIp$/i)) kinds.add('from the source addresses');
    if (testsKey(s, /^aws:(SourceVpce?|SourceVpcArn|Vpce\w+)$/i)) kinds.add('through the VPCs or endpoints');
    if (testsKey(s, /^aws:(PrincipalOrg\w+|PrincipalAccount)$/i)) kinds.add('by the accounts or organizations');
    if (testsKey(s, TIME_KEYS)) kinds.add('at the times');
    if (!namesEveryone(s)) kinds.add('by the principals');
  }
  if (kinds.size === 0) kinds.add('under the conditions');
  return [...kinds].join(' or ');
}

/** Who calls an open route of a private API where the network alone holds callers back. */
const PRIVATE_API_CALLERS = 'anyone in the VPCs that reach the private API';

/**
 * Who calls an open route of a private REST API: where every Allow for invoking is to everyone and
 * conditioned on the source VPC or endpoint alone, and nothing is denied, the VPCs and endpoints it
 * names (`anyone in VPC CentralAccountVpcID, which the private API's resource policy admits`);
 * otherwise anyone in the VPCs that reach the API, which the policy may narrow in ways not read here.
 */
export function privateApiCallers(api: Api | undefined): string {
  const invoking = (api?.resourcePolicy?.statements ?? []).filter((s) => anyActionMatches(s.actions, INVOKE));
  const allows = invoking.filter((s) => s.effect === 'Allow');
  // A Deny may narrow the callers in ways not read here: then only the network is named.
  if (allows.length === 0 || invoking.some((s) => s.effect === 'Deny') || !allows.every(namesEveryone)) return PRIVATE_API_CALLERS;
  const tests = allows.map(conditionsOf);
  if (tests.some((t) => t.length === 0 || !t.every(isSourceNetworkTest))) return PRIVATE_API_CALLERS;
  // Each value once, by how it is written: a parameter's every use is one value.
  const named = (key: string): Value[] => [...new Map(tests.flat().filter((c) => c.key.toLowerCase() === key).flatMap((c) => c.values).map((v) => [shortName(v), v] as const)).values()];
  const vpcs = named('aws:sourcevpc');
  const endpoints = named('aws:sourcevpce');
  if ([...vpcs, ...endpoints].some((v) => shortName(v) === undefined)) return PRIVATE_API_CALLERS;
  const places = [...placesText('in', 'VPC', vpcs), ...placesText('behind', 'endpoint', endpoints)];
  const only = vpcs.length + endpoints.length === 1 ? 'the only source' : 'the only sources';
  return `anyone ${places.join(' or ')} (${only} the private API's resource policy admits)`;
}

/**
 * `in VPCs vpc-1, AppVpc`, and `in the VPC parameter VpcId names` for each one a parameter without
 * a value gives (a placeholder such as `<VpcId>` would read as a name).
 */
function placesText(preposition: string, noun: string, values: readonly Value[]): string[] {
  const given = values.filter((v): v is ParameterValue => v instanceof ParameterValue);
  const names = values.filter((v) => !(v instanceof ParameterValue)).map((v) => shortName(v)!);
  return [
    ...(names.length > 0 ? [`${preposition} ${noun}${names.length === 1 ? '' : 's'} ${names.join(', ')}`] : []),
    ...given.map((p) => `${preposition} the ${noun} parameter ${p.parameterName} names`),
  ];
}

/** A VPC or endpoint as a message names it: its id, the resource that makes it, or the value it stands for; undefined for anything longer. */
function shortName(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof ResourceRef && v.attribute === undefined) return v.logicalId;
  return v instanceof Unknown ? v.label : undefined;
}

/** A test that the call comes from a VPC or an interface endpoint the condition names. */
function isSourceNetworkTest(c: ConditionTest): boolean {
  return POSITIVE.test(c.operator) && /^aws:sourcevpce?$/i.test(c.key) && c.values.length > 0;
}

/**
 * Whether a private REST API's resource policy lets calls through the given interface endpoint: an
 * Allow for invoking to everyone whose conditions are all on the source endpoint or VPC and name it
 * (or that has none), and no Deny that may refuse it (one to everyone whose conditions do not
 * clearly spare it: `StringNotEquals aws:SourceVpce` without it, or a condition the scan cannot
 * read). An Allow with any other condition is not taken as admitting it.
 */
export function privateApiAdmits(api: Api, endpoint: Resource): boolean {
  const invoking = (api.resourcePolicy?.statements ?? []).filter((s) => anyActionMatches(s.actions, INVOKE));
  const allowed = invoking.some((s) => s.effect === 'Allow' && namesEveryone(s) && conditionsOf(s).every((c) => endpointMeets(c, endpoint) === true));
  const refused = invoking.some((s) => s.effect === 'Deny' && namesEveryone(s) && conditionsOf(s).every((c) => endpointMeets(c, endpoint) !== false));
  return allowed && !refused;
}

interface ConditionTest {
  operator: string;
  key: string;
  values: Value[];
}

function conditionsOf(s: PolicyStatement): ConditionTest[] {
  return Object.entries(s.conditions ?? {}).flatMap(([operator, block]) => (isValueMap(block) ? Object.entries(block).map(([key, v]) => ({ operator, key, values: asArray(v) })) : [{ operator, key: '', values: [] }]));
}

const POSITIVE = /^String(Equals|Like)(IgnoreCase)?(IfExists)?$/;
const NEGATED = /^String(NotEquals|NotLike)(IgnoreCase)?(IfExists)?$/;

/** Whether a call through the endpoint meets the condition; undefined when the scan cannot tell. */
function endpointMeets(c: ConditionTest, endpoint: Resource): boolean | undefined {
  const named = namesEndpoint(c, endpoint);
  if (named === undefined) return undefined;
  if (POSITIVE.test(c.operator)) return named;
  if (NEGATED.test(c.operator)) return !named;
  return undefined;
}

/** Whether the condition's list names the endpoint (`aws:SourceVpce`) or its VPC (`aws:SourceVpc`). */
function namesEndpoint(c: ConditionTest, endpoint: Resource): boolean | undefined {
  const key = c.key.toLowerCase();
  if (key === 'aws:sourcevpce') return c.values.some((v) => referencedResource(v)?.target === endpoint.id) ? true : readable(c.values);
  if (key === 'aws:sourcevpc') return namesValue(c.values, endpoint.properties['VpcId']);
  return undefined;
}

/** False when every value is written out (none of them the endpoint), undefined when one is known only at deployment. */
function readable(values: readonly Value[]): false | undefined {
  return values.every((v) => typeof v === 'string') ? false : undefined;
}

/** Whether the list holds the same value: the same text, reference or template parameter. */
function namesValue(values: readonly Value[], wanted: Value | undefined): boolean | undefined {
  if (values.some((v) => sameWrittenValue(v, wanted))) return true;
  return typeof wanted === 'string' ? readable(values) : undefined;
}
