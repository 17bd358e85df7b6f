/**
 * What accepts connections through each security group of the model: the resources that name it
 * (instances, databases, brokers, mount targets, load balancers, the ECS tasks of a service or
 * schedule), found by reference anywhere in their properties. The group's own rules and other
 * groups' rules name it without being attached to it, and functions are left out: a Lambda function
 * in a VPC accepts no inbound connection, so its group's inbound rules open nothing to it.
 */
import type { AppModel, Resource } from '../app-model.js';
import { ModelIndex } from '../model-index.js';
import { pushTo } from '../../util/multimap.js';
import { isValueMap, referencedResource, type Value } from '../value.js';
import { INGRESS_RULE_TYPE, SECURITY_GROUP_TYPE } from './security-group-ingress.js';

const FUNCTION_TYPES: ReadonlySet<string> = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

const GROUP_RULE_TYPES: ReadonlySet<string> = new Set([SECURITY_GROUP_TYPE, INGRESS_RULE_TYPE, 'AWS::EC2::SecurityGroupEgress']);

/** How deep in a resource's properties a reference is looked for. */
const MAX_DEPTH = 20;

/** By security group id, the resources that accept connections through it, in model order; a group nothing listens behind has no entry. */
export function securityGroupListeners(model: AppModel): Map<string, Resource[]> {
  const groups = new Set(ModelIndex.of(model).resourcesOfType(SECURITY_GROUP_TYPE).map((g) => g.id));
  const listeners = new Map<string, Resource[]>();
  if (groups.size === 0) return listeners;
  for (const r of model.resources) {
    if (GROUP_RULE_TYPES.has(r.type) || FUNCTION_TYPES.has(r.type)) continue;
    for (const id of referencedGroups(r.properties, groups, new Set(), 0)) pushTo(listeners, id, r);
  }
  return listeners;
}

function referencedGroups(v: Value | undefined, groups: ReadonlySet<string>, out: Set<string>, depth: number): Set<string> {
  if (v === undefined || depth > MAX_DEPTH) return out;
  const target = referencedResource(v)?.target;
  if (target !== undefined && groups.has(target)) out.add(target);
  if (Array.isArray(v)) for (const x of v) referencedGroups(x, groups, out, depth + 1);
  else if (isValueMap(v)) for (const x of Object.values(v)) referencedGroups(x, groups, out, depth + 1);
  return out;
}
