/**
 * The method settings of a REST stage that apply to a route: the route's own (its method and
 * resource), which replace the stage's for it, else those for every method (`*` `/*`).
 */
import type { ApiStage, Route, StageMethodSetting } from '../app-model.js';
import { asString } from '../value.js';
import { settingResource } from './method-setting-resource.js';

export function settingsForRoute(stage: ApiStage, route: Route): StageMethodSetting[] {
  const settings = stage.methodSettings ?? [];
  const own = settings.filter((s) => methodOf(s) === route.method.toUpperCase() && resourceOf(s) === route.path);
  return own.length > 0 ? own : settings.filter((s) => methodOf(s) === '*' && resourceOf(s) === '/*');
}

function methodOf(s: StageMethodSetting): string | undefined {
  return asString(s.httpMethod)?.toUpperCase();
}

function resourceOf(s: StageMethodSetting): string | undefined {
  const path = asString(s.resourcePath);
  return path === undefined ? undefined : settingResource(path);
}
