/**
 * Functions that API Gateway runs as Lambda authorizers: invoked with each request to a route that
 * names them (or once per cached identity), though no trigger of the model points at them.
 */
import type { AppModel, LambdaFunction } from '../app-model.js';

/** Whether an API of the model names the function as a Lambda authorizer. */
export function isApiAuthorizer(fn: LambdaFunction, model: AppModel): boolean {
  return model.apis.some((a) => a.authorizers.some((z) => z.functionId === fn.id));
}
