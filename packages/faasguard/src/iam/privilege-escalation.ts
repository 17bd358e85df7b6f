/**
 * Known ways for a principal to raise its own privileges with IAM permissions alone (after Rhino
 * Security Labs' catalogue of AWS privilege-escalation methods). Each path lists the actions it
 * needs, all granted on every resource: a role that holds them all can become administrator, or
 * take over roles and functions it was never meant to control.
 *
 * The `iam:PassRole` paths hand a role to a service that then acts as that role on the attacker's
 * behalf: it runs code the attacker supplies (Lambda, EC2 instances, ECS tasks, Glue, SageMaker
 * notebooks, CodeBuild), deploys resources the attacker describes (CloudFormation), or calls any
 * AWS API the attacker lists (Step Functions' SDK integrations). A PassRole statement limited by
 * `iam:PassedToService` (or `iam:AssociatedResourceArn`) to other services opens none of them:
 * Application Auto Scaling, DAX, RDS enhanced monitoring, VPC flow logs and most service roles
 * only let that service do its own narrow job. Each path names the service it passes to.
 */
import type { ExpandedAction } from './expand-actions.js';
import type { GrantingStatement, RolePermissions } from './role-permissions.js';
import { constraintAllows, constraintAllowsValue, keyConstraint, valueMatches, type ConditionValue } from './statement-conditions.js';

/** The service a path passes a role to: its principal (`iam:PassedToService`) and ARN namespace (`iam:AssociatedResourceArn`). */
export interface PassTarget {
  principal: string;
  namespace: string;
}

export interface EscalationPath {
  /** Stable, kebab-case */
  id: string;
  /** `service:Name`, all needed */
  actions: readonly string[];
  /** What an attacker does with it, completing "an attacker can …" */
  how: string;
  /** For a path through `iam:PassRole`: the service the role is passed to */
  passTo?: PassTarget;
}

const LAMBDA: PassTarget = { principal: 'lambda.amazonaws.com', namespace: 'lambda' };

export const ESCALATION_PATHS: readonly EscalationPath[] = [
  { id: 'put-role-policy', actions: ['iam:PutRolePolicy'], how: 'write an inline policy granting `*` into its own role' },
  { id: 'attach-role-policy', actions: ['iam:AttachRolePolicy'], how: 'attach AdministratorAccess to its own role' },
  { id: 'create-policy-version', actions: ['iam:CreatePolicyVersion'], how: 'publish a new default version of a customer managed policy granting `*`' },
  { id: 'set-default-policy-version', actions: ['iam:SetDefaultPolicyVersion'], how: 'switch a managed policy to an older, wider version' },
  { id: 'update-assume-role-policy', actions: ['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'], how: 'rewrite the trust policy of any role and assume it' },
  { id: 'put-user-policy', actions: ['iam:PutUserPolicy'], how: 'grant any IAM user unlimited permissions' },
  { id: 'attach-user-policy', actions: ['iam:AttachUserPolicy'], how: 'attach AdministratorAccess to any IAM user' },
  { id: 'put-group-policy', actions: ['iam:PutGroupPolicy'], how: 'grant any IAM group unlimited permissions' },
  { id: 'attach-group-policy', actions: ['iam:AttachGroupPolicy'], how: 'attach AdministratorAccess to any IAM group' },
  { id: 'add-user-to-group', actions: ['iam:AddUserToGroup'], how: 'add any user to an administrators group' },
  { id: 'create-access-key', actions: ['iam:CreateAccessKey'], how: 'create access keys for any IAM user, administrators included' },
  { id: 'create-login-profile', actions: ['iam:CreateLoginProfile'], how: 'set a console password for any IAM user' },
  { id: 'update-login-profile', actions: ['iam:UpdateLoginProfile'], how: "change any IAM user's console password" },
  { id: 'pass-role-lambda', actions: ['iam:PassRole', 'lambda:CreateFunction'], how: 'create a function running with any role of the account', passTo: LAMBDA },
  { id: 'pass-role-lambda-config', actions: ['iam:PassRole', 'lambda:UpdateFunctionConfiguration'], how: 'give any function any role of the account', passTo: LAMBDA },
  { id: 'update-function-code', actions: ['lambda:UpdateFunctionCode'], how: 'replace the code of every function and act with their roles' },
  { id: 'pass-role-ec2', actions: ['iam:PassRole', 'ec2:RunInstances'], how: 'start an instance with any role of the account', passTo: { principal: 'ec2.amazonaws.com', namespace: 'ec2' } },
  { id: 'pass-role-cloudformation', actions: ['iam:PassRole', 'cloudformation:CreateStack'], how: 'deploy a stack with any role of the account', passTo: { principal: 'cloudformation.amazonaws.com', namespace: 'cloudformation' } },
  { id: 'pass-role-glue', actions: ['iam:PassRole', 'glue:CreateDevEndpoint'], how: 'open a Glue endpoint with any role of the account', passTo: { principal: 'glue.amazonaws.com', namespace: 'glue' } },
  { id: 'pass-role-codebuild', actions: ['iam:PassRole', 'codebuild:CreateProject'], how: 'run a build with any role of the account', passTo: { principal: 'codebuild.amazonaws.com', namespace: 'codebuild' } },
  { id: 'pass-role-sagemaker', actions: ['iam:PassRole', 'sagemaker:CreateNotebookInstance'], how: 'open a notebook with any role of the account', passTo: { principal: 'sagemaker.amazonaws.com', namespace: 'sagemaker' } },
  {
    id: 'pass-role-ecs',
    actions: ['iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:RunTask'],
    how: 'run a container task with any role of the account',
    passTo: { principal: 'ecs-tasks.amazonaws.com', namespace: 'ecs' },
  },
  {
    id: 'pass-role-states',
    actions: ['iam:PassRole', 'states:CreateStateMachine', 'states:StartExecution'],
    how: 'run a state machine calling any AWS API with any role of the account',
    passTo: { principal: 'states.amazonaws.com', namespace: 'states' },
  },
];

/** A path a role can take, with the statement granting each of its actions. */
export interface Escalation {
  path: EscalationPath;
  statements: GrantingStatement[];
}

/** The escalation paths a role's permissions open. */
export function escalationsOf(permissions: RolePermissions): Escalation[] {
  const out: Escalation[] = [];
  for (const path of ESCALATION_PATHS) {
    const statements = path.actions.map((a) => grantingOnAny(permissions.statements, a, path.passTo));
    if (statements.every((s): s is GrantingStatement => s !== undefined)) out.push({ path, statements });
  }
  return out;
}

function grantingOnAny(statements: readonly GrantingStatement[], action: string, passTo: PassTarget | undefined): GrantingStatement | undefined {
  const wanted = action.toLowerCase();
  return statements.find((s) => s.anyResource && actionIds(s).has(wanted) && (action !== 'iam:PassRole' || !passTo || passesTo(s, passTo)));
}

/**
 * A statement's actions as lower-case `service:name` (the paths name literal actions; IAM compares
 * them without case), made once per list of actions: statements of the same actions share their
 * expansion (see `role-permissions.ts`), and a `*` statement's is 22,000 names.
 */
const idsOf = new WeakMap<readonly ExpandedAction[], ReadonlySet<string>>();

function actionIds(s: GrantingStatement): ReadonlySet<string> {
  let ids = idsOf.get(s.actions);
  if (!ids) idsOf.set(s.actions, (ids = new Set(s.actions.map((a) => `${a.service}:${a.name}`.toLowerCase()))));
  return ids;
}

/** Whether the statement's conditions let it pass a role to the path's service. */
export function passesTo(s: GrantingStatement, target: PassTarget): boolean {
  if (!constraintAllowsValue(keyConstraint(s.statement, 'iam:PassedToService'), target.principal)) return false;
  return constraintAllows(keyConstraint(s.statement, 'iam:AssociatedResourceArn'), (v) => arnOfNamespace(v, target.namespace));
}

/** Whether a condition value can match an ARN of the service namespace (`arn:aws:lambda:…`, `arn:aws:*`, `*`). */
function arnOfNamespace(v: ConditionValue, namespace: string): boolean {
  const parts = v.text.split(':');
  if (parts.length < 3) return v.wildcard && v.text.includes('*');
  return valueMatches({ text: parts[2]!, wildcard: v.wildcard }, namespace);
}
