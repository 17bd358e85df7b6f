import { ModelIndex } from '../../model/model-index.js';
import { credentialExposure } from '../../iam/credential-actions.js';
import { actionId, type ExpandedAction } from '../../iam/expand-actions.js';
import { targetFitsService } from '../../iam/resource-target.js';
import type { GrantingStatement } from '../../iam/role-permissions.js';
import type { Rule, RuleResult } from '../rule.js';
import { subjectOf } from '../subject.js';
import { judgedIdentities, judgedPermissions, severityOf, type JudgedIdentity } from './judged-identity.js';
import { actorText, namesText, ownResourcesText, relatedIdentityFunctions, statementKey, statementOwnerText } from './privilege-text.js';

/**
 * Statements written for the application (AWS managed policies are iam-broad-managed-policy's)
 * that grant credentials or secrets on every resource. A statement with a Condition is left out:
 * the condition may be what scopes it; `*` and `service:*` are iam-cross-service-admin's and
 * iam-wildcard-action's.
 */
export const iamCredentialsExposure: Rule = {
  meta: {
    id: 'iam-credentials-exposure',
    title: 'Credentials or secrets granted on every resource',
    category: 'SAS-4',
    cwe: ['CWE-522', 'CWE-250'],
    severity: 'high',
    description:
      "A policy statement grants, with `Resource: \"*\"` (or a wildcard ARN), actions that hand out credentials: the value of every secret (`secretsmanager:GetSecretValue`) or parameter (`ssm:GetParameter*`), temporary credentials of any role that trusts the account (`sts:AssumeRole`), federated credentials (`sts:GetFederationToken`), other users' service credentials or disabled access keys, database logins (`redshift:GetClusterCredentials`). Whoever acts with it takes the keys of the other applications of the account, not only its own. Creating access keys and console passwords for users are reported by iam-privilege-escalation. Every role is judged, whether a function uses it or not, and so is every IAM user, group and policy that no role of the template carries; a function reachable from the internet raises the severity one step, and a role that only services acting on the template's own configuration assume lowers it one step.",
    remediation:
      'Name the secrets, parameters and roles: `!Ref DbSecret`, `!Sub arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/orders/*`, `!GetAtt ReportRole.Arn`.',
    example: {
      language: 'yaml',
      vulnerable: 'Statement:\n  - Effect: Allow\n    Action: secretsmanager:GetSecretValue\n    Resource: "*"',
      fixed: 'Statement:\n  - Effect: Allow\n    Action: secretsmanager:GetSecretValue\n    Resource: !Ref DbSecret',
    },
    references: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
    judges: ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::User', 'AWS::IAM::Group', 'AWS::Serverless::Function'],
    peerChecks: ['Checkov CKV_AWS_107'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const identity of judgedIdentities(index)) {
      for (const s of judgedPermissions(identity, index).statements) {
        if (!inScope(s)) continue;
        const exposed = credentialActions(s);
        if (exposed.length > 0) results.push(result(identity, s, exposed));
      }
    }
    return results;
  },
};

function inScope(s: GrantingStatement): boolean {
  if (s.policy.kind === 'aws-managed' || s.admin || !s.anyResource || s.statement.conditions !== undefined) return false;
  if (s.statement.notActions.length > 0) return false;
  return !s.statement.actions.some((a) => typeof a === 'string' && /^(\*|[^:]+:\*)$/.test(a.trim()));
}

function credentialActions(s: GrantingStatement): ExpandedAction[] {
  const anyTargets = s.resources.filter((r) => r.kind === 'any');
  return s.resourceActions.filter((a) => credentialExposure(a) !== undefined && anyTargets.some((t) => targetFitsService(t, a.service)));
}

function result(i: JudgedIdentity, s: GrantingStatement, actions: ExpandedAction[]): RuleResult {
  const ids = actions.map(actionId);
  const shown = ids.length <= 3 ? namesText(ids) : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
  const anyTexts = namesText([...new Set(s.resources.filter((r) => r.kind === 'any' && actions.some((a) => targetFitsService(r, a.service))).map((r) => r.text))]);
  const can = namesText([...new Set(actions.map((a) => credentialExposure(a)!))]);
  return {
    message: `${statementOwnerText(i, s)} grants ${shown} on every resource (${anyTexts}): ${actorText(i)} can ${can}. Name ${ownResourcesText(i)} instead of a wildcard.`,
    location: s.statement.loc,
    related: relatedIdentityFunctions(i),
    subject: subjectOf(i.element),
    key: [i.element.logicalId, statementKey(s)],
    severity: severityOf(i, 'high'),
  };
}
