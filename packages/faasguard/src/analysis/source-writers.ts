/**
 * Who may put events into a resource that triggers a function: the resource's own policies and,
 * for buckets, ACLs and the public access block.
 */
import type { PolicyStatement, Resource } from '../model/app-model.js';
import type { SourceLocation } from '../model/location.js';
import { isValueMap } from '../model/value.js';
import { anyActionMatches } from '../iam/action-matches.js';
import { namesEveryone } from '../iam/everyone-principal.js';

/** The actions that make a source emit an event that invokes a function. */
export const WRITE_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  bucket: ['s3:PutObject'],
  topic: ['sns:Publish'],
  queue: ['sqs:SendMessage'],
  table: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteItem'],
  stream: ['kinesis:PutRecord', 'kinesis:PutRecords'],
  'state-machine': ['states:StartExecution', 'states:StartSyncExecution'],
};

/** What an outsider does to the source, for messages. */
export const WRITE_VERBS: Readonly<Record<string, string>> = {
  bucket: 'upload an object to',
  topic: 'publish a message to',
  queue: 'send a message to',
  table: 'write an item to',
  stream: 'put a record into',
  'state-machine': 'start an execution of',
};

export interface PublicWriteGrant {
  how: 'policy' | 'acl';
  loc: SourceLocation;
}

/** A way anyone on the internet can write into the resource, or undefined. */
export function publicWriteGrant(resource: Resource): PublicWriteGrant | undefined {
  const actions = WRITE_ACTIONS[resource.kind];
  if (!actions) return undefined;
  const pab = resource.publicAccessBlock;
  if (resource.kind === 'bucket' && resource.acl === 'PublicReadWrite' && !(pab?.ignorePublicAcls || pab?.blockPublicAcls)) {
    return { how: 'acl', loc: resource.loc };
  }
  if (resource.kind === 'bucket' && pab?.restrictPublicBuckets) return undefined;
  for (const doc of resource.policies) {
    const statement = doc.statements.find((s) => isPublicAllow(s) && anyActionMatches(s.actions, actions));
    if (statement) return { how: 'policy', loc: statement.loc };
  }
  return undefined;
}

/** Allow to everyone, with no condition that narrows who (source account, organization, VPC …). */
export function isPublicAllow(s: PolicyStatement): boolean {
  if (s.effect !== 'Allow') return false;
  if (!namesEveryone(s)) return false;
  return !narrowsCaller(s);
}

// `s3:DataAccessPoint*` hands access control to the account's access points (each with its own policy);
// `kms:CallerAccount` is how key policies name the account whose principals may use a key; the
// `aws:Vpce*` keys admit only requests through VPC endpoints of an account or organization.
// `aws:ResourceAccount` is not one: in a resource's own policy it names the resource's owner, always met.
const NARROWING_KEYS = /^(aws:(SourceAccount|SourceArn|SourceOwner|PrincipalOrgID|PrincipalAccount|PrincipalArn|SourceVpce?|SourceVpcArn|VpceAccount|VpceOrgID|VpceOrgPaths|SourceIp|userid|username|PrincipalOrgPaths)|s3:DataAccessPoint(Account|Arn)|kms:CallerAccount)$/i;

function narrowsCaller(s: PolicyStatement): boolean {
  if (!s.conditions) return false;
  return Object.values(s.conditions).some((block) => isValueMap(block) && Object.keys(block).some((k) => NARROWING_KEYS.test(k)));
}
