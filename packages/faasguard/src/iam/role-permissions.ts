/**
 * A role's Allow statements, expanded: the catalogue actions each grants (minus what Deny
 * statements clearly take away), the resources it names, and the capabilities that follow.
 *
 * Deny statements subtract only when they clearly match: a Deny with no condition, on `Resource:
 * "*"`, whose `Action` patterns cover the action. A Deny on every resource of a service
 * (`arn:aws:sns:*:*:*`) takes the action away from resources only: `sns:Publish` may still send an
 * SMS, which names no resource, so the action stays granted but gives no capability over
 * resources. A Deny on some resources, with a condition or with NotAction is ignored, so the result
 * may be wider than what AWS allows. A permissions
 * boundary is not applied either: it is reported as `bounded` so that callers can say so.
 */
import type { AttachedPolicy, IamRole, LambdaFunction, PolicyStatement } from '../model/app-model.js';
import type { ModelIndex } from '../model/model-index.js';
import { capabilityOf, needsAnyResource, type Capability } from './action-capabilities.js';
import { actionId, actionPatternMatches, expandStatement, type ExpandedAction } from './expand-actions.js';
import { serviceActions } from './action-catalog.js';
import { resourceTarget, targetFitsService, type ResourceTarget } from './resource-target.js';
import { pushTo } from '../util/multimap.js';
import { keyConstraint } from './statement-conditions.js';

/** Actions of one capability that one statement grants, and on what. */
export interface StatementGrant {
  capability: Capability;
  /** `service:Name`, sorted */
  actions: string[];
  /** The statement's resources that fit those actions' services */
  resources: ResourceTarget[];
  /** Whether one of them is every resource */
  anyResource: boolean;
  /** For `pass-role`: the services an `iam:PassedToService` condition allows, when it names them */
  passedTo?: string[];
}

/** One Allow statement of a role, expanded. */
export interface GrantingStatement {
  policy: AttachedPolicy;
  statement: PolicyStatement;
  /** Position in the policy, for stable keys */
  index: number;
  actions: ExpandedAction[];
  /** Of `actions`, those that still act on resources: a Deny on every resource of their service takes the others */
  resourceActions: ExpandedAction[];
  unknownPatterns: string[];
  resources: ResourceTarget[];
  anyResource: boolean;
  /** `*` or NotAction on every resource: all (or nearly all) actions of every service */
  admin: boolean;
  grants: StatementGrant[];
}

/**
 * What holds identity policies: a role, or a user, group or policy judged on its own (see
 * `model/facts/iam-identity-facts.ts`).
 */
export type PolicyHolder = Pick<IamRole, 'policies' | 'permissionsBoundary'>;

export interface RolePermissions {
  role: PolicyHolder;
  statements: GrantingStatement[];
  /** A permissions boundary may narrow what is listed here */
  bounded: boolean;
}

const cache = new WeakMap<PolicyHolder, RolePermissions>();

export function rolePermissions(role: PolicyHolder, index: ModelIndex): RolePermissions {
  const cached = cache.get(role);
  if (cached) return cached;
  const denied = denyPredicate(role);
  const deniedOnResources = resourceDenyPredicate(role, index);
  const statements: GrantingStatement[] = [];
  for (const policy of role.policies) {
    const all = policy.document?.statements ?? [];
    all.forEach((s, i) => {
      if (s.effect === 'Allow' && !excludesEveryResource(s)) statements.push(grantingStatement(policy, s, i, { denied, deniedOnResources }, index));
    });
  }
  const result = { role, statements, bounded: role.permissionsBoundary !== undefined };
  cache.set(role, result);
  return result;
}

/** `NotResource: "*"`: every resource but every resource, so the statement grants nothing. */
function excludesEveryResource(s: PolicyStatement): boolean {
  return s.notResources.some((r) => typeof r === 'string' && r.trim() === '*');
}

/** The role's clear denials; undefined when it has none (most roles), and its statements keep their expansion whole. */
interface Denials {
  denied: ((id: string) => boolean) | undefined;
  deniedOnResources: ((a: ExpandedAction) => boolean) | undefined;
}

function grantingStatement(policy: AttachedPolicy, s: PolicyStatement, index: number, denials: Denials, model: ModelIndex): GrantingStatement {
  const expansion = expandStatement(s);
  // Without denials the expansion is kept as it is: it is shared with every statement of the same
  // actions, and so is what `grantsOf` makes of it (`*` expands to 22,000 actions).
  const { denied, deniedOnResources } = denials;
  const actions = denied ? expansion.actions.filter((a) => !denied(actionId(a))) : expansion.actions;
  const resourceActions = deniedOnResources ? actions.filter((a) => !deniedOnResources(a)) : actions;
  const resources = s.notResources.length > 0 ? [{ kind: 'any' as const, text: `everything but ${s.notResources.length} NotResource entr${s.notResources.length === 1 ? 'y' : 'ies'}` }] : s.resources.map((r) => resourceTarget(r, model));
  const anyResource = resources.some((r) => r.kind === 'any');
  const wildcard = s.notActions.length > 0 || s.actions.some((a) => typeof a === 'string' && a.trim() === '*');
  return {
    policy,
    statement: s,
    index,
    actions,
    resourceActions,
    unknownPatterns: expansion.unknownPatterns,
    resources,
    anyResource,
    admin: wildcard && anyResource && actions.length > 0,
    grants: grantsOf(resourceActions, resources, passedToServices(s)),
  };
}

/** The services a statement's `iam:PassedToService` condition lists, when it is one positive test of known values. */
function passedToServices(s: PolicyStatement): string[] | undefined {
  const c = keyConstraint(s, 'iam:PassedToService');
  if (!c || c.allowed.length !== 1 || c.denied.length > 0) return undefined;
  return c.allowed[0]!.map((v) => v.text);
}

function grantsOf(actions: readonly ExpandedAction[], resources: readonly ResourceTarget[], passedTo: string[] | undefined): StatementGrant[] {
  const grants: StatementGrant[] = [];
  for (const { capability, ids, services } of capabilityGroups(actions)) {
    const fitting = resources.filter((r) => services.some((s) => targetFitsService(r, s)));
    const anyResource = fitting.some((r) => r.kind === 'any');
    if (fitting.length === 0 || (needsAnyResource(capability) && !anyResource)) continue;
    grants.push({
      capability,
      actions: ids,
      resources: needsAnyResource(capability) ? fitting.filter((r) => r.kind === 'any') : fitting,
      anyResource,
      ...(capability === 'pass-role' && passedTo ? { passedTo } : {}),
    });
  }
  return grants;
}

/** Actions of one capability among a statement's actions: `service:Name` of each, and their services. */
interface CapabilityGroup {
  capability: Capability;
  ids: string[];
  services: string[];
}

/** By actions list: the expansions are shared (see `grantingStatement`), and so are their groups. Callers only read them. */
const groupsOfActions = new WeakMap<readonly ExpandedAction[], CapabilityGroup[]>();

function capabilityGroups(actions: readonly ExpandedAction[]): CapabilityGroup[] {
  const cached = groupsOfActions.get(actions);
  if (cached) return cached;
  const byCapability = new Map<Capability, ExpandedAction[]>();
  for (const a of actions) {
    const c = capabilityOf(a);
    if (c) pushTo(byCapability, c, a);
  }
  const groups = [...byCapability].map(([capability, granted]) => ({ capability, ids: granted.map(actionId), services: [...new Set(granted.map((a) => a.service))] }));
  groupsOfActions.set(actions, groups);
  return groups;
}

/** Actions taken away by the role's unconditional `Deny` on `*` (see the module comment); undefined when none. */
function denyPredicate(role: PolicyHolder): ((id: string) => boolean) | undefined {
  const patterns: string[] = [];
  for (const p of role.policies) {
    for (const s of p.document?.statements ?? []) {
      if (!isClearDeny(s)) continue;
      for (const a of s.actions) if (typeof a === 'string') patterns.push(a);
    }
  }
  if (patterns.length === 0) return undefined;
  return (id) => patterns.some((p) => actionPatternMatches(p, id));
}

/** Actions that an unconditional Deny takes away from every resource of their service (see the module comment). */
function resourceDenyPredicate(role: PolicyHolder, index: ModelIndex): ((a: ExpandedAction) => boolean) | undefined {
  const denials: { patterns: string[]; services: Set<string> }[] = [];
  for (const p of role.policies) {
    for (const s of p.document?.statements ?? []) {
      if (s.effect !== 'Deny' || s.conditions !== undefined || s.notActions.length > 0 || s.notResources.length > 0) continue;
      const services = new Set<string>();
      for (const r of s.resources.map((v) => resourceTarget(v, index))) {
        if (r.kind === 'any' && r.service) services.add(r.service);
      }
      const patterns = s.actions.filter((a): a is string => typeof a === 'string');
      if (services.size > 0 && patterns.length > 0) denials.push({ patterns, services });
    }
  }
  if (denials.length === 0) return undefined;
  return (a) => denials.some((d) => d.services.has(a.service) && d.patterns.some((p) => actionPatternMatches(p, actionId(a))));
}

function isClearDeny(s: PolicyStatement): boolean {
  if (s.effect !== 'Deny' || s.conditions !== undefined || s.notActions.length > 0 || s.notResources.length > 0) return false;
  return s.resources.length > 0 && s.resources.every((r) => r === '*');
}

/** The functions whose execution role is this role. */
export function functionsUsing(role: IamRole, index: ModelIndex): LambdaFunction[] {
  return index.functionsUsing(role);
}

/** Services every action of which the statements grant on every resource (`s3:*`, `*`, NotAction …). */
export function fullyGrantedServices(statements: readonly GrantingStatement[]): string[] {
  const full = new Set<string>();
  const partly = new Map<string, Set<string>>();
  for (const s of statements) {
    if (!s.anyResource) continue;
    for (const [service, names] of namesByService(s.actions)) {
      if (full.has(service)) continue;
      // One statement's actions name each action once (see `Expansion`): a service it grants whole
      // is settled by the count, without a set of 22,000 names for `*`.
      const all = serviceActions(service).length;
      if (names.length >= all || namesSeen(partly, service, names) >= all) full.add(service);
    }
  }
  return [...full].sort();
}

/** How many of a service's names the statements so far grant, `names` added. */
function namesSeen(partly: Map<string, Set<string>>, service: string, names: readonly string[]): number {
  const set = partly.get(service) ?? new Set<string>();
  partly.set(service, set);
  for (const n of names) set.add(n);
  return set.size;
}

/** By actions list, shared as `capabilityGroups` are: the names of its actions by service. */
const namesOfActions = new WeakMap<readonly ExpandedAction[], Map<string, string[]>>();

function namesByService(actions: readonly ExpandedAction[]): Map<string, string[]> {
  const cached = namesOfActions.get(actions);
  if (cached) return cached;
  const names = new Map<string, string[]>();
  for (const a of actions) pushTo(names, a.service, a.name);
  namesOfActions.set(actions, names);
  return names;
}
