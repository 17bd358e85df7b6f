/**
 * Routes anyone on the internet can call: no authorization, no API key, on an API that is not
 * private (or is, behind an internet-facing load balancer: `private-api-fronts.ts`) and whose
 * resource policy admits every caller (see `api-policy-callers.ts`), and that is not reached only
 * through custom domains asking for a client certificate (`certificate-gate.ts`). The same judgement as the
 * exposure analysis makes of routes, at the level of an API.
 * A mock integration answers from API Gateway itself: nothing behind it can be flooded or billed
 * beyond the request, so it is not counted.
 */
import type { Api, AppModel, Route } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { apiPolicyNarrowing } from '../../analysis/api-policy-callers.js';
import { heldBackByPrivateNetwork } from '../../analysis/private-api-fronts.js';
import { certificateGate } from '../../analysis/certificate-gate.js';
import { connectionGate } from '../../model/connection-gate.js';
import { reachesNothing } from '../../model/facts/route-reach.js';

export function isOpenRoute(route: Route, api: Api, model: AppModel): boolean {
  return route.auth.type === 'none' && !route.auth.apiKeyRequired && !heldBackByPrivateNetwork(api, model) && apiPolicyNarrowing(api) === undefined && certificateGate(api, model) === undefined;
}

/** A WebSocket API's route other than `$connect` is as open as `$connect`, which admits its connections (`connection-gate.ts`). */
export function openRoutes(model: AppModel, api: Api): Route[] {
  const index = ModelIndex.of(model);
  return index.routesOf(api).filter((r) => isOpenRoute(connectionGate(r, api, index) ?? r, api, model) && !reachesNothing(r));
}
