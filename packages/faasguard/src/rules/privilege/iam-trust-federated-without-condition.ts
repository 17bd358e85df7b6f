import type { IamRole, PolicyStatement } from '../../model/app-model.js';
import { ModelIndex } from '../../model/model-index.js';
import { unconditionedFederations, type UnconditionedFederation } from '../../iam/trust-principals.js';
import type { Rule, RuleResult } from '../rule.js';
import { nameOf, subjectOf } from '../subject.js';
import { judgedPermissions, severityOf, trustStatements, type JudgedIdentity } from './judged-identity.js';
import { grantsText, namesText, relatedIdentityFunctions } from './privilege-text.js';

export const iamTrustFederatedWithoutCondition: Rule = {
  meta: {
    id: 'iam-trust-federated-without-condition',
    title: 'Role trusts a web identity provider without a condition',
    category: 'SAS-4',
    cwe: ['CWE-284', 'CWE-863'],
    severity: 'high',
    description:
      "The trust policy of a role lets a web identity provider's users assume it (`sts:AssumeRoleWithWebIdentity`) without narrowing which ones. For Cognito identity pools (`cognito-identity.amazonaws.com`), a statement without a `cognito-identity.amazonaws.com:aud` condition trusts the identities of every identity pool, in every account. For an OpenID Connect provider such as GitHub Actions (`token.actions.githubusercontent.com`), a statement without a `sub` condition (or with only `*` or `repo:*`) lets every workflow of every repository on GitHub assume the role. SAML providers are the organization's own and are not reported.",
    remediation:
      'Add the condition: `StringEquals: { cognito-identity.amazonaws.com:aud: <identity pool id> }` for Cognito; for GitHub Actions `StringLike: { token.actions.githubusercontent.com:sub: repo:<org>/<repo>:ref:refs/heads/main }` and `StringEquals: { token.actions.githubusercontent.com:aud: sts.amazonaws.com }`.',
    example: {
      language: 'yaml',
      vulnerable: 'Principal:\n  Federated: !Sub arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com\nAction: sts:AssumeRoleWithWebIdentity',
      fixed: 'Principal:\n  Federated: !Sub arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com\nAction: sts:AssumeRoleWithWebIdentity\nCondition:\n  StringLike:\n    token.actions.githubusercontent.com:sub: repo:acme/orders:ref:refs/heads/main',
    },
    references: [
      'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
      'https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html',
    ],
    judges: ['AWS::IAM::Role'],
  },
  check({ model }) {
    const index = ModelIndex.of(model);
    const results: RuleResult[] = [];
    for (const { identity, role, statement: s, index: i } of trustStatements(index)) {
      const open = unconditionedFederations(s);
      if (open.length > 0) results.push(result(identity, role, s, i, open, index));
    }
    return results;
  },
};

function whoText(f: UnconditionedFederation): string {
  if (f.provider === 'cognito-identity.amazonaws.com') return 'any Cognito identity of any identity pool';
  if (f.provider.endsWith('/token.actions.githubusercontent.com')) return 'any GitHub Actions workflow of any repository';
  return `any identity of ${f.provider}`;
}

function result(identity: JudgedIdentity, role: IamRole, s: PolicyStatement, i: number, open: UnconditionedFederation[], index: ModelIndex): RuleResult {
  const grants = judgedPermissions(identity, index).statements.flatMap((g) => g.grants);
  const can = grants.length > 0 ? `, and so ${grantsText(grants)}` : '';
  const who = open.map(whoText);
  const used = identity.functions.length > 0 ? ` (the execution role of ${namesText(identity.functions.map(nameOf))})` : '';
  return {
    message: `Role ${nameOf(role)}${used} lets ${namesText(who)} assume it${can}: no ${namesText(open.map((f) => `\`${f.missingKey}\``))} condition narrows the statement. Add one naming your identity pool or repository.`,
    location: s.loc,
    related: relatedIdentityFunctions(identity),
    subject: subjectOf(role),
    key: [role.logicalId, s.sid ?? String(i)],
    severity: severityOf(identity, 'high'),
  };
}
