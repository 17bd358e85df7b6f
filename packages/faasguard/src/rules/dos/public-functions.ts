/**
 * The functions anyone on the internet can make run, as the exposure analysis sees them: the ones
 * denial-of-service and monitoring rules care most about, since an attacker sets their load. A
 * route whose stages' cache answers every call (`answeredFromCache`) runs its function once per
 * time to live, whatever the callers send: it sets no load, and is not counted here.
 */
import { computeExposure } from '../../analysis/exposure.js';
import type { EntryPath } from '../../analysis/exposure-types.js';
import type { AppModel, LambdaFunction } from '../../model/app-model.js';
import type { RelatedLocation } from '../../findings/finding.js';
import { ModelIndex } from '../../model/model-index.js';
import { answeredFromCache } from '../../model/facts/route-cache.js';

/** A public function and its public ways in. */
export interface PublicFunction {
  fn: LambdaFunction;
  paths: EntryPath[];
}

export function publicFunctions(model: AppModel): PublicFunction[] {
  const exposure = computeExposure(model);
  const index = ModelIndex.of(model);
  const out: PublicFunction[] = [];
  for (const fn of model.functions) {
    const e = exposure.get(fn.id);
    if (e?.level !== 'public') continue;
    const triggers = new Map(index.triggersOf(fn).map((t) => [t.id, t]));
    const cached = (p: EntryPath): boolean => {
      const route = index.route(triggers.get(p.via)?.routeId);
      return route !== undefined && answeredFromCache(route, index.api(route.apiId));
    };
    const paths = e.paths.filter((p) => p.level === 'public' && !cached(p));
    if (paths.length > 0) out.push({ fn, paths });
  }
  return out;
}

/** How a finding says why the function is public: its first public path. */
export function exposureText(pf: PublicFunction): string {
  const first = pf.paths[0];
  return first ? first.description : 'it is publicly reachable';
}

/** The steps of the public paths, for a finding's related locations; a step that paths share is listed once. */
export function exposureSteps(pf: PublicFunction): RelatedLocation[] {
  const seen = new Set<string>();
  const out: RelatedLocation[] = [];
  for (const s of pf.paths.flatMap((p) => p.steps)) {
    const key = `${s.loc.file}:${s.loc.line}:${s.loc.column}\u0000${s.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ loc: s.loc, message: s.message });
  }
  return out;
}
