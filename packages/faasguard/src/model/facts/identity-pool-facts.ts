/**
 * A typed view of Cognito identity pools (AWS::Cognito::IdentityPool) and of their role
 * attachments (AWS::Cognito::IdentityPoolRoleAttachment): whether anyone may get AWS credentials
 * without signing in (guest access), and with which role.
 */
import type { AppModel, Resource } from '../app-model.js';
import type { SourceLocation } from '../location.js';
import { asBoolean, isValueMap, referencedResource, type Value } from '../value.js';

export const IDENTITY_POOL_TYPE = 'AWS::Cognito::IdentityPool';
export const ROLE_ATTACHMENT_TYPE = 'AWS::Cognito::IdentityPoolRoleAttachment';

/** The role an attachment gives guests (`Roles.unauthenticated`). */
export interface GuestRole {
  attachment: Resource;
  /** `IdentityPoolId` of the attachment, as written */
  poolId: Value;
  /** The role as written (an ARN, `!GetAtt GuestRole.Arn` …) */
  role: Value;
  /** Model id of the role, when the template defines it */
  roleId?: string;
  loc: SourceLocation;
}

export interface IdentityPoolFacts {
  pool: Resource;
  /** `AllowUnauthenticatedIdentities: true` */
  allowsGuests: boolean;
  guestLoc: SourceLocation;
  /** Roles the template's attachments give this pool's guests */
  guestRoles: GuestRole[];
}

export function identityPools(model: AppModel): IdentityPoolFacts[] {
  const roles = guestRoles(model);
  return model.resources
    .filter((r) => r.type === IDENTITY_POOL_TYPE)
    .map((pool) => ({
      pool,
      allowsGuests: asBoolean(pool.properties['AllowUnauthenticatedIdentities']) === true,
      guestLoc: pool.locate('AllowUnauthenticatedIdentities'),
      guestRoles: roles.filter((g) => referencedResource(g.poolId)?.target === pool.id),
    }));
}

/** Attachments whose identity pool is not a resource of the model (an id, an import): judged alone. */
export function guestRolesOfOutsidePools(model: AppModel): GuestRole[] {
  const pools = new Set(model.resources.filter((r) => r.type === IDENTITY_POOL_TYPE).map((r) => r.id));
  return guestRoles(model).filter((g) => {
    const target = referencedResource(g.poolId)?.target;
    return target === undefined || !pools.has(target);
  });
}

function guestRoles(model: AppModel): GuestRole[] {
  const out: GuestRole[] = [];
  for (const attachment of model.resources) {
    if (attachment.type !== ROLE_ATTACHMENT_TYPE) continue;
    const roles = attachment.properties['Roles'];
    const role = isValueMap(roles) ? roles['unauthenticated'] : undefined;
    if (role === undefined || role === null) continue;
    const target = referencedResource(role)?.target;
    out.push({ attachment, poolId: attachment.properties['IdentityPoolId'] ?? null, role, ...(target !== undefined ? { roleId: target } : {}), loc: attachment.locate('Roles', 'unauthenticated') });
  }
  return out;
}
