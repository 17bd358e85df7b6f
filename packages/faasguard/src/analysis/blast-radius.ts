/**
 * Blast radius of every function: each capability its role grants (see `action-capabilities.ts`),
 * which statement grants it, on which resources, and whether those lie outside the function's own
 * resources. `read-all-data` and `invoke-any-function` are only reported on every resource.
 */
import type { AppModel, LambdaFunction } from '../model/app-model.js';
import { ModelIndex } from '../model/model-index.js';
import { asArray, referencedResource, type Value } from '../model/value.js';
import { CAPABILITIES } from '../iam/action-capabilities.js';
import { compareLocations } from '../model/location.js';
import type { ResourceTarget } from '../iam/resource-target.js';
import { rolePermissions, type GrantingStatement } from '../iam/role-permissions.js';
import type { BlastRadius, CapabilityGrant, ReachedResource } from './blast-radius-types.js';

const cache = new WeakMap<AppModel, Map<string, BlastRadius>>();

/** Blast radius per function id; computed once per model. */
export function computeBlastRadius(model: AppModel): Map<string, BlastRadius> {
  const cached = cache.get(model);
  if (cached) return cached;
  const index = ModelIndex.of(model);
  const result = new Map<string, BlastRadius>();
  for (const fn of model.functions) result.set(fn.id, functionBlastRadius(fn, index));
  cache.set(model, result);
  return result;
}

function functionBlastRadius(fn: LambdaFunction, index: ModelIndex): BlastRadius {
  const own = ownResources(fn, index.model);
  const role = index.roleOf(fn);
  const base = { functionId: fn.id, ownResources: [...own].sort() };
  if (!role) return { ...base, grants: [], unknownPatterns: [], bounded: false, roleUnknown: fn.role !== undefined };
  const permissions = rolePermissions(role, index);
  const grants = permissions.statements.flatMap((s) => statementGrants(s, own));
  return {
    ...base,
    roleId: role.id,
    grants: grants.sort(byCapabilityThenLocation),
    unknownPatterns: [...new Set(permissions.statements.flatMap((s) => s.unknownPatterns))].sort(),
    bounded: permissions.bounded,
    roleUnknown: false,
  };
}

function statementGrants(s: GrantingStatement, own: ReadonlySet<string>): CapabilityGrant[] {
  const common = {
    loc: s.statement.loc,
    policy: { name: s.policy.name, kind: s.policy.kind, loc: s.policy.loc },
    conditional: s.statement.conditions !== undefined,
  };
  const grants: CapabilityGrant[] = s.grants.map((g) => {
    const resources = g.resources.map((r) => reached(r, own));
    return { capability: g.capability, actions: g.actions, resources, outsideOwn: resources.some(isOutside), ...common };
  });
  if (s.admin) {
    const resources = s.resources.filter((r) => r.kind === 'any').map((r) => reached(r, own));
    grants.unshift({ capability: 'admin', actions: ['*'], resources, outsideOwn: true, ...common });
  }
  return grants;
}

function reached(t: ResourceTarget, own: ReadonlySet<string>): ReachedResource {
  return { kind: t.kind, text: t.text, ...(t.id ? { id: t.id } : {}), own: t.id !== undefined && own.has(t.id) };
}

/** Unknown resources are not counted as outside: that would be a guess. */
function isOutside(r: ReachedResource): boolean {
  return r.kind === 'any' || r.kind === 'external' || (r.kind === 'model' && !r.own);
}

/** What the function is wired to: a function may act on its own event sources and the resources it is told about. */
function ownResources(fn: LambdaFunction, model: AppModel): Set<string> {
  const own = new Set<string>([fn.id]);
  const add = (v: Value | undefined): void => {
    for (const x of asArray(v)) {
      const ref = referencedResource(x);
      if (ref) own.add(ref.target);
    }
  };
  for (const t of model.triggers) {
    if (t.functionId !== fn.id) continue;
    if (t.sourceId) own.add(t.sourceId);
    add(t.source);
  }
  for (const e of fn.environment) add(e.value);
  add(fn.deadLetterTarget);
  add(fn.asyncConfig?.onFailure);
  add(fn.asyncConfig?.onSuccess);
  return own;
}

function byCapabilityThenLocation(a: CapabilityGrant, b: CapabilityGrant): number {
  const c = CAPABILITIES.indexOf(a.capability) - CAPABILITIES.indexOf(b.capability);
  return c !== 0 ? c : compareLocations(a.loc, b.loc);
}
