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
import type { Api, PolicyStatement } from '../model/app-model.js';
import type { SourceLocation } from '../model/location.js';
import { isValueMap } from '../model/value.js';
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
  return { admits: `only ${kindsOf(allows)} it names`, loc: allows[0]!.loc };
}

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
