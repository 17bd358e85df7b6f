/**
 * How fast API Gateway lets requests through to a REST route: on every stage of its API, the
 * throttling of the stage's method settings for the route's method and resource, else of those for
 * every method (`*` `/*`). A route without a known limit on one of the stages has none.
 */
import type { Api, ApiStage, Route, StageMethodSetting } from '../../model/app-model.js';
import { asNumber } from '../../model/value.js';
import { settingsForRoute } from '../../model/facts/route-method-settings.js';

/** The loosest limit over the API's stages. */
export interface RouteThrottle {
  /** Requests a second */
  rate: number;
  /** Requests let through at once, above the rate */
  burst: number;
}

export function routeThrottle(route: Route, api: Api): RouteThrottle | undefined {
  // HTTP API stages can set limits per route (`RouteSettings`), which the model does not keep.
  if (api.protocol !== 'rest' || api.definedElsewhere !== undefined || api.stages.length === 0) return undefined;
  let loosest: RouteThrottle | undefined;
  for (const stage of api.stages) {
    const limit = stageLimit(stage, route);
    if (!limit) return undefined;
    loosest = { rate: Math.max(limit.rate, loosest?.rate ?? 0), burst: Math.max(limit.burst, loosest?.burst ?? 0) };
  }
  return loosest;
}

/**
 * A method's own settings replace the stage's for it: when it has some, only their throttling
 * counts (without any, it is not known to be limited).
 */
function stageLimit(stage: ApiStage, route: Route): RouteThrottle | undefined {
  const applying = settingsForRoute(stage, route);
  const limits = applying.flatMap((s) => limitOf(s) ?? []);
  if (limits.length === 0 || limits.length < applying.filter((s) => s.throttling).length) return undefined;
  return { rate: Math.max(...limits.map((l) => l.rate)), burst: Math.max(...limits.map((l) => l.burst)) };
}

/** Both limits written as numbers; API Gateway reads a negative one as no limit. */
function limitOf(s: StageMethodSetting): RouteThrottle | undefined {
  const rate = asNumber(s.throttling?.rateLimit);
  const burst = asNumber(s.throttling?.burstLimit);
  if (rate === undefined || burst === undefined || rate < 0 || burst < 0) return undefined;
  return { rate, burst };
}
