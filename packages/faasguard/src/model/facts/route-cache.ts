/**
 * Whether a stage's cache answers every call of a REST route, so that calls reach its integration
 * at most once per time to live, whoever sends them: on every stage of its API the cache cluster is
 * on and the method settings that apply to the route cache it (`CachingEnabled`, a time to live
 * above 0; 300 s when not set); the route is a `GET`, what API Gateway caches; its path has no
 * parameters and its integration names no cache keys, so that every caller gets the one answer
 * kept. A caller cannot make the cache pass a request on (`Cache-Control: max-age=0`) without
 * authorization, which API Gateway requires by default.
 */
import type { Api, ApiStage, Route } from '../app-model.js';
import { asBoolean, asNumber } from '../value.js';
import { settingsForRoute } from './route-method-settings.js';

/** API Gateway's time to live for a method that caches without setting one. */
const DEFAULT_TTL_SECONDS = 300;

export function answeredFromCache(route: Route, api: Api | undefined): boolean {
  if (api?.protocol !== 'rest' || api.definedElsewhere !== undefined || api.stages.length === 0) return false;
  if (route.method !== 'GET' || route.path.includes('{') || route.cacheKeyed !== false) return false;
  return api.stages.every((stage) => stageCaches(stage, route));
}

function stageCaches(stage: ApiStage, route: Route): boolean {
  if (asBoolean(stage.cacheClusterEnabled) !== true) return false;
  const applying = settingsForRoute(stage, route);
  return applying.length > 0 && applying.every((s) => asBoolean(s.cachingEnabled) === true && (s.cacheTtlInSeconds === undefined ? DEFAULT_TTL_SECONDS : asNumber(s.cacheTtlInSeconds) ?? 0) > 0);
}
