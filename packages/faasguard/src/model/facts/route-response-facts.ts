/**
 * What an `AWS::ApiGatewayV2::RouteResponse` says: which route sends its integration's answer back
 * to the caller (a WebSocket route is one-way without one).
 */
import type { Resource } from '../app-model.js';
import { referencedResource } from '../value.js';

export const ROUTE_RESPONSE_TYPE = 'AWS::ApiGatewayV2::RouteResponse';

/** Model id of the route a route response answers for; undefined for other resources or an unknown route. */
export function routeResponseRouteId(resource: Resource): string | undefined {
  if (resource.type !== ROUTE_RESPONSE_TYPE) return undefined;
  return referencedResource(resource.properties['RouteId'])?.target;
}
