/**
 * IAM identities of the template that are not roles: users, groups, and policies
 * (`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`) that no role of the model carries. A policy
 * attached to a role of the model is judged with that role; every other one on its own, naming
 * what it is attached to.
 */
import type { AttachedPolicy, Resource } from '../app-model.js';
import type { ModelIndex } from '../model-index.js';
import { asArray, display, referencedResource } from '../value.js';

export type IamIdentityKind = 'user' | 'group' | 'policy';

/** Typed view of an IAM user, group, or policy attached to no role of the model. */
export interface IamIdentityFacts {
  resource: Resource;
  kind: IamIdentityKind;
  /** The identity policies it carries (a policy: its own document) */
  policies: AttachedPolicy[];
  /** For a policy: the users, groups and roles it names (`Users`, `Groups`, `Roles`, or a user's `ManagedPolicyArns`), e.g. `user Deployer` */
  attachedTo: string[];
}

const KIND: Readonly<Record<string, IamIdentityKind>> = {
  'AWS::IAM::User': 'user',
  'AWS::IAM::Group': 'group',
  'AWS::IAM::Policy': 'policy',
  'AWS::IAM::ManagedPolicy': 'policy',
};

const cache = new WeakMap<ModelIndex, IamIdentityFacts[]>();

/** Every user, group, and policy that no role of the model carries, in model order. */
export function iamIdentities(index: ModelIndex): IamIdentityFacts[] {
  const cached = cache.get(index);
  if (cached) return cached;
  const carriedByRoles = policiesCarriedByRoles(index);
  const users = managedPoliciesOfUsers(index);
  const out: IamIdentityFacts[] = [];
  for (const resource of index.model.resources) {
    const kind = KIND[resource.type];
    if (!kind || !resource.identityPolicies) continue;
    if (kind === 'policy') {
      if (carriedByRoles.has(resource.id)) continue;
      out.push({ resource, kind, policies: resource.identityPolicies, attachedTo: [...namedAttachments(resource), ...(users.get(resource.id) ?? [])] });
      continue;
    }
    // A template managed policy a user or group names is judged as that policy, once.
    const own = resource.identityPolicies.filter((p) => !templatePolicyId(p, index));
    out.push({ resource, kind, policies: own, attachedTo: [] });
  }
  cache.set(index, out);
  return out;
}

/** Ids of the policy resources a role of the model carries: through their `Roles`, or its `ManagedPolicyArns`. */
function policiesCarriedByRoles(index: ModelIndex): Set<string> {
  const ids = new Set<string>();
  for (const role of index.model.roles) {
    for (const p of role.policies) {
      const id = templatePolicyId(p, index);
      if (id) ids.add(id);
    }
  }
  for (const r of index.model.resources) {
    if (KIND[r.type] !== 'policy') continue;
    if (asArray(r.properties['Roles']).some((v) => index.role(referencedResource(v)?.target) !== undefined)) ids.add(r.id);
  }
  return ids;
}

/** The model id of the template's managed policy an attachment references, if it does. */
function templatePolicyId(p: AttachedPolicy, index: ModelIndex): string | undefined {
  const target = index.resource(referencedResource(p.arn ?? undefined)?.target);
  return target?.type === 'AWS::IAM::ManagedPolicy' ? target.id : undefined;
}

/** `user Deployer`, `group Admins`, `role external-role` for what a policy's own properties name. */
function namedAttachments(r: Resource): string[] {
  const out: string[] = [];
  for (const [key, word] of [['Users', 'user'], ['Groups', 'group'], ['Roles', 'role']] as const) {
    for (const v of asArray(r.properties[key])) out.push(`${word} ${attachmentName(v)}`);
  }
  return out;
}

function attachmentName(v: Parameters<typeof display>[0]): string {
  const ref = referencedResource(v);
  return ref ? ref.target.slice(ref.target.lastIndexOf('/') + 1) : display(v);
}

/** Template managed policies named by users' and groups' `ManagedPolicyArns`, with who names them. */
function managedPoliciesOfUsers(index: ModelIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of index.model.resources) {
    const kind = KIND[r.type];
    if (kind !== 'user' && kind !== 'group') continue;
    for (const p of r.identityPolicies ?? []) {
      const id = templatePolicyId(p, index);
      if (id) out.set(id, [...(out.get(id) ?? []), `${kind} ${r.logicalId}`]);
    }
  }
  return out;
}
