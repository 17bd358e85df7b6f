/**
 * A WebSocket API authorizes a client once, on its `$connect` route: its other routes take no
 * authorization of their own, and only a connection `$connect` admitted reaches them. Who can call
 * such a route is who can connect.
 */
import type { Api, Route } from './app-model.js';
import type { ModelIndex } from './model-index.js';

export const CONNECT_ROUTE = '$connect';

/**
 * The `$connect` route that admits the callers of a WebSocket API's other route; undefined for
 * `$connect` itself, for other APIs, and when the model has no `$connect` (then the route is as open
 * as it looks).
 */
export function connectionGate(route: Route, api: Api | undefined, index: ModelIndex): Route | undefined {
  if (api?.protocol !== 'websocket' || route.path === CONNECT_ROUTE) return undefined;
  return index.routesOf(api).find((r) => r.path === CONNECT_ROUTE);
}
