/**
 * SAM's `Auth.ResourcePolicy` of a REST API into the statements SAM writes into the API's policy
 * (`x-amazon-apigateway-policy`): `CustomStatements` as written; account lists as an Allow
 * (`AwsAccountWhitelist`) or a Deny (`AwsAccountBlacklist`) for those principals; IP ranges and
 * VPCs or endpoints as an Allow for everyone with a Deny outside a whitelist (`NotIpAddress`,
 * `StringNotEquals`) or inside a blacklist (`IpAddress`, `StringEquals`).
 */
import type { PolicyDocument, PolicyStatement } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { asArray, isValueMap, type Value, type ValueMap } from '../../model/value.js';
import { get, getEntry, type TNode } from '../../parse/tree.js';
import type { Evaluator } from '../cloudformation/intrinsics.js';
import { loadPolicyDocument } from '../cloudformation/policy-document.js';
import { plainStatement } from '../cloudformation/plain-policy.js';

const INVOKE = 'execute-api:Invoke';
const EVERY_METHOD = 'execute-api:/*';

export function samApiResourcePolicy(node: TNode, ev: Evaluator): PolicyDocument {
  const custom = get(node, 'CustomStatements');
  const written = custom ? loadPolicyDocument({ kind: 'map', entries: [{ key: 'Statement', keyLoc: node.loc, value: custom }], loc: node.loc }, ev, node.loc) : undefined;
  const v = ev.value(node);
  const shorthand = isValueMap(v) ? generated(v, (key) => getEntry(node, key)?.keyLoc ?? node.loc) : [];
  return { statements: [...(written?.statements ?? []), ...shorthand], loc: node.loc };
}

function generated(p: ValueMap, locOf: (key: string) => SourceLocation): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  const listed = (key: string): Value[] => (p[key] === undefined ? [] : asArray(p[key]));
  if (listed('AwsAccountWhitelist').length > 0) out.push(statement({ Effect: 'Allow', Principal: { AWS: listed('AwsAccountWhitelist') } }, locOf('AwsAccountWhitelist')));
  if (listed('AwsAccountBlacklist').length > 0) out.push(statement({ Effect: 'Deny', Principal: { AWS: listed('AwsAccountBlacklist') } }, locOf('AwsAccountBlacklist')));
  for (const [key, operator] of [['IpRangeWhitelist', 'NotIpAddress'], ['IpRangeBlacklist', 'IpAddress']] as const) {
    if (listed(key).length > 0) out.push(...everyoneBut(operator, { 'aws:SourceIp': listed(key) }, locOf(key)));
  }
  for (const [suffix, operator] of [['Whitelist', 'StringNotEquals'], ['Blacklist', 'StringEquals']] as const) {
    const endpoints = vpcCondition(listed(`SourceVpc${suffix}`), listed(`IntrinsicVpc${suffix}`), listed(`IntrinsicVpce${suffix}`));
    const key = [`SourceVpc${suffix}`, `IntrinsicVpc${suffix}`, `IntrinsicVpce${suffix}`].find((k) => p[k] !== undefined);
    if (key && Object.keys(endpoints).length > 0) out.push(...everyoneBut(operator, endpoints, locOf(key)));
  }
  return out;
}

/** An Allow for everyone, and a Deny for everyone under `operator` on `condition`. */
function everyoneBut(operator: string, condition: ValueMap, loc: SourceLocation): PolicyStatement[] {
  return [statement({ Effect: 'Allow', Principal: '*' }, loc), statement({ Effect: 'Deny', Principal: '*', Condition: { [operator]: condition } }, loc)];
}

/** `SourceVpcWhitelist` names VPCs (`vpc-…`) and endpoints (`vpce-…`) alike; the intrinsic lists one kind each. */
function vpcCondition(named: Value[], vpcs: Value[], endpoints: Value[]): ValueMap {
  const text = named.filter((x): x is string => typeof x === 'string');
  const vpc = [...text.filter((x) => x.startsWith('vpc-')), ...vpcs];
  const vpce = [...text.filter((x) => x.startsWith('vpce-')), ...endpoints];
  return { ...(vpc.length > 0 ? { 'aws:SourceVpc': vpc } : {}), ...(vpce.length > 0 ? { 'aws:SourceVpce': vpce } : {}) };
}

function statement(fields: ValueMap, loc: SourceLocation): PolicyStatement {
  return plainStatement({ Action: INVOKE, Resource: EVERY_METHOD, ...fields }, loc);
}
