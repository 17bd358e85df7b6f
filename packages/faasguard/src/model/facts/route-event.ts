/**
 * What a function's event holds when an API route invokes it. A proxy integration (SAM `Api` and
 * `HttpApi` events, `aws_proxy`, every HTTP API) passes the whole request: its line, headers, the
 * caller's identity and address, the body. A REST API's custom integration (`type: aws`) passes the
 * request's body alone, unless request templates make the event from the request (and then they
 * choose what it holds: the body, headers, the caller's address …).
 */
import type { Route, Trigger } from '../app-model.js';
import type { ModelIndex } from '../model-index.js';
import { isApiTrigger } from '../trigger-kind.js';

/** `empty`: a custom integration without templates on a method whose requests carry no body. */
export type RouteEvent = 'request' | 'body' | 'templated' | 'empty';

/** Methods whose requests carry no body (RFC 9110: a body on them has no defined meaning). */
const BODILESS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function routeEvent(route: Route | undefined): RouteEvent {
  const i = route?.integration;
  if (!route || i?.kind !== 'lambda' || i.proxy !== false) return 'request';
  if (i.requestTemplates) return 'templated';
  return BODILESS.has(route.method) ? 'empty' : 'body';
}

/** What the trigger's events hold, for an API route; undefined for other triggers. */
export function triggerRouteEvent(t: Trigger, index: ModelIndex): RouteEvent | undefined {
  return isApiTrigger(t.kind) ? routeEvent(index.route(t.routeId)) : undefined;
}
