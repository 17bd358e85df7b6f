/**
 * What the over-privilege rules judge: every role of the model, used by a function or not, and
 * every user, group and policy that no role carries. A role's functions are context: they name who
 * an attacker must control, and one reachable from the internet raises the severity.
 */
import { computeExposure } from '../../analysis/exposure.js';
import type { AttachedPolicy, IamRole, LambdaFunction, ModelElement, PolicyStatement } from '../../model/app-model.js';
import { iamIdentities, type IamIdentityKind } from '../../model/facts/iam-identity-facts.js';
import type { ModelIndex } from '../../model/model-index.js';
import { rolePermissions, type PolicyHolder, type RolePermissions } from '../../iam/role-permissions.js';
import type { Severity } from '../../findings/finding.js';
import { SEVERITIES } from '../../findings/finding.js';
import { display } from '../../model/value.js';

export type JudgedKind = 'role' | IamIdentityKind;

/** A holder of identity policies, with what a finding says about it. */
export interface JudgedIdentity {
  /** The role, user, group or policy resource: the finding's subject */
  element: ModelElement;
  kind: JudgedKind;
  /** What `rolePermissions` reads */
  holder: PolicyHolder;
  policies: AttachedPolicy[];
  /** The functions that run with the role (none for users, groups and policies) */
  functions: LambdaFunction[];
  /** Of `functions`, those anyone on the internet (signed in or not) can invoke */
  exposed: LambdaFunction[];
  /** For a policy: what it is attached to, as written (`user Deployer`); empty when nothing */
  attachedTo: string[];
  /** For a role: the service principals its trust policy names (`codebuild.amazonaws.com`) */
  trustedServices: string[];
}

const cache = new WeakMap<ModelIndex, JudgedIdentity[]>();

/** Every role, then every user, group and policy judged on its own, in model order. */
export function judgedIdentities(index: ModelIndex): JudgedIdentity[] {
  const cached = cache.get(index);
  if (cached) return cached;
  const exposure = computeExposure(index.model);
  const internet = (f: LambdaFunction): boolean => ['public', 'authenticated'].includes(exposure.get(f.id)?.level ?? 'internal');
  const roles = index.model.roles.map((role): JudgedIdentity => {
    const functions = index.functionsUsing(role);
    return { element: role, kind: 'role', holder: role, policies: role.policies, functions, exposed: functions.filter(internet), attachedTo: [], trustedServices: trustedServices(role) };
  });
  const others = iamIdentities(index).map(
    (i): JudgedIdentity => ({ element: i.resource, kind: i.kind, holder: { policies: i.policies }, policies: i.policies, functions: [], exposed: [], attachedTo: i.attachedTo, trustedServices: [] }),
  );
  const all = [...roles, ...others];
  cache.set(index, all);
  return all;
}

function trustedServices(role: IamRole): string[] {
  const out = new Set<string>();
  for (const s of role.trust?.statements ?? []) {
    if (s.effect !== 'Allow') continue;
    for (const p of s.principals) if (p.type === 'Service') out.add(display(p.value));
  }
  return [...out];
}

/** One step more severe (critical stays critical). */
export function raised(severity: Severity): Severity {
  return SEVERITIES[Math.max(0, SEVERITIES.indexOf(severity) - 1)]!;
}

/** One step less severe (info stays info). */
export function lowered(severity: Severity): Severity {
  return SEVERITIES[Math.min(SEVERITIES.length - 1, SEVERITIES.indexOf(severity) + 1)]!;
}

/**
 * Services that run code of the account's choosing with the role they assume: whoever controls
 * that code acts with the role. Any other service (Step Functions, EventBridge, API Gateway,
 * Firehose, CloudFormation …) does only what its configuration, written in the template, says.
 */
const RUNS_CODE: ReadonlySet<string> = new Set(['lambda', 'edgelambda', 'ec2', 'ecs-tasks', 'codebuild', 'sagemaker', 'glue', 'elasticmapreduce', 'bedrock-agentcore', 'apprunner', 'tasks.apprunner', 'build.apprunner']);

function serviceName(principal: string): string {
  return principal.replace(/(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/, '').replace(/\.<region>$/, '');
}

/** Whether a service principal runs code of the account's choosing with the roles it assumes. */
export function runsCode(principal: string): boolean {
  return RUNS_CODE.has(serviceName(principal));
}

/** A role no function uses that only services running no code of the account's choosing may assume. */
export function onlyConfiguredServices(identity: JudgedIdentity): boolean {
  if (identity.kind !== 'role' || identity.functions.length > 0 || identity.trustedServices.length === 0) return false;
  const role = identity.element as IamRole;
  const others = (role.trust?.statements ?? []).some((s) => s.effect === 'Allow' && s.principals.some((p) => p.type !== 'Service'));
  return !others && identity.trustedServices.every((p) => !RUNS_CODE.has(serviceName(p)));
}

/**
 * The rule's severity for the identity: one step higher when a function reachable from the
 * internet runs with the role, one step lower for a role that only services acting on the
 * template's own configuration assume (a state machine's, a delivery stream's, a deployment's).
 */
export function severityOf(identity: JudgedIdentity, base: Severity): Severity {
  if (identity.exposed.length > 0) return raised(base);
  return onlyConfiguredServices(identity) ? lowered(base) : base;
}

/**
 * The identity's permissions as the rules judge them. For a role no function uses, AWS managed
 * policies of the `service-role/` path are left out: AWS wrote them for the service that assumes
 * the role (Batch, Glue, IoT rule actions), to do that service's job.
 */
export function judgedPermissions(identity: JudgedIdentity, index: ModelIndex): RolePermissions {
  const all = rolePermissions(identity.holder, index);
  if (identity.functions.length > 0) return all;
  return { ...all, statements: all.statements.filter((s) => !isServiceRolePolicy(s.policy)) };
}

export function isServiceRolePolicy(p: AttachedPolicy): boolean {
  return p.kind === 'aws-managed' && typeof p.arn === 'string' && /:policy\/(aws-)?service-role\//.test(p.arn);
}

/** A statement of a role's trust policy, with its position (part of the finding's key). */
export interface TrustStatement {
  identity: JudgedIdentity;
  role: IamRole;
  statement: PolicyStatement;
  index: number;
}

/** Every statement of the trust policy of every role of the model. */
export function* trustStatements(index: ModelIndex): Generator<TrustStatement> {
  for (const identity of judgedIdentities(index)) {
    if (identity.kind !== 'role') continue;
    const role = identity.element as IamRole;
    const statements = role.trust?.statements ?? [];
    for (let i = 0; i < statements.length; i++) yield { identity, role, statement: statements[i]!, index: i };
  }
}
