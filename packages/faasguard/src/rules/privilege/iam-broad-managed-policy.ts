import { ModelIndex } from '../../model/model-index.js';
import { managedPolicyBreadth, type PolicyBreadth } from '../../iam/broad-managed-policies.js';
import { rolePermissions } from '../../iam/role-permissions.js';
import { actionId } from '../../iam/expand-actions.js';
import type { AttachedPolicy } from '../../model/app-model.js';
import type { Rule, RuleResult } from '../rule.js';
import type { Severity } from '../../findings/finding.js';
import { subjectOf } from '../subject.js';
import { actorText, functionsText, grantsText, identityText, namesText, ownResourcesText, relatedIdentityFunctions } from './privilege-text.js';
import { judgedIdentities, judgedPermissions, severityOf, type JudgedIdentity } from './judged-identity.js';

export const iamBroadManagedPolicy: Rule = {
  meta: {
    id: 'iam-broad-managed-policy',
    title: 'Role, user or group has a broad AWS managed policy',
    category: 'SAS-4',
    cwe: ['CWE-250'],
    severity: 'high',
    description:
      "A function's role has an AWS managed policy attached that is written for administrators, not for one function. faasguard reads each managed policy's current document (from AWS's published policies) and calls it broad when, on every resource, it grants every action (`*`), every action of a service (`s3:*`), or any of: deleting, overwriting or reading stored data (S3, DynamoDB, Secrets Manager, SSM parameters …), managing IAM, passing or assuming roles, changing or invoking any function. Lambda's execution policies (logs, X-Ray, VPC, polling queues and streams) are not broad. An attacker who controls the function gets the whole policy. Every role is judged, whether a function uses it or not, and so is every IAM user, group and policy that no role of the template carries. When a function reachable from the internet (signed in or not) runs with the role, the severity is one step higher; for a role no function uses that only services acting on the template's own configuration may assume (Step Functions, EventBridge, API Gateway, Firehose, CloudFormation …, not EC2, ECS tasks, CodeBuild or SageMaker, which run code), one step lower. A policy that only reads data or only administers telemetry is medium. For a role no function uses, AWS managed policies of the `service-role/` path (written by AWS for the service that assumes the role: Batch, Glue, IoT rule actions) are not reported.",
    remediation:
      'Replace the managed policy with statements naming the actions and resources the function uses, for example SAM policy templates (`DynamoDBCrudPolicy`, `S3ReadPolicy`) scoped to the table or bucket.',
    example: {
      language: 'yaml',
      vulnerable: 'Policies:\n  - AmazonS3FullAccess',
      fixed: 'Policies:\n  - S3ReadPolicy:\n      BucketName: !Ref UploadsBucket',
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies'],
    judges: ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::Serverless::Function'],
    peerChecks: ['Checkov CKV_AWS_274', 'cfn-nag W43'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const fr of judgedIdentities(index)) {
      const permissions = judgedPermissions(fr, index);
      for (const policy of fr.policies) {
        const breadth = managedPolicyBreadth(permissions, policy);
        if (breadth) results.push(result(fr, policy, breadth));
      }
    }
    return results;
  },
};

function result(i: JudgedIdentity, policy: AttachedPolicy, b: PolicyBreadth): RuleResult {
  const can = b.admin ? 'do anything in the account' : effectsText(b);
  const holder = i.functions.length > 0 ? `${functionsText(i.functions)} runs with the AWS managed policy ${policy.name} (${identityText(i)})` : `The ${identityText(i)} has the AWS managed policy ${policy.name}`;
  return {
    message: `${holder}, which grants${what(b)} on every resource${exceptions(b)}: ${actorText(i)} can ${can}. Replace it with statements scoped to ${ownResourcesText(i)}.`,
    location: policy.loc,
    related: relatedIdentityFunctions(i),
    subject: subjectOf(i.element),
    key: [i.element.logicalId, policy.name],
    severity: severityOf(i, baseSeverity(b)),
  };
}

/** Reading data or rewriting telemetry is less than changing data, IAM or functions. */
function baseSeverity(b: PolicyBreadth): Severity {
  if (b.admin) return 'critical';
  const telemetryOnly = b.fullServices.every((s) => TELEMETRY.has(s));
  return telemetryOnly && b.capabilities.every((c) => c === 'read-all-data') ? 'medium' : 'high';
}

const TELEMETRY: ReadonlySet<string> = new Set(['logs', 'cloudwatch', 'xray']);

/** A broad statement written with `NotResource` grants every resource but the ones it lists. */
function exceptions(b: PolicyBreadth): string {
  return b.statements.some((s) => s.anyResource && s.statement.notResources.length > 0) ? ' but those its NotResource entries exclude' : '';
}

/**
 * What the policy lets an attacker do: what its grants on every resource allow, and what a whole
 * telemetry service allows, which no data capability says (`logs:*` deletes the record of what the
 * functions did).
 */
function effectsText(b: PolicyBreadth): string {
  const grants = b.statements.flatMap((s) => s.grants.filter((g) => g.anyResource));
  const effects = [...(grants.length > 0 ? [grantsText(grants)] : []), ...b.fullServices.flatMap((s) => TELEMETRY_EFFECTS[s] ?? [])];
  if (effects.length === 0) return `call every action of ${namesText(b.fullServices)}`;
  return effects.length === 1 ? effects[0]! : `${effects.slice(0, -1).join('; ')}; and ${effects[effects.length - 1]}`;
}

const TELEMETRY_EFFECTS: Readonly<Record<string, string>> = {
  logs: "delete every log group and read every log, erasing or reading the record of what runs in the account",
  cloudwatch: 'delete every alarm, silencing what watches the account',
};

function what(b: PolicyBreadth): string {
  if (b.admin) return ' every action';
  const actions = capabilityActions(b).filter((a) => !b.fullServices.includes(a.split(':')[0]!));
  if (b.fullServices.length > 0) return ` every action of ${namesText(b.fullServices)}${actions.length > 0 ? `, and ${actionsText(actions)},` : ''}`;
  // The actions named are those that give the capability; a policy that grants others (lists, descriptions) says so.
  const granted = new Set(b.statements.flatMap((s) => s.actions.map(actionId)));
  return granted.size > actions.length ? `, among others, ${actionsText(actions)}` : ` ${actionsText(actions)}`;
}

/** The actions that give the policy's capabilities on every resource. */
function capabilityActions(b: PolicyBreadth): string[] {
  return [...new Set(b.statements.flatMap((s) => s.grants.filter((g) => g.anyResource).flatMap((g) => g.actions)))];
}

function actionsText(actions: readonly string[]): string {
  const more = actions.length - 3;
  return actions.length <= 3 ? namesText(actions) : `${actions.slice(0, 3).join(', ')} and ${more} more action${more === 1 ? '' : 's'}`;
}
