/**
 * Interface VPC endpoints that an internet-facing load balancer (Application or Network) passes
 * traffic to: a target group of type `ip` whose targets are the endpoint's addresses. A template
 * cannot write those addresses, since AWS gives them at deployment; it reads them from a custom
 * resource handed the endpoint (its `NetworkInterfaceIds`), whose function looks them up. So a
 * target read from a custom resource that is given one endpoint of the template, and nothing else
 * of it, is taken as that endpoint's (Terraform reads them through a `data "aws_network_interface"`,
 * which its loader gives as the endpoint's `NetworkInterfaceIds`). Anyone who reaches the load
 * balancer then reaches what the endpoint serves: for an `execute-api` endpoint, every private API
 * that admits it.
 */
import type { AppModel, Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { isCustomResourceType } from '../custom-resource-type.js';
import { ModelIndex } from '../model-index.js';
import { asArray, asString, isValueMap, referencedResource, referencesWithin } from '../value.js';
import { forwardingListeners, type ForwardingListener } from './load-balancer-listeners.js';

export const VPC_ENDPOINT_TYPE = 'AWS::EC2::VPCEndpoint';

/** An endpoint the internet reaches through a load balancer, and how. */
export interface EndpointFront {
  endpoint: Resource;
  loadBalancer: Resource;
  listener: Resource;
  targetGroup: Resource;
  /** Where the listener forwards to the target group */
  loc: SourceLocation;
}

const FRONTS = new WeakMap<AppModel, EndpointFront[]>();

/** Every endpoint an internet-facing load balancer of the model forwards to, once per listener and endpoint. */
export function endpointFronts(model: AppModel): EndpointFront[] {
  let fronts = FRONTS.get(model);
  if (!fronts) FRONTS.set(model, (fronts = frontsOf(model)));
  return fronts;
}

function frontsOf(model: AppModel): EndpointFront[] {
  const index = ModelIndex.of(model);
  const out: EndpointFront[] = [];
  for (const listener of forwardingListeners(model, ['application', 'network'])) out.push(...listenerFronts(listener, index, out));
  return out;
}

function listenerFronts(l: ForwardingListener, index: ModelIndex, seen: readonly EndpointFront[]): EndpointFront[] {
  const out: EndpointFront[] = [];
  for (const forward of l.forwards) {
    for (const targetGroup of forward.targetGroups) {
      for (const endpoint of endpointTargets(targetGroup, index)) {
        const known = [...seen, ...out].some((f) => f.listener === l.listener && f.endpoint === endpoint);
        if (!known) out.push({ endpoint, loadBalancer: l.loadBalancer, listener: l.listener, targetGroup, loc: forward.loc });
      }
    }
  }
  return out;
}

/** The endpoints whose addresses an `ip` target group registers. */
function endpointTargets(group: Resource, index: ModelIndex): Resource[] {
  if (asString(group.properties['TargetType'])?.toLowerCase() !== 'ip') return [];
  const endpoints = new Set<Resource>();
  for (const target of asArray(group.properties['Targets'])) {
    const source = index.resource(isValueMap(target) ? referencedResource(target['Id'])?.target : undefined);
    const endpoint = source ? endpointBehind(source, index) : undefined;
    if (endpoint) endpoints.add(endpoint);
  }
  return [...endpoints];
}

/** The endpoint itself, or the one endpoint a custom resource is handed (the `ServiceToken` aside). */
function endpointBehind(source: Resource, index: ModelIndex): Resource | undefined {
  if (source.type === VPC_ENDPOINT_TYPE) return source;
  if (!isCustomResourceType(source.type)) return undefined;
  const given = Object.entries(source.properties).filter(([key]) => key !== 'ServiceToken').map(([, v]) => v);
  const referenced = new Set(referencesWithin(given).map((r) => index.resource(r.target)).filter((r): r is Resource => r !== undefined));
  const endpoints = [...referenced].filter((r) => r.type === VPC_ENDPOINT_TYPE);
  return endpoints.length === 1 && referenced.size === 1 ? endpoints[0] : undefined;
}
