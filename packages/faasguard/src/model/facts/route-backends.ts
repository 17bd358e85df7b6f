/**
 * What an API's routes hand requests to: functions (a route that names one, a Lambda integration,
 * an integration of unknown kind), AWS services called directly (`sqs`, `events`, `dynamodb` …, as
 * the integration names them), HTTP backends, or a backend the scan does not know (a method whose
 * integration is not in the template: made by a command run at deployment, or by another stack).
 * Rules that say what a flood of requests reaches name these, not functions an API does not have.
 */
import type { Route } from '../app-model.js';

export interface RouteBackends {
  /** Some route may invoke a function */
  functions: boolean;
  /** Exactly one function is invoked, and the model knows it: every route that may invoke one names the same */
  oneFunction: boolean;
  /** Services the routes call directly, sorted */
  services: string[];
  /** Some route proxies to an HTTP backend */
  http: boolean;
  /** Every route that proxies to an HTTP backend names the same one of the model (a load balancer, an instance) */
  oneHttpBackend: boolean;
  /** Some route names neither a function nor an integration */
  undeclared: boolean;
}

export function routeBackends(routes: readonly Route[]): RouteBackends {
  const invoking = routes.filter((r) => r.functionId !== undefined || r.integration?.kind === 'lambda' || r.integration?.kind === 'unknown');
  const ids = new Set(invoking.map((r) => r.functionId));
  const oneFunction = ids.size === 1 && !ids.has(undefined);
  const services = [...new Set(routes.map((r) => r.integration?.service).filter((s): s is string => s !== undefined))].sort();
  const undeclared = routes.some((r) => r.functionId === undefined && r.integration === undefined);
  const http = routes.filter((r) => r.integration?.kind === 'http');
  const httpTargets = new Set(http.map((r) => r.integration?.targetId));
  const oneHttpBackend = httpTargets.size === 1 && !httpTargets.has(undefined);
  return { functions: invoking.length > 0, oneFunction, services, http: http.length > 0, oneHttpBackend, undeclared };
}
