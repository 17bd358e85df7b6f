/**
 * Whether a private REST API is kept off the internet. It is reached only through interface
 * endpoints of `execute-api` that its resource policy admits, unless an internet-facing load
 * balancer forwards to such an endpoint's addresses (`model/facts/load-balancer-endpoint-targets.ts`):
 * API Gateway then picks the API by the request's `Host` (or `x-apigw-api-id`) header, which any
 * caller of the load balancer sets, and the API is as public as one that is not private.
 */
import type { Api, AppModel, Resource } from '../model/app-model.js';
import { endpointFronts, type EndpointFront } from '../model/facts/load-balancer-endpoint-targets.js';
import { display } from '../model/value.js';
import { privateApiAdmits } from './api-policy-callers.js';
import { nameOf } from '../rules/subject.js';

/** The internet-facing load balancer through which the internet reaches a private API, if one does. */
export function internetFrontOf(api: Api | undefined, model: AppModel): EndpointFront | undefined {
  if (api?.endpointType !== 'PRIVATE') return undefined;
  return endpointFronts(model).find((f) => servesApis(f.endpoint) && privateApiAdmits(api, f.endpoint));
}

/** A private API that no load balancer brings the internet to: its callers are held back by the network. */
export function heldBackByPrivateNetwork(api: Api | undefined, model: AppModel): boolean {
  return api?.endpointType === 'PRIVATE' && internetFrontOf(api, model) === undefined;
}

/** `the internet-facing load balancer PublicNlb forwards to VPC endpoint ApiEndpoint` */
export function frontText(front: EndpointFront): string {
  return `the internet-facing load balancer ${nameOf(front.loadBalancer)} forwards to VPC endpoint ${nameOf(front.endpoint)}`;
}

/** `anyone on the internet through the internet-facing load balancer PublicNlb in front of VPC endpoint ApiEndpoint` */
export function internetCallersThrough(front: EndpointFront): string {
  return `anyone on the internet through the internet-facing load balancer ${nameOf(front.loadBalancer)} in front of VPC endpoint ${nameOf(front.endpoint)}`;
}

function servesApis(endpoint: Resource): boolean {
  return display(endpoint.properties['ServiceName']).endsWith('.execute-api');
}
