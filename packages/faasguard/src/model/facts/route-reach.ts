/**
 * Routes whose requests reach nothing behind API Gateway: a mock integration answers from the
 * API's own configuration, and a custom integration that passes no content type through
 * (`PassthroughBehavior: NEVER` without a request template) refuses every request with 415. Rules
 * that speak of what callers reach, flood or inject into leave them out, or say so.
 */
import type { Route } from '../app-model.js';

export function reachesNothing(route: Route): boolean {
  return route.integration?.kind === 'mock' || route.integration?.rejectsEveryRequest === true;
}
