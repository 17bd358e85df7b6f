/**
 * Whether an AWS managed policy is broad, decided from its document (the managed-policy data),
 * never from a list of names. A policy is broad when, on every resource, it grants:
 * - every action (`*`), or every action of a service that has resources (`s3:*`), or
 * - any capability of the blast radius (`action-capabilities.ts`): deleting, overwriting or
 *   reading stored data, managing IAM, passing or assuming roles, changing or invoking any function.
 * Lambda's execution policies (logs, X-Ray, VPC network interfaces, event-source polling of queues
 * and streams) grant none of these, so they are not broad.
 */
import type { AttachedPolicy } from '../model/app-model.js';
import type { Capability } from './action-capabilities.js';
import { CAPABILITIES } from './action-capabilities.js';
import { fullyGrantedServices, type GrantingStatement, type RolePermissions } from './role-permissions.js';
import { serviceActions } from './action-catalog.js';
import { limitedToTaggedResources } from './statement-conditions.js';

export interface PolicyBreadth {
  /** `*` or NotAction on every resource */
  admin: boolean;
  /** Services granted in full on every resource */
  fullServices: string[];
  /** Capabilities granted on every resource */
  capabilities: Capability[];
  /** The statements that make it broad */
  statements: GrantingStatement[];
}

/** Breadth of one of the role's AWS managed policies, or undefined when it is not broad. */
export function managedPolicyBreadth(permissions: RolePermissions, policy: AttachedPolicy): PolicyBreadth | undefined {
  if (policy.kind !== 'aws-managed') return undefined;
  const statements = permissions.statements.filter((s) => s.policy === policy && s.anyResource && !limitedToTaggedResources(s.statement));
  const admin = statements.some((s) => s.admin);
  const fullServices = fullyGrantedServices(statements).filter(hasResources);
  const found = new Set(statements.flatMap((s) => s.grants.filter((g) => g.anyResource).map((g) => g.capability)));
  const capabilities = CAPABILITIES.filter((c) => found.has(c));
  if (!admin && fullServices.length === 0 && capabilities.length === 0) return undefined;
  const broad = statements.filter((s) => s.admin || s.grants.some((g) => g.anyResource) || fullyGrantedServices([s]).some(hasResources));
  return { admin, fullServices, capabilities, statements: broad };
}

/**
 * Whether a service has resources a policy can name. Granting every action of one that has none
 * (`ec2messages`, `ssmmessages`: the Systems Manager agent's channels) administers nothing.
 */
function hasResources(service: string): boolean {
  return serviceActions(service).some((a) => a.resourceScoped);
}
