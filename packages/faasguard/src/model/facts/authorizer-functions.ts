/**
 * Functions that API Gateway runs as Lambda authorizers: invoked with each request to a route that
 * names them (or once per cached identity), though no trigger of the model points at them.
 */
import type { AppModel, LambdaFunction } from '../app-model.js';

/** Ids of the authorizer functions, per model: rules ask for each of 10,000 functions. */
const cache = new WeakMap<AppModel, ReadonlySet<string>>();

/** Whether an API of the model names the function as a Lambda authorizer. */
export function isApiAuthorizer(fn: LambdaFunction, model: AppModel): boolean {
  let ids = cache.get(model);
  if (ids === undefined) cache.set(model, (ids = authorizerFunctionIds(model)));
  return ids.has(fn.id);
}

function authorizerFunctionIds(model: AppModel): Set<string> {
  const ids = new Set<string>();
  for (const api of model.apis) for (const a of api.authorizers) if (a.functionId !== undefined) ids.add(a.functionId);
  return ids;
}
