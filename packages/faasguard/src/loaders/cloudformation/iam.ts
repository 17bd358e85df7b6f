/**
 * IAM roles and the policies attached to them.
 */
import type { AttachedPolicy, IamRole } from '../../model/app-model.js';
import type { SourceLocation } from '../../model/location.js';
import { asArray, display, referencedResource, type Value } from '../../model/value.js';
import { get, scalarString } from '../../parse/tree.js';
import { isAwsManagedPolicyArn, managedPolicyDocument, managedPolicyName } from '../../iam/managed-policies.js';
import { loadPolicyDocument } from './policy-document.js';
import { parsePlainPolicy } from './plain-policy.js';
import { elementBase, prop, props, withOptionalBase, type LoadContext } from './load-context.js';
import type { TemplateResource } from './template.js';

export function loadRole(ctx: LoadContext, r: TemplateResource): IamRole {
  const base = elementBase(ctx, r);
  const role: IamRole = withOptionalBase(
    { id: base.id, logicalId: base.logicalId, stack: base.stack, loc: base.loc, policies: [...inlinePolicies(ctx, r), ...managedPolicies(ctx, r)] },
    base,
  );
  const trust = prop(ctx, r, 'AssumeRolePolicyDocument');
  const trustDoc = loadPolicyDocument(trust.node, ctx.ev, trust.loc);
  if (trustDoc) role.trust = trustDoc;
  const boundary = prop(ctx, r, 'PermissionsBoundary').value;
  if (boundary !== undefined) role.permissionsBoundary = boundary;
  return role;
}

function inlinePolicies(ctx: LoadContext, r: TemplateResource): AttachedPolicy[] {
  return ctx.ev.chosenItems(get(props(r), 'Policies')).map((p, i) => {
    const doc = loadPolicyDocument(get(p, 'PolicyDocument'), ctx.ev, p.loc);
    const name = display(ctx.ev.value(get(p, 'PolicyName')) ?? `policy ${i + 1}`);
    return { name, kind: 'inline' as const, ...(doc ? { document: doc } : {}), loc: p.loc };
  });
}

function managedPolicies(ctx: LoadContext, r: TemplateResource): AttachedPolicy[] {
  return ctx.ev.chosenItems(get(props(r), 'ManagedPolicyArns')).map((n) => managedPolicyAttachment(ctx, ctx.ev.value(n), n.loc));
}

/** A managed policy named by ARN (AWS or customer) or by reference to a template resource. */
export function managedPolicyAttachment(ctx: LoadContext, value: Value | undefined, loc: SourceLocation): AttachedPolicy {
  const ref = referencedResource(value);
  const inTemplate = ref ? ctx.template.resources.get(ref.logicalId) : undefined;
  if (inTemplate?.type === 'AWS::IAM::ManagedPolicy') {
    const doc = loadPolicyDocument(get(get(inTemplate.node, 'Properties'), 'PolicyDocument'), ctx.ev, inTemplate.loc);
    return { name: inTemplate.logicalId, kind: 'customer-managed', arn: value ?? null, ...(doc ? { document: doc } : {}), loc };
  }
  if (typeof value === 'string' && isAwsManagedPolicyArn(value)) return awsManagedPolicy(ctx, value, loc);
  return { name: display(value), kind: 'customer-managed', ...(value !== undefined ? { arn: value } : {}), loc };
}

/** An AWS managed policy; its document comes from the managed-policy data. */
export function awsManagedPolicy(ctx: LoadContext, arnOrName: string, loc: SourceLocation): AttachedPolicy {
  const name = managedPolicyName(arnOrName) ?? arnOrName;
  const raw = managedPolicyDocument(name);
  const policy: AttachedPolicy = { name, kind: 'aws-managed', arn: arnOrName.startsWith('arn:') ? arnOrName : `arn:aws:iam::aws:policy/${name}`, loc };
  if (raw === undefined) {
    ctx.template.diagnostics.note('unknown-managed-policy', `AWS managed policy ${name} is not in faasguard's policy data: its permissions are unknown`, loc);
    return policy;
  }
  policy.document = parsePlainPolicy(raw, loc);
  return policy;
}

/** AWS::IAM::Policy and AWS::IAM::ManagedPolicy attach themselves to roles through `Roles`. */
export function linkPolicyToRoles(ctx: LoadContext, r: TemplateResource): void {
  for (const roleValue of asArray(prop(ctx, r, 'Roles').value)) {
    const ref = referencedResource(roleValue);
    const role = ref ? ctx.builder.role(ref.target) : undefined;
    if (role) role.policies.push(standalonePolicy(ctx, r));
  }
}

const IDENTITY_TYPES: ReadonlySet<string> = new Set(['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::User', 'AWS::IAM::Group']);

/**
 * The identity policies an IAM policy, user or group resource carries (`Resource.identityPolicies`),
 * or undefined for any other resource.
 */
export function identityPolicies(ctx: LoadContext, r: TemplateResource): AttachedPolicy[] | undefined {
  if (!IDENTITY_TYPES.has(r.type)) return undefined;
  if (r.type === 'AWS::IAM::Policy' || r.type === 'AWS::IAM::ManagedPolicy') return [standalonePolicy(ctx, r)];
  return [...inlinePolicies(ctx, r), ...managedPolicies(ctx, r)];
}

function standalonePolicy(ctx: LoadContext, r: TemplateResource): AttachedPolicy {
  const doc = loadPolicyDocument(get(props(r), 'PolicyDocument'), ctx.ev, r.loc);
  const kind = r.type === 'AWS::IAM::Policy' ? 'inline' : 'customer-managed';
  const name = scalarString(get(props(r), 'PolicyName')) ?? scalarString(get(props(r), 'ManagedPolicyName')) ?? r.logicalId;
  return { name, kind, ...(doc ? { document: doc } : {}), loc: r.loc };
}
