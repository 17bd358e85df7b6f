import { ModelIndex } from '../../model/model-index.js';
import { credentialExposure } from '../../iam/credential-actions.js';
import type { Rule } from '../rule.js';
import { namesText } from './privilege-text.js';
import { actionsOnAnyResource, judgeWildcardStatements } from './wildcard-statements.js';

/**
 * Statements written for the application (AWS managed policies are iam-broad-managed-policy's)
 * that grant credentials or secrets on every resource. A statement with a Condition is left out
 * (the condition may be what scopes it) unless it tests only the Region or TLS; `*` and
 * `service:*` are iam-cross-service-admin's and iam-wildcard-action's.
 */
export const iamCredentialsExposure: Rule = {
  meta: {
    id: 'iam-credentials-exposure',
    title: 'Credentials or secrets granted on every resource',
    category: 'SAS-4',
    cwe: ['CWE-522', 'CWE-250'],
    severity: 'high',
    description:
      "A policy statement grants, with `Resource: \"*\"` (or a wildcard ARN), actions that hand out credentials: the value of every secret (`secretsmanager:GetSecretValue`) or parameter (`ssm:GetParameter*`), temporary credentials of any role that trusts the account (`sts:AssumeRole`), federated credentials (`sts:GetFederationToken`), other users' service credentials or disabled access keys, database logins (`redshift:GetClusterCredentials`). Whoever acts with it takes the keys of the other applications of the account, not only its own. Creating access keys and console passwords for users are reported by iam-privilege-escalation. Every role is judged, whether a function uses it or not, and so is every IAM user, group and policy that no role of the template carries; a function reachable from the internet raises the severity one step, and a role that only services acting on the template's own configuration assume lowers it one step. A statement with a `Condition` is left out, since the condition may be what scopes it, unless it tests only `aws:RequestedRegion` or `aws:SecureTransport`, which every call of the function meets and which narrow no resource.",
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
    return judgeWildcardStatements(ModelIndex.of(model), {
      actions: (s) => actionsOnAnyResource(s, (a) => credentialExposure(a) !== undefined),
      can: (actions) => namesText([...new Set(actions.map((a) => credentialExposure(a)!))]),
      severity: 'high',
    });
  },
};
