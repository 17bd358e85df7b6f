/**
 * Whether the security groups of a resource (a load balancer) admit the whole internet on a port:
 * an inbound rule of one of its groups, written in the group or as a standalone
 * `AWS::EC2::SecurityGroupIngress` naming it, from `0.0.0.0/0` or `::/0` that covers the port (any
 * port when the port is not known). A resource that names no group of the model is not known to
 * admit it: a load balancer without groups gets its VPC's default group, which admits only itself.
 */
import type { Resource } from '../app-model.js';
import type { ModelIndex } from '../model-index.js';
import { asArray, referencedResource } from '../value.js';
import { ANYWHERE, INGRESS_RULE_TYPE, SECURITY_GROUP_TYPE, ingressRules, type IngressRule } from './security-group-ingress.js';

export function admitsInternet(resource: Resource, port: number | undefined, index: ModelIndex): boolean {
  const groups = asArray(resource.properties['SecurityGroups'])
    .map((g) => index.resource(referencedResource(g)?.target))
    .filter((g): g is Resource => g?.type === SECURITY_GROUP_TYPE);
  return groups.some((g) => inboundRules(g, index).some((rule) => opensToAnywhere(rule, port)));
}

/** A group's own rules and the standalone ones that name it. */
function inboundRules(group: Resource, index: ModelIndex): IngressRule[] {
  const standalone = index.resourcesOfType(INGRESS_RULE_TYPE).filter((r) => referencedResource(r.properties['GroupId'])?.target === group.id);
  return [...ingressRules(group), ...standalone.flatMap(ingressRules)];
}

function opensToAnywhere(rule: IngressRule, port: number | undefined): boolean {
  if (rule.protocol === 'udp' || !rule.cidrs.some((c) => ANYWHERE.has(c))) return false;
  return rule.ports === undefined || port === undefined || (rule.ports.from <= port && port <= rule.ports.to);
}
