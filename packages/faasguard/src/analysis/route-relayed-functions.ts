/**
 * The functions an API route runs without invoking one itself: its AWS service integration writes
 * to a queue, topic, stream or table, or starts a state machine, and each request then runs what
 * that source triggers. Read from the exposure paths, which follow those integrations
 * (`serviceIntegrationPaths` in `exposure.ts`: a path through a route's integration goes `via`
 * `<route id>-><trigger id>`).
 */
import type { AppModel, LambdaFunction } from '../model/app-model.js';
import { ModelIndex } from '../model/model-index.js';
import { pushTo } from '../util/multimap.js';
import { computeExposure } from './exposure.js';

/** By route id, the functions its integration's target triggers, in model order. */
export function routeRelayedFunctions(model: AppModel): Map<string, LambdaFunction[]> {
  const index = ModelIndex.of(model);
  const exposure = computeExposure(model);
  const out = new Map<string, LambdaFunction[]>();
  for (const fn of model.functions) {
    const routes = new Set((exposure.get(fn.id)?.paths ?? []).map((p) => p.via.split('->')[0]!).filter((id) => index.route(id) !== undefined));
    for (const id of routes) pushTo(out, id, fn);
  }
  return out;
}
