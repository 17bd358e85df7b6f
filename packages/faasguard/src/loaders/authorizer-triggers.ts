/**
 * Lambda authorizers as entry points: API Gateway invokes an authorizer's function with each request
 * to a route that names it (or once per identity it caches), whoever sends it and whatever it
 * carries. Each Lambda authorizer of the model that names a function of the model becomes a trigger
 * of that function, once every format has loaded, since an API and the routes that use its
 * authorizers may come from different templates.
 */
import type { Authorizer, TriggerKind } from '../model/app-model.js';
import type { ModelBuilder } from './model-builder.js';

export function addAuthorizerTriggers(builder: ModelBuilder): void {
  for (const api of builder.model.apis) {
    for (const authorizer of api.authorizers) {
      if (authorizer.type !== 'lambda' || authorizer.functionId === undefined || !builder.function(authorizer.functionId)) continue;
      builder.addTrigger({
        id: `${api.id}#authorizer/${authorizer.name}`,
        kind: authorizerKind(authorizer),
        functionId: authorizer.functionId,
        sourceId: api.id,
        asynchronous: false,
        details: { authorizer: authorizer.name },
        loc: authorizer.loc,
      });
    }
  }
}

/** A `TOKEN` authorizer is sent the token alone; one whose payload is not known, the request (the wider of the two). */
function authorizerKind(authorizer: Authorizer): TriggerKind {
  return authorizer.payload === 'token' ? 'apigw-authorizer-token' : 'apigw-authorizer-request';
}
