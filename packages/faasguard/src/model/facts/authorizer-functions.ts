/**
 * Functions that API Gateway runs as Lambda authorizers: invoked with each request to a route that
 * names them (or once per cached identity), though no trigger of the model points at them.
 */
import type { Api, AppModel, Authorizer, LambdaFunction } from '../app-model.js';

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

/**
 * Whether every API authorizer that names the function sends it the caller's token alone (`TOKEN`):
 * its event holds `authorizationToken` and the method's ARN, no headers, cookies or body.
 */
export function authorizesWithTokenOnly(fn: LambdaFunction, model: AppModel): boolean {
  const naming = authorizersOf(fn, model);
  return naming.length > 0 && naming.every(({ authorizer }) => authorizer.payload === 'token');
}

/** The API authorizers that name the function, with their APIs. */
export function authorizersOf(fn: LambdaFunction, model: AppModel): Array<{ api: Api; authorizer: Authorizer }> {
  if (!isApiAuthorizer(fn, model)) return [];
  return model.apis.flatMap((api) => api.authorizers.filter((a) => a.functionId === fn.id).map((authorizer) => ({ api, authorizer })));
}
