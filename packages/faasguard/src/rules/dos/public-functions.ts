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
import { display } from '../../model/value.js';
import { nameOf } from '../subject.js';
import { sourceWords } from '../source-words.js';

/** A public function and its public ways in. */
export interface PublicFunction {
  fn: LambdaFunction;
  paths: EntryPath[];
}

/**
 * Functions the internet reaches, with their public ways in. A Lambda@Edge association is left
 * out: CloudFront runs replicas of the function in the Regions near its viewers, whose concurrency,
 * metrics and logs are those Regions', so the function's own settings and alarms (in the Region
 * it is made in) do not govern those runs.
 */
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
    const paths = e.paths.filter((p) => p.level === 'public' && !cached(p) && triggers.get(p.via)?.kind !== 'cloudfront');
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

/**
 * Where every public way in is an invoke permission for an AWS service that names no source (no
 * `SourceArn`, `SourceAccount` or organization), the permission is the root of it: naming the
 * resource meant to invoke the function closes the way, which fixes a finding on a public function
 * at its cause (`lambda-permission-service-without-source` reports the permission). Ways in that
 * are not public (an authorizer's routes) stay, so the text says what closes, not that the
 * function is then private.
 */
export function unscopedPermissionText(pf: PublicFunction, model: AppModel): string {
  // The function's own permissions: a map of the model's would be made again for each of 10,000 functions.
  const byId = new Map(ModelIndex.of(model).permissionsOf(pf.fn).map((p) => [p.id, p]));
  const permissions = pf.paths.map((p) => byId.get(p.via));
  if (permissions.length === 0 || permissions.some((p) => p === undefined || !SERVICE_PRINCIPAL.test(display(p.principal)))) return '';
  const names = [...new Set(permissions.map((p) => nameOf(p!)))];
  const terraform = sourceWords(pf.fn.loc.file).terraform;
  const setting = terraform ? 'a source_arn (and source_account)' : 'a SourceArn (and SourceAccount)';
  const them = names.length === 1 ? `permission ${names[0]}, which names no source: giving it` : `permissions ${names.join(', ')}, which name no source: giving them`;
  return ` It is public only through ${them} ${setting} of the resource meant to invoke it closes that way in.`;
}

const SERVICE_PRINCIPAL = /\.amazonaws\.com(\.cn)?$/;
