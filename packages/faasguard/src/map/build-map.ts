/**
 * Builds the attack-surface map from the model and the exposure analysis.
 */
import { computeExposure } from '../analysis/exposure.js';
import type { ExposureLevel, FunctionExposure } from '../analysis/exposure-types.js';
import { publicWriteGrant } from '../analysis/source-writers.js';
import type { AppModel, LambdaFunction, Trigger } from '../model/app-model.js';
import type { SourceLocation } from '../model/location.js';
import { ModelIndex } from '../model/model-index.js';
import { routeAuthText } from '../model/route-auth-text.js';
import { qualifierText, urlOfTrigger } from '../model/facts/function-urls.js';
import { display, referencedResource, type Value } from '../model/value.js';
import { nameOf } from '../rules/subject.js';
import type { AttackSurfaceMap, MapEdge, MapFunction, MapLocation, MapReach } from './attack-surface-types.js';
import { routeName } from '../model/route-name.js';
import { isApiTrigger } from '../model/trigger-kind.js';
import { triggerDetail } from '../model/facts/trigger-details.js';


export const EVERY_RESOURCE = '*';
/** The `kind` of a map resource outside the scanned templates (its id is the ARN text). */
export const EXTERNAL_KIND = 'external';
const noLocation = (): MapLocation => ({ file: '', line: 0, column: 0 });

export function buildAttackSurfaceMap(model: AppModel): AttackSurfaceMap {
  const index = ModelIndex.of(model);
  const exposure = computeExposure(model);
  const map: AttackSurfaceMap = { schemaVersion: '1.0.0', entryPoints: [], functions: [], resources: [], edges: [] };
  const used = new Set<string>();
  for (const fn of model.functions) map.functions.push(mapFunction(fn, exposure.get(fn.id)!, index, used));
  for (const t of model.triggers) addTrigger(map, t, index, exposure, used);
  for (const p of model.permissions) {
    const path = p.functionId ? exposure.get(p.functionId)?.paths.find((x) => x.via === p.id) : undefined;
    if (!path || !p.functionId) continue;
    map.entryPoints.push({ id: p.id, kind: 'permission', label: `permission ${nameOf(p)}`, exposure: path.level, detail: `Principal ${display(p.principal)}`, location: loc(p.loc) });
    map.edges.push({ from: p.id, to: p.functionId, kind: 'invokes', label: display(p.action) });
  }
  for (const fn of map.functions) for (const r of fn.reaches) map.edges.push({ from: fn.id, to: r.target, kind: 'accesses', label: summarize(r.actions) });
  addResources(map, model, used);
  addExternalNodes(map);
  sortMap(map);
  return map;
}

function mapFunction(fn: LambdaFunction, exposure: FunctionExposure, index: ModelIndex, used: Set<string>): MapFunction {
  const out: MapFunction = {
    id: fn.id,
    name: nameOf(fn),
    exposure: exposure.level,
    location: loc(fn.loc),
    paths: exposure.paths.map((p) => ({ level: p.level, description: p.description, steps: p.steps.map((s) => ({ message: s.message, location: loc(s.loc) })) })),
    reaches: reaches(fn, index, used),
  };
  if (typeof fn.runtime === 'string') out.runtime = fn.runtime;
  return out;
}

/** What the role's Allow statements name, grouped by target. */
function reaches(fn: LambdaFunction, index: ModelIndex, used: Set<string>): MapReach[] {
  const role = index.roleOf(fn);
  const byTarget = new Map<string, MapReach>();
  for (const policy of role?.policies ?? []) {
    for (const s of policy.document?.statements ?? []) {
      if (s.effect !== 'Allow') continue;
      const actions = s.actions.filter((a): a is string => typeof a === 'string');
      for (const r of s.resources) addReach(byTarget, target(r, index), actions);
    }
  }
  for (const t of byTarget.keys()) used.add(t);
  return [...byTarget.values()].sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}

function target(r: Value, index: ModelIndex): { id: string; name: string } {
  if (r === '*') return { id: EVERY_RESOURCE, name: 'every resource' };
  const res = index.resource(referencedResource(r)?.target);
  if (res) return { id: res.id, name: nameOf(res) };
  return { id: display(r), name: display(r) };
}

function addReach(byTarget: Map<string, MapReach>, t: { id: string; name: string }, actions: string[]): void {
  const existing = byTarget.get(t.id) ?? { target: t.id, targetName: t.name, actions: [] };
  existing.actions = [...new Set([...existing.actions, ...actions])].sort();
  byTarget.set(t.id, existing);
}

function addTrigger(map: AttackSurfaceMap, t: Trigger, index: ModelIndex, exposure: Map<string, FunctionExposure>, used: Set<string>): void {
  const level = exposure.get(t.functionId)?.paths.find((p) => p.via === t.id)?.level ?? 'internal';
  if (isApiTrigger(t.kind)) return addRoute(map, t, index, level);
  if (t.kind === 'function-url') {
    const fn = index.function(t.functionId);
    const url = urlOfTrigger(fn, t.id);
    map.entryPoints.push({ id: t.id, kind: 'function-url', label: `Function URL${url ? qualifierText(url) : ''} of ${fn ? nameOf(fn) : t.functionId}`, exposure: level, detail: `AuthType ${display(url?.authType)}`, location: loc(t.loc) });
    map.edges.push({ from: t.id, to: t.functionId, kind: 'invokes', label: 'HTTPS' });
    return;
  }
  if (t.sourceId) {
    used.add(t.sourceId);
    map.edges.push({ from: t.sourceId, to: t.functionId, kind: 'triggers', label: t.kind });
    return;
  }
  const kind = t.kind === 'eventbridge-scheduled' ? 'schedule' : 'event';
  map.entryPoints.push({ id: t.id, kind, label: `${t.kind}${t.source !== undefined ? ` ${display(t.source)}` : ''}`, exposure: level, detail: describeDetails(t), location: loc(t.loc) });
  map.edges.push({ from: t.id, to: t.functionId, kind: 'triggers', label: t.kind });
}

function addRoute(map: AttackSurfaceMap, t: Trigger, index: ModelIndex, level: ExposureLevel): void {
  const route = index.route(t.routeId);
  if (!route) return;
  const api = index.api(route.apiId);
  map.entryPoints.push({ id: route.id, kind: 'route', label: `${routeName(route)} (${api ? nameOf(api) : route.apiId})`, exposure: level, detail: routeAuthText(route), location: loc(route.auth.loc) });
  map.edges.push({ from: route.id, to: t.functionId, kind: 'invokes', label: routeAuthText(route) });
}

function describeDetails(t: Trigger): string {
  const schedule = triggerDetail(t, 'schedule');
  return schedule !== undefined ? display(schedule) : t.kind;
}

function addResources(map: AttackSurfaceMap, model: AppModel, used: Set<string>): void {
  for (const r of model.resources) {
    if (!used.has(r.id) || r.kind === 'function') continue;
    const publicWrite = publicWriteGrant(r) !== undefined;
    map.resources.push({ id: r.id, name: nameOf(r), kind: r.kind, type: r.type, publicWrite, location: loc(r.loc) });
    if (!publicWrite) continue;
    const id = `${r.id}#public-writers`;
    map.entryPoints.push({ id, kind: 'public-writer', label: `anyone → ${nameOf(r)}`, exposure: 'public', detail: 'writable by anyone on the internet', location: loc(r.loc) });
    map.edges.push({ from: id, to: r.id, kind: 'writes', label: 'anyone' });
  }
  if (used.has(EVERY_RESOURCE)) map.resources.push({ id: EVERY_RESOURCE, name: 'every resource', kind: 'any', type: '*', publicWrite: false, location: noLocation() });
}

/**
 * Lists every edge end the templates do not define (an ARN a role names, a source outside the app):
 * what a function can reach matters even when it lives elsewhere, and a map whose edges point at
 * unlisted ids cannot be drawn.
 */
function addExternalNodes(map: AttackSurfaceMap): void {
  const listed = new Set([...map.entryPoints, ...map.functions, ...map.resources].map((n) => n.id));
  const names = new Map(map.functions.flatMap((f) => f.reaches.map((r) => [r.target, r.targetName] as const)));
  for (const e of map.edges) {
    for (const id of [e.from, e.to]) {
      if (listed.has(id)) continue;
      listed.add(id);
      map.resources.push({ id, name: names.get(id) ?? id, kind: EXTERNAL_KIND, type: '', publicWrite: false, location: noLocation() });
    }
  }
}

function summarize(actions: string[]): string {
  if (actions.length <= 3) return actions.join(', ');
  return `${actions.slice(0, 3).join(', ')} +${actions.length - 3}`;
}

function loc(l: SourceLocation): MapLocation {
  return { file: l.file, line: l.line, column: l.column };
}

function sortMap(map: AttackSurfaceMap): void {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  map.entryPoints.sort(byId);
  map.functions.sort(byId);
  map.resources.sort(byId);
  const edgeKey = (e: MapEdge) => `${e.from}\u0000${e.to}\u0000${e.kind}`;
  map.edges.sort((a, b) => (edgeKey(a) < edgeKey(b) ? -1 : edgeKey(a) > edgeKey(b) ? 1 : 0));
}
