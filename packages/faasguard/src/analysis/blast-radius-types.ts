/**
 * Blast radius: what each function can do to the account if an attacker controls its code (an
 * injection, a vulnerable dependency), computed from its execution role.
 */
import type { AttachedPolicyKind } from '../model/app-model.js';
import type { SourceLocation } from '../model/location.js';
import type { Capability } from '../iam/action-capabilities.js';
import type { ResourceTargetKind } from '../iam/resource-target.js';

export type { Capability } from '../iam/action-capabilities.js';

/** A resource a grant applies to. */
export interface ReachedResource {
  /** `any`: every resource (`*` or a wildcard ARN); `model`: a resource of the template; `external`: an ARN outside it */
  kind: ResourceTargetKind;
  /** As written in the policy */
  text: string;
  /** For `model`: its id */
  id?: string;
  /** Whether it is one of the function's own resources (see `BlastRadius.ownResources`) */
  own: boolean;
}

/** One statement's grant of one capability. */
export interface CapabilityGrant {
  capability: Capability;
  /** The actions that give it, `service:Name`, sorted */
  actions: string[];
  resources: ReachedResource[];
  /** Whether a resource lies outside the function's own: every resource, another template resource or an external ARN */
  outsideOwn: boolean;
  /** The statement that grants it */
  loc: SourceLocation;
  /** The policy the statement belongs to, and where it is attached */
  policy: { name: string; kind: AttachedPolicyKind; loc: SourceLocation };
  /** The statement has a Condition, which may narrow it */
  conditional: boolean;
}

export interface BlastRadius {
  functionId: string;
  /** Model id of the execution role; absent when the role is not in the template */
  roleId?: string;
  /** Resources the function is wired to: its triggers' sources, resources its environment or destinations name, itself */
  ownResources: string[];
  /** Grants in capability order (`CAPABILITIES`), then by location */
  grants: CapabilityGrant[];
  /** Action patterns that could not be resolved (parameters, actions the catalogue lacks) */
  unknownPatterns: string[];
  /** A permissions boundary is set: the deployed role may allow less than listed */
  bounded: boolean;
  /** The role is defined outside the template: nothing is known about it */
  roleUnknown: boolean;
}
