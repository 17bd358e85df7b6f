import { ModelIndex } from '../../model/model-index.js';
import { fullyGrantedServices, rolePermissions, type GrantingStatement } from '../../iam/role-permissions.js';
import type { Rule, RuleResult } from '../rule.js';
import { subjectOf } from '../subject.js';
import { actorText, identityText, namesText, relatedIdentityFunctions, usesText } from './privilege-text.js';
import { judgedIdentities, judgedPermissions, severityOf, type JudgedIdentity } from './judged-identity.js';

/**
 * Administrator or multi-service full access through statements written for the application.
 * AWS managed policies (AdministratorAccess …) are iam-broad-managed-policy's.
 */
export const iamCrossServiceAdmin: Rule = {
  meta: {
    id: 'iam-cross-service-admin',
    title: 'Role or policy is an administrator across services',
    category: 'SAS-4',
    cwe: ['CWE-269', 'CWE-250'],
    severity: 'critical',
    description:
      "A function's role grants every action on every resource (`Action: \"*\"`, or `NotAction` with `Resource: \"*\"`), or every action of two or more services on every resource (`s3:*` and `dynamodb:*` …). The function is an administrator: an attacker who controls its code owns the account's data, identities and functions. Every role is judged, whether a function uses it or not, and so is every IAM user, group and policy that no role of the template carries. When a function reachable from the internet (signed in or not) runs with the role, the severity is one step higher; for a role no function uses that only services acting on the template's own configuration may assume (Step Functions, EventBridge, API Gateway, Firehose, CloudFormation …, not EC2, ECS tasks, CodeBuild or SageMaker, which run code), one step lower. Telemetry services (logs, metrics, traces) do not count towards the two services. AWS managed policies (`AdministratorAccess`, `AmazonS3FullAccess` …) are judged by `iam-broad-managed-policy`; the message names those the identity also carries that give full access.",
    remediation:
      'Replace the statement with the actions and resources the function uses. If a task really needs administration (a deployment helper), keep it out of functions that handle outside input and guard it with a permissions boundary.',
    example: {
      language: 'yaml',
      vulnerable: 'Statement:\n  - Effect: Allow\n    Action: "*"\n    Resource: "*"',
      fixed: 'Statement:\n  - Effect: Allow\n    Action: [sqs:SendMessage]\n    Resource: !GetAtt Jobs.Arn',
    },
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
    judges: ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::Serverless::Function'],
    peerChecks: ['Checkov CKV_AWS_1', 'Checkov CKV_AWS_62', 'Checkov CKV_AWS_63', 'Checkov CKV_AWS_111', 'cfn-nag F3', 'cfn-nag F4', 'cfn-nag F5', 'cfn-nag W15', 'cfn-nag W16', 'cfn-nag W17', 'KICS Lambda Functions With Full Privileges', 'KICS IAM Policy Grants Full Permissions', 'KICS IAM Policies With Full Privileges'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const fr of judgedIdentities(index)) {
      const statements = judgedPermissions(fr, index).statements;
      const own = statements.filter((s) => s.policy.kind !== 'aws-managed');
      const managed = managedText(statements.filter((s) => s.policy.kind === 'aws-managed'));
      const admin = own.find((s) => s.admin);
      if (admin) {
        results.push(result(fr, admin, [], 'every action on every resource', 'do anything in the account: read and delete all data, create administrators, change every function', ''));
        continue;
      }
      const services = dataServices(fullyGrantedServices(own));
      if (services.length < 2) continue;
      const contributing = own.filter((s) => dataServices(fullyGrantedServices([s])).length > 0);
      results.push(result(fr, contributing[0]!, contributing.slice(1), `every action of ${namesText(services)} on every resource`, `administer ${namesText(services)}: delete, overwrite and read every resource of each and change who may access them`, managed));
    }
    return results;
  },
};

/**
 * Telemetry (logs, metrics, traces) is not what an administrator is made of: `logs:*` with
 * `cloudwatch:*` is the usual, sloppy logging statement of a state machine, which
 * iam-wildcard-action reports.
 */
const TELEMETRY: ReadonlySet<string> = new Set(['logs', 'cloudwatch', 'xray']);

function dataServices(services: readonly string[]): string[] {
  return services.filter((s) => !TELEMETRY.has(s));
}

/**
 * The AWS managed policies the identity also carries that give full access to a service
 * (iam-broad-managed-policy judges them): named, so that the finding does not look like all it has.
 */
function managedText(managed: readonly GrantingStatement[]): string {
  const full = managed.filter((s) => s.admin || dataServices(fullyGrantedServices([s])).length > 0);
  const names = [...new Set(full.map((s) => s.policy.name))];
  if (names.length === 0) return '';
  const services = dataServices(fullyGrantedServices(full));
  // Every service, not the first few: which ones (iam, s3, lambda …) is what tells how much more they give.
  const what = full.some((s) => s.admin) ? 'every action on every resource' : `full access to ${everyName(services)}`;
  return names.length > 1 ? ` Its AWS managed policies ${namesText(names)} add ${what}.` : ` Its AWS managed policy ${names[0]} adds ${what}.`;
}

function everyName(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function result(i: JudgedIdentity, at: GrantingStatement, also: GrantingStatement[], grants: string, can: string, managed: string): RuleResult {
  return {
    message: `The ${identityText(i)} grants ${grants}: ${actorText(i)} can ${can}.${managed} Grant only the actions and resources ${usesText(i)}.`,
    location: at.statement.loc,
    related: [...relatedIdentityFunctions(i), ...also.map((s) => ({ loc: s.statement.loc, message: `also granted by policy ${s.policy.name}` }))],
    subject: subjectOf(i.element),
    key: [i.element.logicalId],
    severity: severityOf(i, 'critical'),
  };
}
